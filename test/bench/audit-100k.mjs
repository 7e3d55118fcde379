// `npm run bench`: generates X archives deterministically and measures presence against the cost
// of merely parsing them, in one run, as ratios. Usage: node test/bench/audit-100k.mjs [--out FILE] [--runs N]
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
const runs = Number(option('--runs', '3'));
const out = option('--out');

const work = mkdtempSync(path.join(tmpdir(), 'presence-bench-'));
const rssFile = path.join(work, 'rss.txt');

/** Runs a command `runs` times; returns the median wall time (ms) and median peak RSS (MiB). */
function measure(label, command, commandArgs, times = runs) {
  const walls = [];
  const peaks = [];
  for (let i = 0; i < times; i++) {
    writeFileSync(rssFile, '');
    const started = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, {
      cwd: work,
      env: { ...process.env, NODE_OPTIONS: `--import=${path.join(here, 'peak-rss.mjs')}`, PRESENCE_BENCH_RSS: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 30,
    });
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${label} failed (${result.status}): ${result.stderr}`);
    const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
    peaks.push(Math.max(...rss) / 1024);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { label, wallMs: Math.round(median(walls)), peakRssMiB: Math.round(median(peaks)) };
}

process.stderr.write('generating archives (100,000, 50,000 and 10,000 posts) and a 50-post queue…\n');
const big = writeArchive(100_000, path.join(work, '100k'));
const half = writeArchive(50_000, path.join(work, '50k'));
const history = writeArchive(10_000, path.join(work, '10k'));
const queue = path.join(work, 'queue.csv');
writeFileSync(
  queue,
  Array.from({ length: 50 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/07/2024 ${String(8 + (i % 12)).padStart(2, '0')}:00,"Queued post ${i}: three ways to light a reading corner, part ${i}.",${i % 3 ? '' : `https://northwind.example/blog/${i}`}`).join('\n'),
);

process.stderr.write('measuring…\n');
const floor = measure('floor: read + JSON.parse 100k tweets.js', process.execPath, [path.join(here, 'floor.mjs'), big.tweetsJs]);
const audit100 = measure('presence audit 100k zip --all --format json', process.execPath, [bin, 'audit', big.zip, '--all', '--format', 'json', '--quiet']);
const audit50 = measure('presence audit 50k zip --all --format json', process.execPath, [bin, 'audit', half.zip, '--all', '--format', 'json', '--quiet']);
const historyFloor = measure('floor: read + JSON.parse 10k tweets.js', process.execPath, [path.join(here, 'floor.mjs'), history.tweetsJs]);
const historyLoad = measure('presence loading the 10k history zip', process.execPath, [path.join(here, 'load-only.mjs'), history.zip]);
const check = measure('presence check 50-post queue, 10k history', process.execPath, [bin, 'check', queue, '--history', history.zip, '--all', '--queue-platform', 'x', '--format', 'json', '--quiet']);
const nodeStart = measure('node -e 0', process.execPath, ['-e', '0'], 10);
const version = measure('presence --version', process.execPath, [bin, '--version'], 10);

const ratios = [
  { figure: 'audit 100k wall ÷ floor wall', value: audit100.wallMs / floor.wallMs, target: 2.0 },
  { figure: 'audit 100k peak RSS ÷ floor peak RSS', value: audit100.peakRssMiB / floor.peakRssMiB, target: 1.5 },
  { figure: 'audit 100k wall ÷ audit 50k wall', value: audit100.wallMs / audit50.wallMs, target: 2.3 },
  { figure: 'presence --version ÷ node -e 0', value: version.wallMs / nodeStart.wallMs, target: 2.0 },
  { figure: 'check 50 + 10k history ÷ presence loading it', value: check.wallMs / historyLoad.wallMs, target: 1.5 },
  { figure: 'check 50 + 10k history ÷ parse floor of 10k', value: check.wallMs / historyFloor.wallMs, target: 1.5 },
].map((r) => ({ ...r, value: Math.round(r.value * 100) / 100, met: r.value <= r.target }));

const measurements = [floor, audit100, audit50, historyFloor, historyLoad, check, nodeStart, version];
const pad = (text, width) => String(text).padEnd(width);
console.log(`\n${pad('command', 48)}${pad('wall ms', 10)}peak RSS MiB`);
for (const m of measurements) console.log(`${pad(m.label, 48)}${pad(m.wallMs, 10)}${m.peakRssMiB}`);
console.log(`\n${pad('ratio', 48)}${pad('value', 10)}${pad('target', 10)}met`);
for (const r of ratios) console.log(`${pad(r.figure, 48)}${pad(r.value, 10)}${pad(`≤ ${r.target}`, 10)}${r.met ? 'yes' : 'NO'}`);

const report = { node: process.version, runs, generatedAt: new Date().toISOString(), measurements, ratios };
if (out) writeFileSync(path.resolve(out), `${JSON.stringify(report, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
process.exitCode = ratios.every((r) => r.met) ? 0 : 1;
