import type { ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { mayCarryCredentials, MAX_RESPONSE_BYTES } from '../../../src/sources/api/http.js';
import { loadSource } from '../../../src/sources/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { sendJson, startServer, type TestServer } from '../../helpers/http-server.js';

const SECRET = 'tok-HOSTILE-81d0-never-send-me';
const work = mkdtempSync(path.join(tmpdir(), 'presence-hostile-'));
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (handler: Parameters<typeof startServer>[0]) => {
  const server = await startServer(handler);
  servers.push(server);
  return server;
};

const FAST = { retries: 2, backoffMs: 5, maxWaitMs: 1_000 };
const load = (spec: string, extra: Record<string, unknown> = {}) =>
  loadSource(spec, {
    cwd: work,
    strict: false,
    env: { MASTODON_TOKEN: SECRET },
    limit: 100,
    timeoutMs: 1_000,
    userAgent: 'presence-test',
    http: FAST,
    ...extra,
  });
const lookup = (res: ServerResponse) => sendJson(res, 200, { id: '1', acct: 'northwindlamps' });
const status = (n: number) => ({
  id: String(n),
  created_at: new Date(Date.UTC(2024, 5, 1) - n * 60_000).toISOString(),
  visibility: 'public',
  content: `<p>Post ${n}</p>`,
});

describe('hostile servers', () => {
  test('a next-page link to another origin is not followed, and that origin never sees the token', async () => {
    const other = await serve((_req, res) => sendJson(res, 200, []));
    const instance = await serve((_req, res, url) => {
      if (url.pathname.endsWith('/lookup')) return lookup(res);
      sendJson(res, 200, [status(1)], { link: `<${other.url}/api/v1/accounts/1/statuses?max_id=1>; rel="next"` });
    });
    await expect(load(`mastodon:${instance.url}/@northwindlamps`)).rejects.toMatchObject({
      message: expect.stringMatching(/next page is on another site \(127\.0\.0\.1:\d+\); not followed/),
    });
    expect(other.requests).toEqual([]);
    expect(instance.requests.every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true);
  });

  test('a redirect to another origin is refused before any request reaches it; one on the same origin is followed', async () => {
    const other = await serve((_req, res) => sendJson(res, 200, { id: '1' }));
    const instance = await serve((_req, res, url) => {
      if (url.pathname === '/moved/api/v1/accounts/lookup') return lookup(res);
      if (url.pathname.endsWith('/lookup')) {
        res.writeHead(301, { location: `/moved${url.pathname}${url.search}` });
        res.end();
        return;
      }
      res.writeHead(302, { location: `${other.url}/steal` });
      res.end();
    });
    await expect(load(`mastodon:${instance.url}/@northwindlamps`)).rejects.toMatchObject({
      message: expect.stringMatching(/redirected to another site \(127\.0\.0\.1:\d+\); not followed/),
    });
    expect(instance.requests.map((r) => r.path.split('?')[0])).toEqual([
      '/api/v1/accounts/lookup',
      '/moved/api/v1/accounts/lookup',
      '/api/v1/accounts/1/statuses',
    ]);
    expect(other.requests).toEqual([]);
  });

  test('the token travels only to its own origin, and never in clear text beyond this machine', () => {
    const own = { tokenOrigin: 'https://mastodon.example' };
    expect(mayCarryCredentials(new URL('https://mastodon.example/api/v1/x'), own)).toBe(true);
    expect(mayCarryCredentials(new URL('https://evil.example/api/v1/x'), own)).toBe(false);
    expect(mayCarryCredentials(new URL('https://mastodon.example:8443/api'), own)).toBe(false);
    expect(mayCarryCredentials(new URL('http://mastodon.example/api'), { tokenOrigin: 'http://mastodon.example' })).toBe(false);
    expect(mayCarryCredentials(new URL('http://127.0.0.1:8080/api'), { tokenOrigin: 'http://127.0.0.1:8080' })).toBe(true);
    expect(mayCarryCredentials(new URL('https://mastodon.example/api'), {})).toBe(false);
  });

  test('a gzip bomb and an endless body end in one line and exit 2, within seconds', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_RESPONSE_BYTES + 1024 * 1024));
    const gzipped = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const endless = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      res.on('error', () => undefined);
      pump();
    });
    const started = Date.now();
    const unpacked = await runCli(['audit', `feed:${gzipped.url}/feed.xml`]);
    expect(unpacked).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^presence: feed:.+: 127\.0\.0\.1:\d+ sent a body that unpacks to more than 64 MB; stopped reading\n$/),
    });
    const flood = await runCli(['audit', `feed:${endless.url}/feed.xml`, '--timeout', '10']);
    expect(flood).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/127\.0\.0\.1:\d+ sent more than 64 MB; stopped reading\n$/) });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a server trickling one byte at a time is cut off by the overall deadline: twice the timeout at most, with the one retry', async () => {
    const trickle = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    await expect(load(`mastodon:${trickle.url}/@northwindlamps`)).rejects.toMatchObject({ message: expect.stringMatching(/did not answer within 1 s/) });
    expect(Date.now() - started).toBeLessThan(2 * 1_000 + 500);
    expect(trickle.requests).toHaveLength(2);
  });

  test('a cursor handed back twice stops the reading instead of one request per post', async () => {
    const bluesky = await serve((_req, res) => sendJson(res, 200, { feed: [], cursor: 'same' }));
    const looping = await serve((_req, res, url) => {
      const post = {
        post: {
          uri: `at://did:plc:abc/app.bsky.feed.post/${url.search.length}`,
          cid: 'c',
          author: { did: 'did:plc:abc', handle: 'northwind.example' },
          record: { $type: 'app.bsky.feed.post', text: 'Warm light', createdAt: '2024-06-01T08:00:00.000Z' },
          indexedAt: '2024-06-01T08:00:00.000Z',
        },
      };
      sendJson(res, 200, { feed: [post], cursor: 'same' });
    });
    expect((await load('bluesky:northwind.example', { services: { bluesky: bluesky.url } })).posts).toEqual([]);
    await expect(load('bluesky:northwind.example', { services: { bluesky: looping.url }, limit: 1000 })).rejects.toMatchObject({
      message: expect.stringMatching(/handed back a page it had already sent; stopped reading/),
    });
    expect(looping.requests).toHaveLength(2);
  });

  test('--last beyond what an API read holds is a usage error, before any request', async () => {
    const instance = await serve((_req, res) => lookup(res));
    const result = await runCli(['fetch', `mastodon:${instance.url}/@northwindlamps`, '--last', '1000000', '--output', path.join(work, 'big.jsonl')]);
    expect(result).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--last 1000000: an account is read over its API 10000 posts at most/) });
    expect(instance.requests).toEqual([]);
  });
});

