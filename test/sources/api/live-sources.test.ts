import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, test } from 'vitest';

import { Post } from '../../../src/model/post.js';
import { loadSource } from '../../../src/sources/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { sendJson, startServer, type TestServer } from '../../helpers/http-server.js';
import { mastodonStatus } from '../../helpers/mastodon-status.js';
import { auditOf } from '../../helpers/audits.js';

const SECRET = 'tok-SECRET-5f2c9a-never-print-me';
const work = mkdtempSync(path.join(tmpdir(), 'presence-api-'));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FAST = { retries: 2, backoffMs: 5, maxWaitMs: 5_000 };
const status = mastodonStatus;

/** A Mastodon server with 120 statuses served 40 a page, newest first, with Link headers. */
function mastodon(base: () => string) {
  return (request: unknown, response: import('node:http').ServerResponse, url: URL) => {
    if (url.pathname === '/api/v1/accounts/lookup')
      return url.searchParams.get('acct') === 'northwindlamps'
        ? sendJson(response, 200, { id: '109000000000000001', acct: 'northwindlamps' })
        : sendJson(response, 404, { error: 'Record not found' });
    const page = Number(url.searchParams.get('page') ?? '0');
    const items = Array.from({ length: 40 }, (_, i) =>
      status(
        page * 40 + i,
        page === 0 && i === 1 ? { in_reply_to_id: '1', in_reply_to_account_id: '109000000000000001' } : page === 0 && i === 2 ? { visibility: 'direct' } : {},
      ),
    );
    const statuses = `${base()}/api/v1/accounts/109000000000000001/statuses`;
    const link: Record<string, string> = page < 2 ? { link: `<${statuses}?limit=40&page=${page + 1}>; rel="next", <${statuses}?min_id=1>; rel="prev"` } : {};
    sendJson(response, 200, items, link);
  };
}

const load = (spec: string, extra: Record<string, unknown> = {}) =>
  loadSource(spec, {
    cwd: work,
    strict: false,
    env: { MASTODON_TOKEN: SECRET, X_BEARER_TOKEN: SECRET },
    limit: 100,
    timeoutMs: 2_000,
    userAgent: 'presence-test',
    http: FAST,
    ...extra,
  });

