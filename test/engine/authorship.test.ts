import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runAudit } from '../../src/engine/run.js';
import type { SourceSummary } from '../../src/model/audit.js';
import type { Post } from '../../src/model/post.js';
import { EMPTY_BRAND } from '../../src/rules/brand-context.js';
import type { RuleSet } from '../../src/rules/compile-rule.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';
import { makePost } from '../helpers/posts.js';

const at = (minute: number) => new Date(Date.UTC(2024, 4, 14, 9, minute)).toISOString();
let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = await loadRuleSet({
    builtin: false,
    files: [path.join(import.meta.dirname, 'rules/authorship.yaml')],
    overrides: {},
    brand: EMPTY_BRAND,
    cwd: process.cwd(),
  });
});

const audit = (posts: Post[], sources: SourceSummary[] = []) =>
  runAudit({ posts, ruleSet, sources, generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });
const ids = (a: ReturnType<typeof audit>, rule: string) => a.findings.filter((f) => f.rule === rule).map((f) => f.post?.id);
const source = (format: string, platforms: Post['platform'][], lacks: SourceSummary['lacks'] = []): SourceSummary => ({
  spec: format,
  format,
  posts: 1,
  excluded: {},
  skipped: 0,
  platforms,
  lacks,
});

describe('who wrote the words', () => {
  test('a repost or a post the platform generated is never judged on its words', () => {
    const posts = [
      makePost({ id: 'own', text: 'Our spring sale starts Monday.' }),
      makePost({ id: 'boost', kind: 'repost', text: 'RT @friend: their sale is great' }),
      makePost({ id: 'fb-generated', platform: 'facebook', generated: true, text: 'Northwind Lamps recommends the sale at Lumen Hall.' }),
    ];
    expect(ids(audit(posts), 'test/sale-word')).toEqual(['own']);
  });

  test('posts the platform generated are not a burst of posting', () => {
    const posts = [0, 1, 2, 3].map((i) => makePost({ platform: 'facebook', generated: true, createdAt: at(i), text: `Northwind Lamps recommends shop ${i}.` }));
    posts.push(makePost({ platform: 'facebook', createdAt: at(5), text: 'A post of our own.' }));
    expect(ids(audit(posts), 'test/burst')).toEqual([]);
  });

  test('a self-thread is one unit for cadence: its continuations are not a burst', () => {
    const head = makePost({ id: 't1', createdAt: at(0), text: 'How we built the dimmer, a thread.' });
    const parts = [1, 2, 3].map((i) =>
      makePost({ id: `t${i + 1}`, createdAt: at(i), replyTo: { id: `t${i}`, isOwn: true }, text: `Part ${i + 1} of the story.` }),
    );
    expect(audit([head, ...parts]).findings.filter((f) => f.rule === 'test/burst')).toEqual([]);
    const separate = [0, 1, 2].map((i) => makePost({ createdAt: at(i), text: `Separate post ${i}.` }));
    expect(audit(separate).findings.filter((f) => f.rule === 'test/burst')).toHaveLength(1);
  });
});

describe('posts with nothing to judge', () => {
  test('a post with neither words nor a link is left out of a share, a repost with no words is not', () => {
    const posts = [
      makePost({ text: '', media: [{ type: 'image' }] }),
      makePost({ text: '', media: [{ type: 'image' }] }),
      makePost({ kind: 'repost', text: '' }),
      makePost({ kind: 'reply', replyTo: { isOwn: false }, text: '@ana thanks!' }),
    ];
    // Of the photos and the reply only the reply has something to judge: too few posts for a share.
    expect(audit(posts).notEvaluated).toContainEqual({ rule: 'test/replies', platform: 'x', reason: '1 post in the window, fewer than the 2 needed' });
    const share = audit([...posts, makePost({ text: 'A post of our own.' }), makePost({ text: 'Another of our own.' })]).findings.find(
      (f) => f.rule === 'test/replies',
    )!;
    expect(share.data).toMatchObject({ count: 1, total: 3 });
  });
});

describe('published posts were accepted by their platform', () => {
  test('an only-scheduled rule judges the queue, not the history', () => {
    const long = 'This post is a good deal longer than forty characters.';
    const posts = [makePost({ id: 'published', text: long }), makePost({ id: 'queued', scheduled: true, text: long })];
    expect(ids(audit(posts), 'test/short-queue')).toEqual(['queued']);
  });
});

describe('no verdict from evidence the input cannot hold', () => {
  const posts = [
    makePost({ platform: 'linkedin', text: 'One share.' }),
    makePost({ platform: 'linkedin', text: 'Another share.' }),
    makePost({ platform: 'x', text: 'A tweet.' }),
    makePost({ platform: 'x', text: 'Another tweet.' }),
  ];

  test('a rule that needs replies is not evaluated where every source of the platform lacks them, and says which export', () => {
    const result = audit(posts, [source('linkedin-csv', ['linkedin'], ['replies']), source('x-archive', ['x'])]);
    expect(result.notEvaluated).toContainEqual({
      rule: 'test/replies',
      platform: 'linkedin',
      reason: 'the linkedin-csv export holds no comments on other people’s posts (its replies)',
    });
    const judged = result.findings.filter((f) => f.rule === 'test/replies').map((f) => f.platform);
    expect(judged).toEqual(['x']);
  });

  test('one source that can show replies is enough for its platform', () => {
    const result = audit(posts, [source('linkedin-csv', ['linkedin'], ['replies']), source('generic', ['linkedin'])]);
    expect(result.notEvaluated.filter((n) => n.rule === 'test/replies')).toEqual([]);
  });

  test('a per-post rule that needs alt text skips the platforms whose export holds none', () => {
    const image = [{ type: 'image' as const, altText: '' }];
    const result = audit(
      [makePost({ id: 'x-img', platform: 'x', media: image }), makePost({ id: 'm-img', platform: 'mastodon', media: image })],
      [source('x-archive', ['x'], ['alt-text']), source('mastodon-outbox', ['mastodon'])],
    );
    expect(ids(result, 'test/alt-text')).toEqual(['m-img']);
    expect(result.notEvaluated).toContainEqual({ rule: 'test/alt-text', platform: 'x', reason: 'the x-archive export holds no alt text' });
  });
});

describe('habits', () => {
  test("a rule's post findings on one platform are one habit listing its posts newest first, with its share", () => {
    const posts = [
      ...[1, 2, 3].map((i) => makePost({ id: `sale${i}`, createdAt: at(i * 90), text: `Sale number ${i}.` })),
      ...[4, 5, 6, 7, 8, 9].map((i) => makePost({ createdAt: at(i * 90), text: `Something else ${i}.` })),
      makePost({ id: 'reply', kind: 'reply', replyTo: { isOwn: false }, createdAt: at(1000), text: '@friend thanks.' }),
    ];
    const result = audit(posts);
    const sale = result.habits!.find((h) => h.rule === 'test/sale-word')!;
    expect(sale).toMatchObject({
      scope: 'post',
      platform: 'x',
      level: 'warning',
      posts: 3,
      share: 30,
      postIds: ['sale3', 'sale2', 'sale1'],
      summary: 'the word sale',
    });
    expect(sale.findings.map((i) => result.findings[i]!.post!.id).sort()).toEqual(['sale1', 'sale2', 'sale3']);
    const replies = result.habits!.find((h) => h.rule === 'test/replies')!;
    expect(replies).toMatchObject({ scope: 'account', posts: 9 });
    // Same level: the habit touching more posts comes first.
    expect(result.habits!.map((h) => h.rule)).toEqual(['test/replies', 'test/sale-word']);
  });
});