describe('secrets in URLs', () => {
  test('a password and a token in a feed URL are sent as they should be and never printed or saved', async () => {
    const seen: (string | undefined)[] = [];
    const feed = await serve((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('no');
    });
    const url = `http://reader:s3cret-pass@${feed.url.slice('http://'.length)}/feed.xml?token=tok-9f2e&page=2`;
    const result = await runCli(['audit', `feed:${url}`]);
    expect(seen).toEqual([`Basic ${Buffer.from('reader:s3cret-pass').toString('base64')}`]);
    expect(feed.requests[0]!.path).toBe('/feed.xml?token=tok-9f2e&page=2');
    expect(result.exitCode).toBe(2);
    const hiddenCredentials = /^presence: feed:http:\/\/\*\*\*@127\.0\.0\.1:\d+\/feed\.xml\?token=\*\*\*&page=2: /;
    expect(result.stderr).toMatch(new RegExp(hiddenCredentials.source + /127\.0\.0\.1:\d+ refused the request \(HTTP 401\) \(it is not public\)\n$/.source));
    expect(result.stderr).not.toMatch(/s3cret|tok-9f2e/);
  });

  test('a snapshot and the audit document keep the source without its credentials', async () => {
    const feed = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        [
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Northwind</title>',
          '<item><title>Warm light</title><link>https://northwind.example/a</link><pubDate>Mon, 03 Jun 2024 08:00:00 GMT</pubDate>',
          '<description>Why warm light calms</description></item></channel></rss>',
        ].join(''),
      );
    });
    const url = `${feed.url}/feed.xml?api_key=key-77aa`;
    const snapshot = path.join(work, 'feed.jsonl');
    expect((await runCli(['fetch', `feed:${url}`, '-o', snapshot])).exitCode).toBe(0);
    const audit = await runCli(['audit', `feed:${url}`, '--format', 'json']);
    for (const text of [readFileSync(snapshot, 'utf8'), audit.stdout]) expect(text).toContain('api_key=***');
    for (const text of [readFileSync(snapshot, 'utf8'), audit.stdout, audit.stderr]) expect(text).not.toContain('key-77aa');
  });
});
