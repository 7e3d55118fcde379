import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { auditOf } from '../helpers/audits.js';

const out = mkdtempSync(path.join(tmpdir(), 'presence-check-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const check = async (...args: string[]) => {
  const result = await runCli(['check', ...args, '--format', 'json']);
  return { ...result, audit: result.stdout ? auditOf(result.stdout) : undefined };
};
const HISTORY = ['--history', 'fixtures/x/archive.zip', '--queue-platform', 'x'];
/** A window of history whose promotional share is under the limit. */
const QUIET_WEEKS = ['--since', '2024-05-15', '--until', '2024-06-06'];

describe('presence check', () => {
  test('a clean queue exits 0', async () => {
    const result = await check('fixtures/queue/clean.csv', ...HISTORY, ...QUIET_WEEKS, '--fail-on', 'warning');
    expect(result.exitCode, JSON.stringify(result.audit?.findings.map((f) => f.rule))).toBe(0);
  });

  test('an over-limit queue exits 1, each finding at its queue line', async () => {
    const result = await check('fixtures/queue/over-limit.csv', ...HISTORY);
    expect(result.exitCode).toBe(1);
    const places = result.audit!.findings.filter((f) => f.scope === 'post').map((f) => [f.rule, f.level, f.post!.source.line]);
    expect(places).toEqual([
      // One link with no words is a bare link, once: "more links than words" needs two links.
      ['link-blasting/bare-link', 'warning', 2],
      ['link-blasting/shortener', 'warning', 2],
      ['platform-fit/over-length', 'error', 3],
      ['link-blasting/dead-shortener', 'error', 4],
    ]);
    expect(result.audit!.findings.every((f) => f.scope === 'account' || f.post!.source.file === 'fixtures/queue/over-limit.csv')).toBe(true);
  });

  test('a queue fine alone fails when it pushes the promotional share over with history', async () => {
    const alone = await check('fixtures/queue/promo-push.csv', '--queue-platform', 'x', '--fail-on', 'warning');
    expect(alone.audit!.findings.filter((f) => f.scope === 'post')).toEqual([]);
    const result = await check('fixtures/queue/promo-push.csv', ...HISTORY, ...QUIET_WEEKS, '--fail-on', 'warning');
    expect(result.exitCode).toBe(1);
    const share = result.audit!.findings.find((f) => f.rule === 'self-promotion/promotional-share')!;
    expect(share).toMatchObject({ level: 'warning', platform: 'x', data: { count: 3 } });
    expect(share.data.preexisting).toBeUndefined();
  });

  test('a history already over a threshold is a warning, not blamed on the queue', async () => {
    const result = await check('fixtures/queue/clean.csv', ...HISTORY);
    expect(result.exitCode).toBe(0);
    const share = result.audit!.findings.find((f) => f.rule === 'self-promotion/promotional-share')!;
    expect(share).toMatchObject({ level: 'warning', data: { preexisting: true } });
    expect(share.message).toMatch(/already so before this queue/);
  });

  test("a habit the queue raises in level is the queue's doing: a warning in history, an error with the queue, fails", async () => {
    const day = (n: number) => new Date(Date.UTC(2024, 4, 1 + n, 9)).toISOString().slice(0, 16).replace('T', ' ');
    const tips = Array.from({ length: 15 }, (_, i) => `Lamp tip number ${i + 1}: where the light should fall when you read.`);
    const sales = Array.from({ length: 5 }, (_, i) => `Spring sale: ${20 + i}% off every desk lamp this week, shop now.`);
    // 5 of 20 promotional (25%: a warning); four more sales in the queue make 9 of 24 (37.5%: over the 33% error maximum).
    const history = [...tips, ...sales].map((text, i) => `${day(i)},X,"${text}"`);
    writeFileSync(path.join(out, 'history.csv'), `Publish Date,Network,Message\n${history.join('\n')}\n`);
    const queue = [0, 1, 2, 3].map((i) => `0${i + 1}/07/2024 09:00,"Summer sale: ${30 + i}% off every floor lamp until Sunday, shop now.",`);
    writeFileSync(path.join(out, 'queue.csv'), `${queue.join('\n')}\n`);
    const result = await check(path.join(out, 'queue.csv'), '--history', path.join(out, 'history.csv'), '--queue-platform', 'x', '--all');
    expect(result.exitCode).toBe(1);
    const share = result.audit!.findings.find((f) => f.rule === 'self-promotion/promotional-share')!;
    expect(share).toMatchObject({ level: 'error', data: { count: 9, total: 24, levelBefore: 'warning' } });
    expect(share.data.preexisting).toBeUndefined();
    expect(share.message).toMatch(/\(a warning before this queue: the queue makes it an error\)$/);
  });

  test("a queue that names no network is judged as the history's one network, or refused", async () => {
    const inferred = await check('fixtures/queue/over-limit.csv', '--history', 'fixtures/x/archive.zip');
    expect(inferred.stderr).toMatch(
      /^presence: the queue names no network for 4 posts; judging them as x, the history's network \(--queue-platform to choose\)$/m,
    );
    expect(inferred.audit!.findings).toContainEqual(expect.objectContaining({ rule: 'platform-fit/over-length', level: 'error' }));
    const alone = await runCli(['check', 'fixtures/queue/over-limit.csv']);
    expect(alone).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^presence: the queue names no network for 4 posts and no history names one \(give --queue-platform \(x, /),
    });
    const mixed = await runCli(['check', 'fixtures/queue/over-limit.csv', '--history', 'fixtures/x/archive.zip', '--history', 'fixtures/linkedin/Shares.csv']);
    expect(mixed).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('the history has linkedin and x') });
  });

  test('history posts are never judged one by one', async () => {
    const result = await check('fixtures/queue/clean.csv', ...HISTORY);
    expect(result.audit!.findings.filter((f) => f.scope === 'post')).toEqual([]);
  });

  test('an ignore column suppresses the named rules for that row only', async () => {
    const result = await check('fixtures/queue/ignored.csv', '--queue-platform', 'x');
    const rules = result.audit!.findings.map((f) => [f.rule, f.post?.source.line]);
    expect(rules).not.toContainEqual(['link-blasting/bare-link', 1]);
    expect(rules).toContainEqual(['link-blasting/dead-shortener', 2]);
  });

  test('a baseline accepts known findings so only new ones fail', async () => {
    const baseline = path.join(out, 'baseline.json');
    const first = await check('fixtures/queue/over-limit.csv', '--queue-platform', 'x', '--write-baseline', baseline);
    expect(first.exitCode).toBe(1);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toMatchObject({ presence: 'baseline', version: 1 });
    const second = await check('fixtures/queue/over-limit.csv', '--queue-platform', 'x', '--baseline', baseline);
    expect(second.exitCode).toBe(0);
    expect(second.audit!.findings).toEqual([]);
    expect(second.stderr).toMatch(/accepted by the baseline/);
    const moved = path.join(out, 'moved.csv');
    writeFileSync(moved, `01/07/2024 10:00,"Fresh idea:",https://tinyurl.com/abc\n${readFileSync('fixtures/queue/over-limit.csv', 'utf8')}`);
    const third = await check(moved, '--queue-platform', 'x', '--baseline', baseline, '--fail-on', 'warning');
    expect(third.exitCode).toBe(1);
    expect(new Set(third.audit!.findings.map((f) => f.post?.source.line))).toEqual(new Set([1]));
  });

  test('a Buffer queue: only scheduled posts are queued', async () => {
    const result = await check('fixtures/queue/buffer.json', '--queue-platform', 'x');
    expect(result.audit!.sources[0]).toMatchObject({ format: 'buffer-json', posts: 2, excluded: { 'sent post': 1 } });
  });

  test('a malformed queue exits 2 with file and line: a gate never skips a row it cannot read', async () => {
    const result = await runCli(['check', 'fixtures/queue/malformed.csv']);
    expect(result.exitCode).toBe(2);
    const badRow = /^presence: fixtures\/queue\/malformed\.csv:2: malformed record: /;
    expect(result.stderr).toMatch(
      new RegExp(badRow.source + /expected a date and time such as 14\/05\/2024 09:30 in the first column; got "next tuesday"/.source),
    );
  });

  test('the same input gives the same bytes, apart from the time of the run', async () => {
    const a = await runCli(['check', 'fixtures/queue/over-limit.csv', ...HISTORY, '--format', 'json']);
    const b = await runCli(['check', 'fixtures/queue/over-limit.csv', ...HISTORY, '--format', 'json']);
    const strip = (text: string) => text.replace(/"generatedAt": "[^"]+"/, '');
    expect(strip(a.stdout)).toBe(strip(b.stdout));
  });
});

