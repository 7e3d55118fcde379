// `npm run bench`: generates X archives deterministically and measures presence against the cost
// of merely parsing them, in one run, as ratios. Commands run in rounds (each once a round) and
// every ratio is the median of its per-round ratios. Usage: node test/bench/audit-100k.mjs [--out FILE] [--runs ROUNDS]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeArchive } from './generate-archive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = path.join(root, 'bin/presence.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', '5'));
const out = option('--out');

const work = mkdtempSync(path.join(tmpdir(), 'presence-bench-'));
const rssFile = path.join(work, 'rss.txt');

/** Runs a command once, with `env` added to the environment; returns its wall time (ms) and peak RSS (MiB). */
function runOnce({ label, command, args: commandArgs, env = {} }) {
  writeFileSync(rssFile, '');
  const environment = { ...process.env, NODE_OPTIONS: `--import=${path.join(here, 'peak-rss.mjs')}`, PRESENCE_BENCH_RSS: rssFile, NO_COLOR: '1', ...env };
  // A job summary is written only where the command asks for one, even when the bench runs inside a CI job.
  if (!env.GITHUB_STEP_SUMMARY) delete environment.GITHUB_STEP_SUMMARY;
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, {
    cwd: work,
    env: environment,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${label} failed (${result.status}): ${result.stderr}`);
  const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
  return { wallMs, peakRssMiB: Math.max(...rss) / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs the commands in rounds, each command once a round, so the two sides of a ratio are
 * always measured moments apart: a ratio is the median of its per-round ratios, which holds
 * when a shared machine's speed drifts during the run. Returns the runs of each command.
 */
function measureRounds(commands, rounds) {
  const samples = commands.map(() => []);
  for (let round = 0; round < rounds; round++) commands.forEach((c, i) => samples[i].push(runOnce(c)));
  return commands.map((c, i) => ({
    label: c.label,
    samples: samples[i],
    wallMs: Math.round(median(samples[i].map((s) => s.wallMs))),
    peakRssMiB: Math.round(median(samples[i].map((s) => s.peakRssMiB))),
  }));
}

/** The median over rounds of a / b, for wall time or peak RSS. */
function ratioOf(a, b, figure) {
  return median(a.samples.map((s, round) => s[figure] / b.samples[round][figure]));
}

process.stderr.write('generating archives (100,000, 50,000, 20,000 and 10,000 posts) and a 50-post queue…\n');
const big = writeArchive(100_000, path.join(work, '100k'));
const half = writeArchive(50_000, path.join(work, '50k'));
const history = writeArchive(10_000, path.join(work, '10k'));
const history20 = writeArchive(20_000, path.join(work, '20k'));
const summary = path.join(work, 'step-summary.md');
const queue = path.join(work, 'queue.csv');
writeFileSync(
  queue,
  Array.from(
    { length: 50 },
    (_, i) =>
      `${String((i % 28) + 1).padStart(2, '0')}/07/2024 ${String(8 + (i % 12)).padStart(2, '0')}:00,"Queued post ${i}: three ways to light a reading corner, part ${i}.",${i % 3 ? '' : `https://northwind.example/blog/${i}`}`,
  ).join('\n'),
);

process.stderr.write('measuring…\n');
// Built-in rules off (classes stay): what presence costs before any rule runs, for reference.
const noRules = path.join(work, 'no-rules.yaml');
writeFileSync(noRules, 'builtin: false\n');
const presence = (...commandArgs) => [bin, ...commandArgs, '--format', 'json', '--quiet'];
const check20 = (env) => ({ command: process.execPath, args: presence('check', queue, '--history', history20.zip, '--all', '--queue-platform', 'x'), env });
const [floor, audit100, audit50, bare100, historyFloor, historyLoad, check, checkPlain, checkSummary] = measureRounds(
  [
    { label: 'floor: read + JSON.parse 100k tweets.js', command: process.execPath, args: [path.join(here, 'floor.mjs'), big.tweetsJs] },
    { label: 'presence audit 100k zip --all --format json', command: process.execPath, args: presence('audit', big.zip, '--all') },
    { label: 'presence audit 50k zip --all --format json', command: process.execPath, args: presence('audit', half.zip, '--all') },
    { label: 'the same 100k audit without rules', command: process.execPath, args: presence('audit', big.zip, '--all', '--config', noRules) },
    { label: 'floor: read + JSON.parse 10k tweets.js', command: process.execPath, args: [path.join(here, 'floor.mjs'), history.tweetsJs] },
    { label: 'presence loading the 10k history zip', command: process.execPath, args: [path.join(here, 'load-only.mjs'), history.zip] },
    {
      label: 'presence check 50-post queue, 10k history',
      command: process.execPath,
      args: presence('check', queue, '--history', history.zip, '--all', '--queue-platform', 'x'),
    },
    { label: 'presence check 50-post queue, 20k history', ...check20({}) },
    { label: 'the same, writing the GitHub job summary', ...check20({ GITHUB_STEP_SUMMARY: summary }) },
  ],
  runs,
);
const [nodeStart, version] = measureRounds(
  [
    { label: 'node -e 0', command: process.execPath, args: ['-e', '0'] },
    { label: 'presence --version', command: process.execPath, args: [bin, '--version'] },
  ],
  Math.max(10, runs),
);

const ratios = [
  { figure: 'audit 100k wall ÷ floor wall', value: ratioOf(audit100, floor, 'wallMs'), target: 2.0 },
  { figure: 'audit 100k peak RSS ÷ floor peak RSS', value: ratioOf(audit100, floor, 'peakRssMiB'), target: 1.5 },
  { figure: 'audit 100k without rules ÷ floor', value: ratioOf(bare100, floor, 'wallMs') },
  { figure: 'audit 100k wall ÷ audit 50k wall', value: ratioOf(audit100, audit50, 'wallMs'), target: 2.3 },
  { figure: 'presence --version ÷ node -e 0', value: ratioOf(version, nodeStart, 'wallMs'), target: 2.0 },
  { figure: 'check 50 + 10k history ÷ presence loading it', value: ratioOf(check, historyLoad, 'wallMs'), target: 1.5 },
  { figure: 'check 50 + 10k history ÷ parse floor of 10k', value: ratioOf(check, historyFloor, 'wallMs'), target: 1.5 },
  { figure: 'check 50 + 20k history, job summary ÷ without', value: ratioOf(checkSummary, checkPlain, 'wallMs'), target: 1.33 },
].map((r) => ({ ...r, value: Math.round(r.value * 100) / 100, ...(r.target !== undefined && { met: r.value <= r.target }) }));

const measurements = [floor, audit100, audit50, bare100, historyFloor, historyLoad, check, checkPlain, checkSummary, nodeStart, version].map(
  ({ samples, ...m }) => m,
);
const pad = (text, width) => String(text).padEnd(width);
console.log(`\n${pad('command', 48)}${pad('wall ms', 10)}peak RSS MiB`);
for (const m of measurements) console.log(`${pad(m.label, 48)}${pad(m.wallMs, 10)}${m.peakRssMiB}`);
console.log(`\n${pad('ratio', 48)}${pad('value', 10)}${pad('target', 10)}met`);
for (const r of ratios)
  console.log(
    `${pad(r.figure, 48)}${pad(r.value, 10)}${pad(r.target === undefined ? '—' : `≤ ${r.target}`, 10)}${r.met === undefined ? '—' : r.met ? 'yes' : 'NO'}`,
  );

const report = { node: process.version, runs, generatedAt: new Date().toISOString(), measurements, ratios };
if (out) writeFileSync(path.resolve(out), `${JSON.stringify(report, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
process.exitCode = ratios.every((r) => r.met !== false) ? 0 : 1;
