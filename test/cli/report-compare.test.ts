import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { windowLength, windowMismatch } from '../../src/engine/compare.js';
import { runCli } from '../helpers/run-cli.js';
import { auditOf } from '../helpers/audits.js';

const out = mkdtempSync(path.join(tmpdir(), 'presence-compare-'));
const may = path.join(out, 'may.json');
const june = path.join(out, 'june.json');
const latest = path.join(out, 'latest.json');
afterAll(() => rmSync(out, { recursive: true, force: true }));
beforeAll(async () => {
  // Two windows of 31 days on the bundled archive, and one chosen by count.
  await runCli(['audit', 'fixtures/x/archive.zip', '--since', '2024-05-01', '--until', '2024-05-31', '--format', `json=${may}`]);
  await runCli(['audit', 'fixtures/x/archive.zip', '--since', '2024-05-25', '--until', '2024-06-24', '--format', `json=${june}`]);
  await runCli(['audit', 'fixtures/x/archive.zip', '--format', `json=${latest}`]);
});

describe('report --compare, habit by habit', () => {
  test('each habit before and after, worst change first: new and worse before unchanged, better and gone', async () => {
    const result = await runCli(['report', june, '--compare', may, '--format', 'json']);
    expect(result.exitCode).toBe(0);
    const { comparison } = auditOf(result.stdout);
    expect(comparison!.window).toBe('31 days');
    const habits = comparison!.habits!;
    const order = ['new', 'worse', 'same', 'better', 'gone'];
    expect(habits.map((h) => order.indexOf(h.change))).toEqual([...habits.map((h) => order.indexOf(h.change))].sort((a, b) => a - b));
    // May's week of one link repeated is gone in June; a dead goo.gl link is new in June.
    expect(habits.find((h) => h.rule === 'link-blasting/link-habit')).toMatchObject({ change: 'gone', before: { posts: 5 } });
    expect(habits.find((h) => h.rule === 'link-blasting/dead-shortener')).toMatchObject({ change: 'new', after: { posts: 1 } });
    for (const h of habits.filter((x) => x.before && x.after && x.before.level === x.after.level)) {
      const moved = h.after!.share - h.before!.share;
      expect(h.change, h.rule).toBe(Math.abs(moved) < 1 ? 'same' : moved > 0 ? 'worse' : 'better');
    }
  });

  test('a finding on a post older than the new window is not fixed: it left the window, and every report says so', async () => {
    const { comparison } = auditOf((await runCli(['report', june, '--compare', may, '--format', 'json'])).stdout);
    const start = Date.parse('2024-05-25T00:00:00Z');
    expect(comparison!.fixed.filter((f) => f.post && Date.parse(f.post.createdAt) < start)).toEqual([]);
    const mayAudit = auditOf(readFileSync(may, 'utf8'));
    const older = mayAudit.findings.filter((f) => f.bucket !== 'keep' && f.post && Date.parse(f.post.createdAt) < start);
    expect(older.length).toBeGreaterThan(0);
    expect(comparison!.leftWindow).toBe(older.length);
    const table = (await runCli(['report', june, '--compare', may])).stdout;
    expect(table).toContain(`; ${older.length} on posts older than this window, neither fixed nor counted`);
  });

  test('every client report shows the per-habit change', async () => {
    const table = (await runCli(['report', june, '--compare', may])).stdout;
    expect(table).toMatch(/\d+ habits? better or gone, \d+ worse or new, \d+ unchanged \(both: 31 days\)/);
    expect(table).toMatch(/link-blasting\/link-habit \[x\] +│ 20\.8% \(5 posts\) +│ – +│ gone/);
    const md = (await runCli(['report', june, '--compare', may, '--format', 'markdown'])).stdout;
    expect(md).toContain('| habit | network | before | now | change |');
    expect(md).toMatch(/_\(link\\-blasting\/link\\-habit\)_ \| X \| 20\.8% \(5 posts\) \| – \| \*\*gone\*\* \|/);
    const html = (await runCli(['report', june, '--compare', may, '--format', 'html'])).stdout;
    expect(html).toMatch(/<tr class="gone"><th scope="row">The same link posted three or more times/);
    expect(html).toContain('Both cover 31 days.');
  });

  test('windows of different length are refused with one line and exit 2, naming the older audit', async () => {
    const result = await runCli(['report', latest, '--compare', may]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const lengths = /\(31 days before, the newest 200 posts, none older than 12 months before the newest now\)/;
    expect(result.stderr).toMatch(
      new RegExp(/may\.json: the audits cover windows of different length /.source + lengths.source + / \(audit both the same way/.source),
    );
  });

  test('the window length: a count, or the days from --since to --until; a day apart is the same window', () => {
    const stats = {
      posts: 1,
      byPlatform: {},
      byKind: { post: 1, reply: 0, repost: 0, quote: 0 },
      skipped: 0,
      from: '2024-01-01T10:00:00Z',
      to: '2024-03-30T10:00:00Z',
    };
    expect(windowLength({ window: { last: 200, maxAgeDays: 365, olderLeftOut: 0 }, stats })).toBe(
      'the newest 200 posts, none older than 12 months before the newest',
    );
    expect(windowLength({ window: { last: 200, since: '2024-01-01T00:00:00.000Z', until: '2024-03-31T23:59:59.999Z', olderLeftOut: 0 }, stats })).toBe(
      '91 days',
    );
    expect(windowLength({ stats })).toBe('89 days');
    expect(windowMismatch({ stats }, { stats: { ...stats, to: '2024-03-31T10:00:00Z' } })).toBeUndefined();
    expect(windowMismatch({ window: { last: 500, olderLeftOut: 0 }, stats }, { window: { last: 200, olderLeftOut: 0 }, stats })).toBe(
      'the audits cover windows of different length (the newest 200 posts before, the newest 500 posts now)',
    );
  });
});
