import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { postRef, runAudit } from '../../src/engine/run.js';
import { selectPosts } from '../../src/engine/select.js';
import { Audit, AUDIT_VERSION } from '../../src/model/audit.js';
import type { Post } from '../../src/model/post.js';
import { makePost } from '../helpers/posts.js';
import { EMPTY_BRAND } from '../../src/rules/brand-context.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';

const day = (n: number, hour = 9) => new Date(Date.UTC(2024, 4, n, hour)).toISOString();

function brandTimeline(): Post[] {
  const posts: Post[] = [];
  for (let i = 1; i <= 6; i++)
    posts.push(
      makePost({
        id: `promo${i}`,
        createdAt: day(i),
        text: `Spring sale: ${10 + i}% off the Aurora lamp, shop now https://northwind.example/shop/aurora-${i}`,
      }),
    );
  for (let i = 7; i <= 16; i++)
    posts.push(
      makePost({
        id: `tip${i}`,
        createdAt: day(i),
        text: `Lighting tip ${i}: put the lamp on the side of your writing hand so the shadow falls away from the page.`,
      }),
    );
  posts.push(makePost({ id: 'bare', createdAt: day(17), text: 'New post: https://northwind.example/blog/warm-light' }));
  posts.push(
    makePost({
      id: 'reply1',
      kind: 'reply',
      replyTo: { id: '1', isOwn: false },
      createdAt: day(18),
      text: '@jordan_reads thanks! The shade is recycled aluminium.',
    }),
  );
  return posts;
}

describe('runAudit', async () => {
  const files = ['rules/run-shares.yaml', 'rules/run-links.yaml'].map((file) => path.join(import.meta.dirname, file));
  const ruleSet = await loadRuleSet({ builtin: false, files, overrides: {}, brand: EMPTY_BRAND, cwd: process.cwd() });
  const run = (posts: Post[]) => runAudit({ posts, ruleSet, sources: [], generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });
  const timeline = brandTimeline();
  const audit = run(timeline);

  test('produces a valid, versioned audit document', () => {
    expect(Audit.parse(audit)).toEqual(audit);
    expect(audit.version).toBe(AUDIT_VERSION);
    expect(audit.stats).toMatchObject({ posts: 18, byPlatform: { x: 18 }, byKind: { post: 17, reply: 1, repost: 0, quote: 0 } });
  });

  test('an account-level finding carries the posts it is based on, at the level its value reaches', () => {
    const share = audit.findings.find((f) => f.rule === 'shares/promotional')!;
    expect(share).toMatchObject({ scope: 'account', bucket: 'stop', platform: 'x', level: 'error', data: { count: 6, total: 17, limit: 20 } });
    expect(share.postIds).toEqual(['promo1', 'promo2', 'promo3', 'promo4', 'promo5', 'promo6']);
  });

  test('a post finding points at its post and source, with its message filled in', () => {
    const bare = audit.findings.find((f) => f.rule === 'links/bare-link')!;
    expect(bare).toMatchObject({
      scope: 'post',
      bucket: 'fix',
      data: { value: 0, limit: 5 },
      post: { id: 'bare', platform: 'x', excerpt: 'New post: https://northwind.example/blog/warm-light' },
    });
    expect(bare.message).toBe('Bare link: 0 words of your own.');
  });

  test('a post without words is shown by what it shared, so the reader can find it', () => {
    const link = { url: 'https://northwind.example/blog/warm-light', domain: 'northwind.example' };
    expect(postRef(makePost({ text: '', links: [link] })).excerpt).toBe('https://northwind.example/blog/warm-light');
    expect(postRef(makePost({ text: '', media: [{ type: 'image' }] })).excerpt).toBe('[image]');
    expect(postRef(makePost({ text: '', media: [{ type: 'image' }, { type: 'video' }] })).excerpt).toBe('[2 media]');
  });

  test('conversation share is judged on replies among authored posts', () => {
    const replies = audit.findings.find((f) => f.rule === 'shares/replies')!;
    expect(replies).toMatchObject({ level: 'warning', data: { count: 1, total: 18, limit: 33 } });
  });

  test('a passing rule with a keep message becomes a "keep doing" line, after every other finding; one without never does', () => {
    const replies = [1, 2, 3, 4, 5].map((i) =>
      makePost({
        kind: 'reply',
        createdAt: day(i, 10),
        replyTo: { id: `q${i}`, isOwn: false, createdAt: day(i, 9) },
        text: `@reader${i} thanks, the shade is recycled aluminium.`,
      }),
    );
    const answered = run([...brandTimeline(), ...replies]);
    const keep = answered.findings.filter((f) => f.bucket === 'keep');
    expect(keep.map((f) => [f.rule, f.message])).toEqual([['shares/response-time', 'Replies within 1 h.']]);
    expect(answered.findings.findIndex((f) => f.bucket === 'keep')).toBeGreaterThan(answered.findings.findLastIndex((f) => f.bucket !== 'keep'));
    // Without the sales posts shares/promotional passes, but it has no keep text: it says nothing.
    const calm = run(timeline.filter((p) => !p.id.startsWith('promo')));
    expect(calm.findings.some((f) => f.rule === 'shares/promotional')).toBe(false);
    expect(calm.findings.some((f) => f.rule === 'shares/replies')).toBe(true);
  });

  test('scores: every family that ran, 0–100, the overall their mean; a keep line costs nothing', () => {
    expect(Object.keys(audit.scores.byFamily)).toEqual(['links', 'shares']);
    expect(audit.scores.byFamily.shares).toBeLessThan(audit.scores.byFamily.links!);
    const mean = (audit.scores.byFamily.links! + audit.scores.byFamily.shares!) / 2;
    expect(audit.scores.overall).toBe(Math.round(mean));
  });

  test('a rule lacking the settings or the data it needs is listed as not evaluated', () => {
    expect(audit.notEvaluated.map((n) => n.rule).sort()).toEqual(['links/avoid', 'shares/response-time']);
  });

  test('a rule of people’s habits is not evaluated on an account that says it is a bot; a platform with a person’s source too is judged', () => {
    const source = (bot?: string) => ({
      spec: 'x.zip',
      format: 'x-archive',
      posts: 18,
      excluded: {},
      skipped: 0,
      platforms: ['x' as const],
      ...(bot && { bot }),
    });
    const bot = runAudit({
      posts: timeline,
      ruleSet,
      sources: [source('its profile says “I’m a bot”')],
      generatedAt: '2024-06-01T00:00:00.000Z',
      toolVersion: 'test',
    });
    expect(bot.notEvaluated).toContainEqual({
      rule: 'shares/replies',
      platform: 'x',
      reason: "its profile says “I’m a bot”: a bot is not held to people's habits",
    });
    expect(bot.findings.some((f) => f.rule === 'shares/replies')).toBe(false);
    expect(bot.findings.some((f) => f.rule === 'shares/promotional')).toBe(true);
    const mixed = runAudit({
      posts: timeline,
      ruleSet,
      sources: [source('its profile says “I’m a bot”'), source()],
      generatedAt: '2024-06-01T00:00:00.000Z',
      toolVersion: 'test',
    });
    expect(mixed.findings.some((f) => f.rule === 'shares/replies')).toBe(true);
  });

  test('a reviewed exception on the post suppresses that rule only', () => {
    const posts = timeline.map((p) => (p.id === 'bare' ? { ...p, ignore: [{ rule: 'links/bare-link', reason: 'launch teaser' }] } : p));
    const again = run(posts);
    expect(again.findings.some((f) => f.rule === 'links/bare-link')).toBe(false);
    expect(again.findings.filter((f) => f.rule !== 'links/bare-link')).toEqual(audit.findings.filter((f) => f.rule !== 'links/bare-link'));
  });

  test('the same input gives the same findings', () => {
    expect(run(structuredClone(timeline)).findings).toEqual(audit.findings);
  });
});

