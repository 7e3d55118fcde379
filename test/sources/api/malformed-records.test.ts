import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { PresenceError } from '../../../src/errors.js';
import { Post } from '../../../src/model/post.js';
import { loadSource } from '../../../src/sources/index.js';
import { ROOT, runCli } from '../../helpers/run-cli.js';
import { sendJson, startServer, type TestServer } from '../../helpers/http-server.js';
import { mastodonStatus } from '../../helpers/mastodon-status.js';

// A server sends what it sends: a record with a field of the wrong type is skipped and counted
// with its place, or with --strict is exit 2 naming it, never an unexpected error.

const TOKEN = 'tok-test';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FAST = { retries: 0, backoffMs: 5, maxWaitMs: 1_000 };
const load = (spec: string, extra: Record<string, unknown> = {}) =>
  loadSource(spec, {
    cwd: ROOT,
    strict: false,
    env: { X_BEARER_TOKEN: TOKEN },
    limit: 100,
    timeoutMs: 2_000,
    userAgent: 'presence-test',
    http: FAST,
    ...extra,
  });

const field = (path: string) => path.replace(/[.[\]$]/g, '\\$&');

/**
 * The source served a good record, the bad ones, and a good one again: both good ones load, each
 * bad one is skipped with its place and the field at fault, and --strict stops at the first.
 */
async function expectSkipped(spec: string, extra: Record<string, unknown>, bad: readonly { record: unknown; field: string }[]) {
  const result = await load(spec, extra);
  for (const post of result.posts) Post.parse(post);
  expect(result.posts).toHaveLength(2);
  expect(result.skipped.count).toBe(bad.length);
  expect(result.skipped.examples.map((e) => e.where)).toEqual(bad.slice(0, 5).map((_, index) => ({ file: spec, record: index + 2 })));
  bad.slice(0, 5).forEach((b, index) => expect(result.skipped.examples[index]!.reason).toMatch(new RegExp(`^${field(b.field)}: `)));
  const strict = load(spec, { ...extra, strict: true });
  await expect(strict).rejects.toBeInstanceOf(PresenceError);
  await expect(strict).rejects.toMatchObject({
    where: { file: spec, record: 2 },
    message: expect.stringMatching(new RegExp(`^malformed record: ${field(bad[0]!.field)}: `)),
  });
}

describe('X over API v2', () => {
  const tweet = (n: number, fields: Record<string, unknown> = {}) => ({
    id: `17904000000000000${String(n).padStart(2, '0')}`,
    text: `Post ${n}`,
    created_at: `2024-05-1${n % 10}T09:30:12.000Z`,
    ...fields,
  });
  const BAD = [
    { record: tweet(1, { created_at: 'not a date' }), field: 'created_at' },
    { record: tweet(2, { created_at: '2400-01-01T00:00:00.000Z' }), field: 'created_at' },
    { record: tweet(3, { referenced_tweets: [{ type: 'replied_to', id: 'abc' }] }), field: 'referenced_tweets.0.id' },
    { record: { id: '1790400000000000004', created_at: '2024-05-14T09:30:12.000Z' }, field: 'text' },
    { record: tweet(5, { entities: { hashtags: [null] } }), field: 'entities.hashtags.0' },
    { record: tweet(6, { public_metrics: { like_count: 'many' } }), field: 'public_metrics.like_count' },
    { record: tweet(7, { attachments: { media_keys: 'k1' } }), field: 'attachments.media_keys' },
  ];
  const x = (records: readonly unknown[]) =>
    startServer((_request, response, url) => {
      if (url.pathname === '/2/users/by/username/northwindlamps') return sendJson(response, 200, { data: { id: '901000000000000001' } });
      sendJson(response, 200, { data: records, meta: { result_count: records.length } });
    });

  test('a post with a wrong-typed or missing field is skipped and counted with its place; --strict names it', async () => {
    server = await x([tweet(0), ...BAD.map((b) => b.record), tweet(8)]);
    await expectSkipped('x:northwindlamps', { services: { xApi: server.url } }, BAD);
  });

  test('on the command line: the audit runs; with --strict, exit 2 and one line naming the record', async () => {
    server = await x([tweet(0), BAD[0]!.record, tweet(8)]);
    const env = { X_BEARER_TOKEN: TOKEN, PRESENCE_X_API_BASE: server.url };
    const audit = await runCli(['audit', 'x:northwindlamps', '--format', 'json', '--no-config'], { env });
    expect(audit.stderr).not.toContain('unexpected error');
    expect(JSON.parse(audit.stdout).sources[0]).toMatchObject({ posts: 2, skipped: 1 });
    const strict = await runCli(['audit', 'x:northwindlamps', '--strict', '--no-config'], { env });
    expect(strict).toMatchObject({ exitCode: 2, stdout: '' });
    const badTime = /^presence: x:northwindlamps#2: malformed record: created_at: expected a time between 1990 and 2100, got "not a date" /;
    expect(strict.stderr).toMatch(new RegExp(badTime.source + /\(drop --strict to skip such records\)\n$/.source));
  });

  test('a page whose media list is broken is an unexpected answer, in one line', async () => {
    server = await startServer((_request, response, url) => {
      if (url.pathname === '/2/users/by/username/northwindlamps') return sendJson(response, 200, { data: { id: '901000000000000001' } });
      sendJson(response, 200, { data: [tweet(0)], includes: { media: [null] } });
    });
    await expect(load('x:northwindlamps', { services: { xApi: server.url } })).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/^unexpected answer: includes\.media\.0: /),
    });
  });
});

