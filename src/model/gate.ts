import type { Finding, Level } from './finding.js';
import { levelRank } from './names.js';

/**
 * Whether a finding fails a gate set at `failOn`. "Keep doing" lines never do, nor do habits a
 * queue check found already present in history: they are reported, not blamed on the queue.
 * Apart from the schemas, so that a command line that only asks for `--version` loads no zod.
 */
export const failsGate = (finding: Pick<Finding, 'bucket' | 'level' | 'data'>, failOn: Level): boolean =>
  finding.bucket !== 'keep' && finding.data.preexisting !== true && levelRank(finding.level) >= levelRank(failOn);
