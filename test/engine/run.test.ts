import { describe, expect, test } from 'vitest';
import { postRef, runAudit } from '../../src/engine/run.js';
import { selectPosts } from '../../src/engine/select.js';
import { Audit, AUDIT_VERSION } from '../../src/model/audit.js';
import type { Post } from '../../src/model/post.js';
import { makePost } from '../helpers/posts.js';
import { builtinRules } from '../helpers/rules.js';

const day = (n: number, hour = 9) => new Date(Date.UTC(2024, 4, n, hour)).toISOString();

function brandTimeline(): Post[] {
  const posts: Post[] = [];
  for (let i = 1; i <= 6; i++) posts.push(makePost({ id: `promo${i}`, createdAt: day(i), text: `Spring sale: ${10 + i}% off the Aurora lamp, shop now https://northwind.example/shop/aurora-${i}` }));
  for (let i = 7; i <= 16; i++) posts.push(makePost({ id: `tip${i}`, createdAt: day(i), text: `Lighting tip ${i}: put the lamp on the side of your writing hand so the shadow falls away from the page.` }));
  posts.push(makePost({ id: 'bare', createdAt: day(17), text: 'New post: https://northwind.example/blog/warm-light' }));
  posts.push(makePost({ id: 'reply1', kind: 'reply', replyTo: { id: '1', isOwn: false }, createdAt: day(18), text: '@jordan_reads thanks! The shade is recycled aluminium.' }));
  return posts;
}

describe('runAudit', async () => {
  const ruleSet = await builtinRules();
  const audit = runAudit({ posts: brandTimeline(), ruleSet, sources: [], generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });

  test('produces a valid, versioned audit document', () => {
    expect(Audit.parse(audit)).toEqual(audit);
    expect(audit.version).toBe(AUDIT_VERSION);
    expect(audit.stats).toMatchObject({ posts: 18, byPlatform: { x: 18 }, byKind: { post: 17, reply: 1, repost: 0, quote: 0 } });
  });

  test('an account-level finding carries the posts it is based on', () => {
    const share = audit.findings.find((f) => f.rule === 'self-promotion/promotional-share')!;
    expect(share).toMatchObject({ scope: 'account', bucket: 'stop', platform: 'x', level: 'error', data: { count: 6, total: 17, limit: 20 } });
    expect(share.postIds).toEqual(['promo1', 'promo2', 'promo3', 'promo4', 'promo5', 'promo6']);
  });

  test('a post finding points at its post and source', () => {
    const bare = audit.findings.find((f) => f.rule === 'link-blasting/bare-link')!;
    expect(bare).toMatchObject({ scope: 'post', bucket: 'fix', data: { value: 0, limit: 5 }, post: { id: 'bare', platform: 'x', excerpt: 'New post: https://northwind.example/blog/warm-light' } });
    expect(bare.message).toBe('Bare link: 0 words of your own beside the link. Say why it matters to the reader.');
  });

  test('a post without words is shown by what it shared, so the reader can find it', () => {
    const link = { url: 'https://northwind.example/blog/warm-light', domain: 'northwind.example' };
    expect(postRef(makePost({ text: '', links: [link] })).excerpt).toBe('https://northwind.example/blog/warm-light');
    expect(postRef(makePost({ text: '', media: [{ type: 'image' }] })).excerpt).toBe('[image]');
    expect(postRef(makePost({ text: '', media: [{ type: 'image' }, { type: 'video' }] })).excerpt).toBe('[2 media]');
  });

  test('conversation share is judged on replies among authored posts', () => {
    const replies = audit.findings.find((f) => f.rule === 'conversation/reply-share')!;
    expect(replies).toMatchObject({ level: 'warning', data: { count: 1, total: 18, limit: 33 } });
  });

  test('passing account rules become "keep doing" lines that never count against the score', () => {
    const replies = [1, 2, 3, 4, 5].map((i) =>
      makePost({ kind: 'reply', createdAt: day(i, 10), replyTo: { id: `q${i}`, isOwn: false, createdAt: day(i, 9) }, text: `@reader${i} thanks, the shade is recycled aluminium.` }),
    );
    const answered = runAudit({ posts: [...brandTimeline(), ...replies], ruleSet, sources: [], generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });
    const keep = answered.findings.filter((f) => f.bucket === 'keep').map((f) => f.rule);
    expect(keep).toContain('conversation/response-time');
    // A keep line must give the client something to keep doing: "no bursts" is only the absence of a problem,
    // and a share of promotion or amplification rests on classes too rough to praise by.
    for (const rule of ['cadence/burst', 'self-promotion/promotional-share', 'conversation/spotlight-share']) expect(keep).not.toContain(rule);
    expect(answered.findings.findIndex((f) => f.bucket === 'keep')).toBeGreaterThan(answered.findings.findLastIndex((f) => f.bucket !== 'keep'));
  });

  test('scores: every family that ran, 0–100, the overall their mean', () => {
    const families = Object.keys(audit.scores.byFamily);
    expect(families).toEqual(['brand-voice', 'cadence', 'conversation', 'link-blasting', 'platform-fit', 'self-promotion']);
    expect(audit.scores.byFamily['self-promotion']).toBeLessThan(80);
    const mean = Object.values(audit.scores.byFamily).reduce((a, b) => a + b, 0) / families.length;
    expect(audit.scores.overall).toBe(Math.round(mean));
  });

  test('rules lacking settings or data are listed as not evaluated', () => {
    expect(audit.notEvaluated.map((n) => n.rule)).toEqual(expect.arrayContaining(['brand-voice/avoid-words', 'link-blasting/own-profile-link']));
  });

  test('a reviewed exception on the post suppresses that rule only', () => {
    const posts = brandTimeline().map((p) => (p.id === 'bare' ? { ...p, ignore: [{ rule: 'link-blasting/bare-link', reason: 'launch teaser' }] } : p));
    const again = runAudit({ posts, ruleSet, sources: [], generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });
    expect(again.findings.some((f) => f.rule === 'link-blasting/bare-link')).toBe(false);
  });

  test('the same input gives the same findings', () => {
    const again = runAudit({ posts: brandTimeline(), ruleSet, sources: [], generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });
    expect(again.findings.map((f) => [f.rule, f.post?.createdAt])).toEqual(audit.findings.map((f) => [f.rule, f.post?.createdAt]));
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