describe('Mastodon over its API', () => {
  test('pages by Link header and stops at the limit: no more requests than N posts need', async () => {
    server = await startServer(mastodon(() => server!.url));
    const result = await load(`mastodon:${server.url}/@northwindlamps`);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/api/v1/accounts/lookup?acct=northwindlamps',
      '/api/v1/accounts/109000000000000001/statuses?limit=40',
      '/api/v1/accounts/109000000000000001/statuses?limit=40&page=1',
      '/api/v1/accounts/109000000000000001/statuses?limit=40&page=2',
    ]);
    expect(result.posts.length + result.excluded['direct message']!).toBe(100);
    expect(result.posts[0]).toMatchObject({
      platform: 'mastodon',
      author: `northwindlamps@127.0.0.1:${new URL(server.url).port}`,
      metrics: { likes: 3, reposts: 2, replies: 1 },
    });
    expect(result.posts[0]!.text).toBe('Post number 0 about warm light https://northwind.example/p/0');
    expect(result.posts[1]).toMatchObject({ kind: 'post', replyTo: { isOwn: true } });
    for (const post of result.posts) Post.parse(post);
    expect(server.requests.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
  });

  test('429 with Retry-After, then success', async () => {
    let calls = 0;
    server = await startServer((_req, res, url) => {
      if (url.pathname.endsWith('/lookup') && calls++ === 0) return sendJson(res, 429, { error: 'Too many requests' }, { 'retry-after': '1' });
      return mastodon(() => server!.url)(_req, res, url);
    });
    const started = Date.now();
    const result = await load(`mastodon:${server.url}/@northwindlamps`, { limit: 5 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(result.posts.length).toBeGreaterThan(0);
  });

  test('5xx then success; 5xx forever ends after the retries with one clear line', async () => {
    let calls = 0;
    server = await startServer((req, res, url) => (calls++ < 2 ? sendJson(res, 503, 'busy') : mastodon(() => server!.url)(req, res, url)));
    expect((await load(`mastodon:${server.url}/@northwindlamps`, { limit: 5 })).posts.length).toBeGreaterThan(0);
    await server.close();
    server = await startServer((_req, res) => sendJson(res, 502, 'bad gateway'));
    await expect(load(`mastodon:${server.url}/@northwindlamps`)).rejects.toMatchObject({ message: `127.0.0.1:${new URL(server.url).port} answered HTTP 502` });
    expect(server.requests).toHaveLength(3);
  });

  test('a refused connection is retried, then one clear line', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    await expect(load(`mastodon:${url}/@northwindlamps`)).rejects.toMatchObject({ message: `127.0.0.1:${new URL(url).port} refused the connection` });
  });

  test('a server that never answers hits the timeout', async () => {
    server = await startServer(() => undefined);
    await expect(load(`mastodon:${server.url}/@northwindlamps`, { timeoutMs: 300, http: { retries: 1, backoffMs: 5 } })).rejects.toMatchObject({
      message: expect.stringMatching(/did not answer within 0\.3 s/),
    });
  });

  test('malformed JSON and an unexpected shape are clear errors', async () => {
    server = await startServer((_req, res, url) => (url.pathname.endsWith('/lookup') ? sendJson(res, 200, '{"id": "1",') : sendJson(res, 200, [])));
    await expect(load(`mastodon:${server.url}/@northwindlamps`)).rejects.toMatchObject({ message: expect.stringMatching(/the server sent malformed JSON/) });
    await server.close();
    server = await startServer((_req, res, url) => (url.pathname.endsWith('/lookup') ? sendJson(res, 200, { id: '1' }) : sendJson(res, 200, { statuses: [] })));
    await expect(load(`mastodon:${server.url}/@northwindlamps`)).rejects.toMatchObject({ message: 'unexpected answer: expected a list of statuses' });
  });

  test('gzip responses are decompressed', async () => {
    server = await startServer((_req, res, url) => {
      const body = url.pathname.endsWith('/lookup') ? { id: '7' } : [status(1)];
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify(body)));
    });
    expect((await load(`mastodon:${server.url}/@northwindlamps`)).posts).toHaveLength(1);
  });
});

describe('Bluesky over the AppView', () => {
  test('cursor pagination against a service given on the command line', async () => {
    const feed = JSON.parse(readFileSync('fixtures/bluesky/author-feed.json', 'utf8'));
    server = await startServer((_req, res, url) =>
      sendJson(res, 200, url.searchParams.get('cursor') ? { feed: feed.feed.slice(3, 5) } : { feed: feed.feed.slice(0, 3), cursor: 'c1' }),
    );
    const result = await load('bluesky:northwindlamps.bsky.social', { services: { bluesky: server.url }, limit: 10 });
    expect(result.posts.map((p) => p.kind)).toEqual(['post', 'post', 'reply', 'repost', 'quote']);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/xrpc/app.bsky.feed.getAuthorFeed?actor=northwindlamps.bsky.social&limit=10',
      '/xrpc/app.bsky.feed.getAuthorFeed?actor=northwindlamps.bsky.social&limit=7&cursor=c1',
    ]);
  });
});

describe('X over API v2', () => {
  test('without a token: a clear message, no request', async () => {
    await expect(load('x:northwindlamps', { env: {} })).rejects.toMatchObject({
      message: 'x:northwindlamps: reading X needs an API bearer token',
      hint: 'set X_BEARER_TOKEN in the environment',
    });
  });

  test('a timeline with expanded links, replies and metrics', async () => {
    server = await startServer((_req, res, url) => {
      if (url.pathname === '/2/users/by/username/northwindlamps') return sendJson(res, 200, { data: { id: '901000000000000001', username: 'northwindlamps' } });
      sendJson(res, 200, {
        data: [
          {
            id: '1790400000000000001',
            text: 'Meet Aurora https://t.co/abc',
            created_at: '2024-05-14T09:30:12.000Z',
            entities: { urls: [{ url: 'https://t.co/abc', expanded_url: 'https://northwind.example/lamps/aurora' }] },
            public_metrics: { like_count: 12, retweet_count: 3, reply_count: 1, quote_count: 0, impression_count: 900 },
          },
          {
            id: '1790100000000000002',
            text: '@jordan thanks!',
            created_at: '2024-05-13T12:05:00.000Z',
            in_reply_to_user_id: '42',
            referenced_tweets: [{ type: 'replied_to', id: '1790000000000000009' }],
            public_metrics: { like_count: 1 },
          },
        ],
        meta: { result_count: 2 },
      });
    });
    const result = await load('x:northwindlamps', { services: { xApi: server.url } });
    expect(result.posts[0]).toMatchObject({ text: 'Meet Aurora https://northwind.example/lamps/aurora', metrics: { likes: 12, impressions: 900 } });
    expect(result.posts[1]).toMatchObject({ kind: 'reply', replyTo: { id: '1790000000000000009', isOwn: false } });
  });
});

