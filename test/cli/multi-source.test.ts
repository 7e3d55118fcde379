import { describe, expect, test } from 'vitest';

import { runCli } from '../helpers/run-cli.js';
import { auditOf } from '../helpers/audits.js';

const ALL = [
  'fixtures/x/archive.zip',
  'fixtures/mastodon/archive-20240601120000-5e2b9c.zip',
  'fixtures/bluesky/author-feed.json',
  'fixtures/linkedin/Shares.csv',
  'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json',
  'fixtures/instagram/posts_1.json',
  'fixtures/threads/threads_and_replies.json',
  'fixtures/feeds/blog.rss',
];

describe('one brand across every network', async () => {
  const result = await runCli(['audit', ...ALL, '--format', 'json']);
  const audit = auditOf(result.stdout);

  test('every source is detected by its content and merged into one timeline', () => {
    expect(audit.sources.map((s) => s.format)).toEqual([
      'x-archive',
      'mastodon-outbox',
      'bluesky-feed-json',
      'linkedin-csv',
      'facebook-json',
      'instagram-json',
      'threads-json',
      'feed',
    ]);
    expect(audit.stats.byPlatform).toEqual({ x: 37, mastodon: 11, bluesky: 5, linkedin: 5, facebook: 5, instagram: 3, threads: 3, feed: 2 });
    expect(audit.stats.skipped).toBe(6);
    expect(audit.sources.find((s) => s.format === 'mastodon-outbox')!.excluded).toEqual({ 'direct message': 1 });
  });

  test('the same announcement blasted to several networks is one cross-posting finding', () => {
    const crossPost = audit.findings.filter((f) => f.rule === 'link-blasting/cross-posting');
    expect(crossPost).toHaveLength(1);
    expect(String(crossPost[0]!.data.platforms).split(', ').length).toBeGreaterThanOrEqual(4);
    expect(crossPost[0]!.scope).toBe('account');
  });

  test('platform rules judge each network its own way', () => {
    const rules = new Set(audit.findings.map((f) => `${f.rule} ${f.post?.platform ?? f.platform ?? ''}`));
    expect(rules).toContain('platform-fit/hashtag-cap instagram');
    expect(rules).toContain('platform-fit/instagram-caption-link instagram');
    expect(rules).toContain('platform-fit/missing-alt-text mastodon');
    expect(rules).toContain('platform-fit/technical-on-social linkedin');
    expect(rules).toContain('self-promotion/engagement-bait facebook');
  });

  test('the terminal report shows the breakdown by platform and each source', async () => {
    const table = await runCli(['audit', ...ALL]);
    const byPlatform = 'x 37, mastodon 11, bluesky 5, linkedin 5, facebook 5, instagram 3, threads 3, feed 2';
    expect(table.stdout).toMatch(new RegExp(`71 posts · 2024-05-02 → 2024-06-24 · ${byPlatform} · 54 posts, 9 replies, 6 reposts, 2 quotes`));
    expect(table.stdout).toContain(
      '  archive-20240601120000-5e2b9c.zip (mastodon-outbox, northwindlamps@mastodon.example): ' +
        '11 posts; 1 direct message left out, 1 malformed record skipped',
    );
  });

  test('an export given twice, or two exports that overlap, put each post in the timeline once', async () => {
    const twice = auditOf((await runCli(['audit', 'fixtures/x/archive.zip', 'fixtures/x/archive', '--all', '--format', 'json'])).stdout);
    const once = auditOf((await runCli(['audit', 'fixtures/x/archive.zip', '--all', '--format', 'json'])).stdout);
    expect(twice.stats.posts).toBe(once.stats.posts);
    expect(twice.sources[1]).toMatchObject({ posts: 0, excluded: { 'repeat of a post already read (the same id)': once.stats.posts } });
    expect(twice.findings.filter((f) => f.rule === 'link-blasting/duplicate-text')).toEqual(
      once.findings.filter((f) => f.rule === 'link-blasting/duplicate-text'),
    );
  });

  test('--platform filters and --last counts per account', async () => {
    const two = auditOf((await runCli(['audit', ...ALL, '--last', '2', '--format', 'json'])).stdout);
    expect(two.stats.byPlatform).toEqual({ x: 2, mastodon: 2, bluesky: 2, linkedin: 2, facebook: 2, instagram: 2, threads: 2, feed: 2 });
    const mastodon = auditOf((await runCli(['audit', ...ALL, '--platform', 'mastodon,bluesky', '--format', 'json'])).stdout);
    expect(Object.keys(mastodon.stats.byPlatform)).toEqual(['mastodon', 'bluesky']);
  });

  test('a format can be forced; an unknown one names the formats; --strict turns a malformed record into exit 2', async () => {
    expect((await runCli(['audit', 'linkedin-csv:fixtures/linkedin/Shares.csv', '--format', 'json'])).exitCode).not.toBe(2);
    const unknown = await runCli(['audit', 'README.md']);
    const tried = [
      'x-archive',
      'x-legacy-archive',
      'mastodon-outbox',
      'bluesky-feed-json',
      'bluesky-car',
      'linkedin-csv',
      'facebook-json',
      'instagram-json',
      'threads-json',
      'feed',
      'hootsuite-csv',
      'buffer-json',
      'snapshot-jsonl',
      'generic',
    ].join(', ');
    const unknownFormat = new RegExp(`^presence: README\\.md: unknown format; tried ${tried} \\(force one as FORMAT:PATH\\)\n$`);
    expect(unknown).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(unknownFormat) });
    const strict = await runCli(['audit', 'fixtures/linkedin/Shares.csv', '--strict']);
    expect(strict).toMatchObject({
      exitCode: 2,
      stderr:
        'presence: fixtures/linkedin/Shares.csv:12: malformed record: expected a Date such as 2024-05-14 09:30:12; ' +
        'got "not a date" (drop --strict to skip such records)\n',
    });
  });
});
