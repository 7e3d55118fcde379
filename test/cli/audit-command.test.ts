import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Audit } from '../../src/model/audit.js';
import { ROOT, runCli, spawnCli } from '../helpers/run-cli.js';
import { auditOf } from '../helpers/audits.js';

const out = mkdtempSync(path.join(tmpdir(), 'presence-audit-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('presence audit on the bundled X archive', () => {
  let json: Audit;
  beforeAll(async () => {
    const result = await runCli(['audit', 'fixtures/x/archive.zip', '--format', 'json']);
    expect(result.exitCode).toBe(1);
    json = auditOf(result.stdout);
  });

  test('the JSON document: version, sources, stats by platform and kind', () => {
    expect(json).toMatchObject({
      version: 2,
      sources: [{ spec: 'fixtures/x/archive.zip', format: 'x-archive', account: 'northwindlamps', posts: 37, skipped: 0 }],
      stats: {
        posts: 37,
        byPlatform: { x: 37 },
        byKind: { post: 29, reply: 5, repost: 2, quote: 1 },
        from: '2024-05-02T09:15:00.000Z',
        to: '2024-06-24T08:00:00.000Z',
      },
    });
  });

  test("without a brand profile, the sites the archive's own profile names are the brand's own pages", () => {
    expect(json.sources[0]!.sites).toEqual(['northwind.example', 'help.northwind.example']);
    const shopLink = json.posts.find((p) => p.id === '1790326185784246272')!;
    expect(shopLink.classes).toContain('own-link');
  });

  test('the document records the window and says what the export could not show', () => {
    expect(json.window).toEqual({ last: 200, maxAgeDays: 365, olderLeftOut: 0 });
    expect(json.notEvaluated).toContainEqual({
      rule: 'platform-fit/missing-alt-text-elsewhere',
      platform: 'x',
      reason: 'the x-archive export holds no alt text',
    });
  });

  test('findings cover every family the fixture was written to trip', () => {
    const rules = new Set(json.findings.filter((f) => f.bucket !== 'keep').map((f) => f.rule));
    for (const rule of [
      'link-blasting/bare-link',
      'link-blasting/repeated-link',
      'link-blasting/link-habit',
      'link-blasting/shortener',
      'link-blasting/dead-shortener',
      'link-blasting/link-aggregator',
      'link-blasting/duplicate-text',
      'link-blasting/link-share',
      'self-promotion/promotional-share',
      'self-promotion/engagement-bait',
      'self-promotion/hard-sell',
      'platform-fit/hashtags',
      'conversation/reply-share',
    ]) {
      expect(rules, rule).toContain(rule);
    }
    // The archive's two long posts were published (note tweets X accepted): a length finding would be a counting error.
    expect([...rules]).not.toContain('platform-fit/over-length');
    // Without a voice in presence.yaml there is no brand habit of capitals to hold posts to.
    expect(json.notEvaluated).toContainEqual({
      rule: 'brand-voice/all-caps',
      reason: 'the brand profile does not set voice.max-caps-words, so there is no brand habit to hold posts to',
    });
    // A retweet is never judged on words it did not write.
    expect(json.findings.filter((f) => f.scope === 'post' && json.posts.find((p) => p.id === f.post!.id)?.kind === 'repost')).toEqual([]);
  });

  test('a post finding carries the post reference; an account finding its evidence', () => {
    const dead = json.findings.find((f) => f.rule === 'link-blasting/dead-shortener')!;
    expect(dead).toMatchObject({
      level: 'error',
      bucket: 'delete',
      scope: 'post',
      post: {
        platform: 'x',
        createdAt: '2024-06-10T09:30:00.000Z',
        source: { file: 'fixtures/x/archive.zip:twitter-2024-06-30-8f3a1c/data/tweets-part1.js', record: 7 },
      },
    });
    expect(dead.post!.url).toBe(`https://x.com/northwindlamps/status/${dead.post!.id}`);
    const share = json.findings.find((f) => f.rule === 'self-promotion/promotional-share')!;
    expect(share).toMatchObject({ scope: 'account', platform: 'x', data: { count: 8, total: 30 } });
    expect(share.postIds).toHaveLength(8);
  });

  test('the terminal report: scores, the four sections, plain text off a terminal', async () => {
    const result = await runCli(['audit', 'fixtures/x/archive.zip']);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^social presence audit\n37 posts · 2024-05-02 → 2024-06-24 · x 37/);
    expect(result.stdout).toMatch(/Score \d+\/100/);
    for (const heading of ['STOP — ', 'FIX — ', 'DELETE — ']) expect(result.stdout).toContain(heading);
    expect(result.stdout).toContain('https://x.com/northwindlamps/status/');
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stderr).toBe('presence: 1 finding at or above error\n');
  });

  test('colour only on a terminal, and never with NO_COLOR', async () => {
    expect((await runCli(['audit', 'fixtures/x/archive.zip'], { tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['audit', 'fixtures/x/archive.zip'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['audit', 'fixtures/x/archive.zip'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
  });

  test('--color and --no-color overrule the terminal and the environment', async () => {
    expect((await runCli(['audit', 'fixtures/x/archive.zip', '--color'])).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['audit', 'fixtures/x/archive.zip', '--color'], { env: { NO_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['audit', 'fixtures/x/archive.zip', '--no-color'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  test('--fail-on and --max-warnings decide the exit code', async () => {
    expect((await runCli(['audit', 'fixtures/x/archive', '--until', '2024-05-31'])).exitCode).toBe(0);
    expect((await runCli(['audit', 'fixtures/x/archive', '--until', '2024-05-31', '--fail-on', 'warning'])).exitCode).toBe(1);
    expect((await runCli(['audit', 'fixtures/x/archive', '--until', '2024-05-31', '--max-warnings', '3'])).exitCode).toBe(1);
  });

  test('--last, --since and --until bound the window', async () => {
    const last = auditOf((await runCli(['audit', 'fixtures/x/archive', '--last', '10', '--format', 'json'])).stdout);
    expect(last.stats).toMatchObject({ posts: 10, to: '2024-06-24T08:00:00.000Z' });
    const june = auditOf((await runCli(['audit', 'fixtures/x/archive', '--since', '2024-06-01', '--format', 'json'])).stdout);
    expect(june.stats.from! >= '2024-06-01').toBe(true);
    // A date given to --until takes in that whole day: the fixture's last post is at 08:00 on 24 June.
    const toTheDay = auditOf((await runCli(['audit', 'fixtures/x/archive', '--until', '2024-06-24', '--format', 'json'])).stdout);
    expect(toTheDay.stats.to).toBe('2024-06-24T08:00:00.000Z');
  });

  test('a window with no posts is not a clean audit: exit 2, saying how to widen it', async () => {
    const result = await runCli(['audit', 'fixtures/x/archive', '--platform', 'mastodon']);
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toBe('presence: none of the 37 posts loaded is in the window (widen it with --all, --since or --until)\n');
  });

  test('several formats at once; files written whole, nothing else written', async () => {
    const result = await runCli(['audit', 'fixtures/x/archive.zip', '--format', `json=${path.join(out, 'a.json')}`, '--format', 'table']);
    expect(result.stdout).toContain('STOP — ');
    expect(auditOf(readFileSync(path.join(out, 'a.json'), 'utf8')).stats.posts).toBe(37);
    expect(readdirSync(out)).toEqual(['a.json']);
    // Each file written is named on stderr, so a user knows where the report went; --quiet keeps it silent.
    expect(result.stderr).toContain(`presence: wrote the json report to ${path.join(out, 'a.json')}\n`);
    const quiet = await runCli(['audit', 'fixtures/x/archive.zip', '--format', `json=${path.join(out, 'a.json')}`, '--quiet']);
    expect(quiet.stderr).not.toContain('wrote');
  });

  test('inputs are never modified: the export zip and folder keep every byte', async () => {
    const inputs = ['fixtures/x/archive.zip', ...readdirSync(path.join(ROOT, 'fixtures/x/archive/data')).map((f) => `fixtures/x/archive/data/${f}`)];
    const digest = () =>
      inputs.map((f) =>
        createHash('sha256')
          .update(readFileSync(path.join(ROOT, f)))
          .digest('hex'),
      );
    const before = digest();
    await runCli(['audit', 'fixtures/x/archive.zip', 'fixtures/x/archive', '--format', 'json']);
    expect(digest()).toEqual(before);
  });

  test('report renders a saved audit the same way the audit did', async () => {
    const saved = path.join(out, 'saved.json');
    const audit = await runCli(['audit', 'fixtures/x/archive.zip', '--format', `json=${saved}`, '--format', 'table']);
    const report = await runCli(['report', saved]);
    expect(report.exitCode).toBe(0);
    expect(report.stdout).toBe(audit.stdout);
  });

  test('report --compare shows what changed', async () => {
    const older = path.join(out, 'older.json');
    const newer = path.join(out, 'newer.json');
    await runCli(['audit', 'fixtures/x/archive.zip', '--since', '2024-05-01', '--until', '2024-05-31', '--format', `json=${older}`]);
    await runCli(['audit', 'fixtures/x/archive.zip', '--since', '2024-05-25', '--until', '2024-06-24', '--format', `json=${newer}`]);
    const result = await runCli(['report', newer, '--compare', older, '--format', 'json']);
    const compared = auditOf(result.stdout);
    expect(compared.comparison!.new.length).toBeGreaterThan(0);
    expect(compared.comparison!.overall.after).toBe(compared.scores.overall);
    expect((await runCli(['report', newer, '--compare', older])).stdout).toMatch(
      /Since the audit of \d{4}-\d{2}-\d{2}: \d+ findings? fixed, \d+ new, \d+ remaining/,
    );
  });

  test('the built binary runs end to end (smoke)', () => {
    const result = spawnCli(['audit', 'fixtures/x/archive.zip', '--format', 'json']);
    expect(result.exitCode).toBe(1);
    expect(auditOf(result.stdout).stats.posts).toBe(37);
  });
});

describe('file names with a colon', () => {
  test('an existing a:b.csv is that file; a missing one is an unknown format, as before', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'presence-colon-'));
    copyFileSync(path.join(ROOT, 'fixtures/generic/posts.csv'), path.join(dir, 'june:queue.csv'));
    const found = await runCli(['audit', 'june:queue.csv', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(found.stdout).sources[0]).toMatchObject({ spec: 'june:queue.csv', format: 'generic' });
    const missing = await runCli(['audit', 'july:queue.csv'], { cwd: dir });
    expect(missing).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^presence: unknown source format "july"/) });
  });
});
