// Preloaded with --import into a measured process: appends its peak resident set size (KiB) to
// the file named by PRESENCE_BENCH_RSS when it exits.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.PRESENCE_BENCH_RSS) appendFileSync(process.env.PRESENCE_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