describe('the command line over HTTP', () => {
  test('a 404 account is exit 2 with one line naming the source', async () => {
    server = await startServer(mastodon(() => server!.url));
    const result = await runCli(['audit', `mastodon:${server.url}/@nobody`]);
    expect(result).toMatchObject({
      exitCode: 2,
      stderr: `presence: mastodon:${server.url}/@nobody: not found on 127.0.0.1:${new URL(server.url).port} (HTTP 404) (check the account name)\n`,
    });
  });

  test('a refused token never appears in any output, error or snapshot', async () => {
    server = await startServer((req, res, url) =>
      url.pathname.startsWith('/2/')
        ? sendJson(res, 401, { title: 'Unauthorized', detail: `token ${req.headers.authorization} invalid` })
        : mastodon(() => server!.url)(req, res, url),
    );
    const env = { X_BEARER_TOKEN: SECRET, MASTODON_TOKEN: SECRET, PRESENCE_X_API_BASE: server.url };
    const refused = await runCli(['audit', 'x:northwindlamps', '--format', 'json'], { env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/refused the request \(HTTP 401\) \(the token was refused/);
    const snapshot = path.join(work, 'snap.jsonl');
    const fetched = await runCli(['fetch', `mastodon:${server.url}/@northwindlamps`, '--output', snapshot, '--last', '50'], { env });
    expect(fetched.exitCode).toBe(0);
    for (const text of [refused.stdout, refused.stderr, fetched.stdout, fetched.stderr, readFileSync(snapshot, 'utf8')]) expect(text).not.toContain(SECRET);
  });

  test('fetch saves a snapshot that audits identically offline', async () => {
    server = await startServer(mastodon(() => server!.url));
    const spec = `mastodon:${server.url}/@northwindlamps`;
    const snapshot = path.join(work, 'mastodon.jsonl');
    await runCli(['fetch', spec, '--output', snapshot, '--last', '60']);
    const live = auditOf((await runCli(['audit', spec, '--last', '60', '--format', 'json'])).stdout);
    const offline = auditOf((await runCli(['audit', snapshot, '--last', '60', '--format', 'json'])).stdout);
    expect(offline.sources[0]!.format).toBe('snapshot-jsonl');
    expect(offline.findings).toEqual(live.findings);
    expect(offline.stats).toEqual(live.stats);
  });

  test('an account the server marks as a bot is audited as one, live and from its snapshot', async () => {
    const lookup = { id: '109000000000000001', acct: 'northwindlamps', bot: true, note: '<p>Status notices.</p>' };
    server = await startServer((req, res, url) =>
      url.pathname === '/api/v1/accounts/lookup' ? sendJson(res, 200, lookup) : mastodon(() => server!.url)(req, res, url),
    );
    const spec = `mastodon:${server.url}/@northwindlamps`;
    const snapshot = path.join(work, 'bot.jsonl');
    await runCli(['fetch', spec, '--output', snapshot, '--last', '40']);
    for (const source of [spec, snapshot]) {
      const audit = auditOf((await runCli(['audit', source, '--last', '40', '--format', 'json'])).stdout);
      expect(audit.sources[0]!.bot, source).toBe('its Mastodon profile is marked as automated');
      expect(audit.notEvaluated.find((n) => n.rule === 'conversation/reply-share')?.reason, source).toMatch(/a bot is not held to people's habits$/);
    }
  });
});