describe('Mastodon over its API', () => {
  const status = (n: number, fields: Record<string, unknown> = {}) =>
    mastodonStatus(n, {
      created_at: `2024-06-0${1 + (n % 9)}T10:00:00.000Z`,
      url: null,
      content: `<p>Post ${n}</p>`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      ...fields,
    });

  const BAD = [
    { record: status(1, { created_at: 12345 }), field: 'created_at' },
    { record: status(2, { created_at: '1e300' }), field: 'created_at' },
    { record: status(3, { id: null }), field: 'id' },
    { record: status(4, { content: 12345 }), field: 'content' },
    { record: status(5, { tags: [null] }), field: 'tags.0' },
    { record: status(6, { media_attachments: 'x' }), field: 'media_attachments' },
    { record: status(7, { mentions: [{ acct: 12 }] }), field: 'mentions.0.acct' },
    { record: status(8, { favourites_count: '3' }), field: 'favourites_count' },
    { record: status(9, { reblog: 5 }), field: 'reblog' },
    { record: status(10, { in_reply_to_id: [] }), field: 'in_reply_to_id' },
  ];

  test('a status with a wrong-typed field is skipped and counted with its place; --strict names it', async () => {
    const statuses = [status(0), ...BAD.map((b) => b.record), status(11)];
    server = await startServer((_request, response, url) =>
      sendJson(response, 200, url.pathname === '/api/v1/accounts/lookup' ? { id: '109000000000000001' } : statuses),
    );
    await expectSkipped(`mastodon:${server.url}/@northwindlamps`, {}, BAD);
  });

  test('an account lookup whose id is not a string is an unexpected answer', async () => {
    server = await startServer((_request, response) => sendJson(response, 200, { id: { nested: true } }));
    await expect(load(`mastodon:${server.url}/@northwindlamps`)).rejects.toMatchObject({
      code: 'network',
      message: 'unexpected answer to the account lookup (no id)',
    });
  });
});

describe('Bluesky over the AppView', () => {
  const feed = JSON.parse(readFileSync(`${ROOT}/fixtures/bluesky/author-feed.json`, 'utf8')).feed as { post: { record: Record<string, unknown> } }[];
  const good = feed[0]!;
  const withPost = (fields: Record<string, unknown>) => ({ ...good, post: { ...good.post, ...fields } });
  const withRecord = (fields: Record<string, unknown>) => withPost({ record: { ...good.post.record, ...fields } });
  const BAD = [
    { record: withPost({ uri: 12345 }), field: 'post.uri' },
    { record: withRecord({ facets: 'x' }), field: 'post.record.facets' },
    { record: withRecord({ facets: [{ index: { byteStart: -1, byteEnd: 4 }, features: [] }] }), field: 'post.record.facets.0.index.byteStart' },
    {
      record: withRecord({ facets: [{ index: { byteStart: 0, byteEnd: 4 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 7 }] }] }),
      field: 'post.record.facets.0.features.0.uri',
    },
    { record: withRecord({ createdAt: '0001-01-01T00:00:00Z' }), field: 'post.record.createdAt' },
    { record: withPost({ replyCount: '' }), field: 'post.replyCount' },
  ];

  test('a feed item with a wrong-typed field is skipped and counted with its place; --strict names it', async () => {
    const items = [good, ...BAD.map((b) => b.record), good];
    server = await startServer((_request, response) => sendJson(response, 200, { feed: items }));
    await expectSkipped('bluesky:northwindlamps.bsky.social', { services: { bluesky: server.url } }, BAD);
  });
});