describe('selectPosts', () => {
  const posts = [
    ...Array.from({ length: 5 }, (_, i) => makePost({ id: `x${i}`, platform: 'x', createdAt: day(i + 1) })),
    ...Array.from({ length: 3 }, (_, i) => makePost({ id: `m${i}`, platform: 'mastodon', author: 'northwind@mastodon.example', createdAt: day(i + 1) })),
  ];

  test('--last N counts per account and returns oldest first', () => {
    expect(selectPosts(posts, { last: 2 }).posts.map((p) => p.id)).toEqual(['m1', 'm2', 'x3', 'x4']);
  });

  test('the age bound keeps each account to its own last year, and counts what it left out', () => {
    const spread = [
      makePost({ id: 'old', platform: 'x', createdAt: '2022-01-10T09:00:00.000Z' }),
      makePost({ id: 'recent', platform: 'x', createdAt: '2023-09-01T09:00:00.000Z' }),
      makePost({ id: 'newest', platform: 'x', createdAt: '2024-01-10T09:00:00.000Z' }),
      makePost({ id: 'quiet-account', platform: 'mastodon', author: 'northwind@mastodon.example', createdAt: '2019-05-01T09:00:00.000Z' }),
    ];
    const { posts: kept, window } = selectPosts(spread, { last: 200, maxAgeDays: 365 });
    // The Mastodon account's newest post is years older, but it is that account's own window that counts.
    expect(kept.map((p) => p.id)).toEqual(['quiet-account', 'recent', 'newest']);
    expect(window).toEqual({ last: 200, maxAgeDays: 365, olderLeftOut: 1 });
  });

  test('since, until and platform filter before counting', () => {
    expect(selectPosts(posts, { since: new Date(day(2)), until: new Date(day(4)), platforms: ['x'] }).posts.map((p) => p.id)).toEqual(['x1', 'x2', 'x3']);
  });
});