describe('presence check in CI formats', () => {
  test('every format points at the same queue lines; the job summary is appended when GITHUB_STEP_SUMMARY is set', async () => {
    const summary = path.join(out, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const sarifFile = path.join(out, 'p.sarif');
    const junitFile = path.join(out, 'p.xml');
    const result = await runCli(
      [
        'check',
        'fixtures/queue/over-limit.csv',
        '--queue-platform',
        'x',
        '--format',
        'github',
        '--format',
        `sarif=${sarifFile}`,
        '--format',
        `junit=${junitFile}`,
      ],
      { env: { GITHUB_STEP_SUMMARY: summary } },
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^::error file=fixtures\/queue\/over-limit\.csv,line=3,/m);
    const sarifLines = JSON.parse(readFileSync(sarifFile, 'utf8')).runs[0].results.map(
      (r: { locations?: { physicalLocation: { region?: { startLine: number } } }[] }) => r.locations?.[0]?.physicalLocation.region?.startLine,
    );
    expect(new Set(sarifLines)).toEqual(new Set([2, 3, 4]));
    expect(readFileSync(junitFile, 'utf8')).toMatch(/name="line 4: Where to find us/);
    expect(readFileSync(summary, 'utf8')).toMatch(/^# earlier step\n## presence\n/);
  });
});
