import { gunzipSync, inflateSync } from 'node:zlib';
import { errors, request } from 'undici';
import { networkError } from '../../errors.js';

export interface HttpOptions {
  /** The SOURCE as the user wrote it: every error names it. */
  source: string;
  /** The whole of one attempt, headers and body: a server that trickles bytes cannot hold a run. */
  timeoutMs: number;
  userAgent: string;
  /** Sent as a bearer token to `tokenOrigin` only, over https (or to this machine); never written into a message, URL or result. */
  token?: string;
  /** The origin (scheme, host, port) the token belongs to: the instance or API base the user named. */
  tokenOrigin?: string;
  /** How to give a token where the platform takes one ("set MASTODON_TOKEN in the environment"), for a refusal without one. */
  tokenHint?: string;
  /** Retries after a 5xx or a network error; a timed-out attempt is tried once more at most. */
  retries?: number;
  /** The longest wait for a rate limit to reset before giving up with a clear message. */
  maxWaitMs?: number;
  /** Base of the exponential backoff between retries. */
  backoffMs?: number;
  /** The largest body accepted, before and after decompression. */
  maxBytes?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpResponse {
  text: string;
  headers: Record<string, string>;
}

/** 64 MiB: forty times the largest page any platform API sends, far below what would exhaust memory. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class TooLarge extends Error {}

/**
 * One GET with everything a polite and careful client needs: an overall deadline per attempt,
 * bounded retries with backoff and jitter on 5xx and network errors, 429 honouring Retry-After
 * and the platforms' rate-limit reset headers, gzip with an output limit, a body size limit,
 * same-site redirects only, and one-line errors that name the source and never the token.
 */
export async function get(url: string, options: HttpOptions): Promise<HttpResponse> {
  const { retries = 3, maxWaitMs = 60_000, backoffMs = 500, sleep = wait, maxBytes = MAX_RESPONSE_BYTES } = options;
  let target = new URL(url);
  // A user name and password in the URL travel as Basic auth to that origin only, never in the URL itself.
  const basic =
    target.username || target.password
      ? {
          origin: target.origin,
          value: `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`,
        }
      : undefined;
  target.username = target.password = '';
  let redirects = 0;
  let timeouts = 0;
  for (let attempt = 0; ; attempt++) {
    let status: number;
    let responseHeaders: Record<string, string>;
    let body: Buffer;
    try {
      const response = await request(target, {
        method: 'GET',
        headers: headersFor(target, options, basic),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = response.statusCode;
      responseHeaders = Object.fromEntries(
        Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v ?? '')]),
      );
      body = await readLimited(response.body, maxBytes, responseHeaders['content-length']);
    } catch (error) {
      if (error instanceof TooLarge) throw networkError(options.source, `${target.host} sent more than ${megabytes(maxBytes)}; stopped reading`);
      const timedOut = isTimeout(error);
      if (attempt < retries && (timedOut ? timeouts++ < 1 : isTransient(error))) {
        await sleep(backoff(attempt, backoffMs));
        continue;
      }
      throw networkError(options.source, describeFailure(error, target, options.timeoutMs));
    }
    if (REDIRECTS.has(status)) {
      target = redirectTarget(target, responseHeaders.location, ++redirects, options.source);
      attempt--;
      continue;
    }
    if (status === 429) {
      const delay = rateLimitDelay(responseHeaders);
      if (attempt < retries && delay <= maxWaitMs) {
        await sleep(Math.max(delay, backoffMs));
        continue;
      }
      throw networkError(
        options.source,
        `rate limited by ${target.host}`,
        delay > maxWaitMs ? `try again after ${new Date(Date.now() + delay).toISOString()}` : 'try again later',
      );
    }
    if (status >= 500 && attempt < retries) {
      await sleep(backoff(attempt, backoffMs));
      continue;
    }
    if (status >= 400) throw networkError(options.source, statusMessage(status, target), statusHint(status, options));
    return { text: decode(body, responseHeaders['content-encoding'], maxBytes, target, options.source).toString('utf8'), headers: responseHeaders };
  }
}

/** GET and parse JSON, with a clear error when the server sends something else. */
export async function getJson(url: string, options: HttpOptions): Promise<{ body: unknown; headers: Record<string, string> }> {
  const response = await get(url, options);
  try {
    return { body: JSON.parse(response.text), headers: response.headers };
  } catch {
    throw networkError(options.source, `the server sent malformed JSON from ${new URL(url).host}`);
  }
}

/** Whether the token may travel to this URL: its own origin, and never in clear text beyond this machine. */
export function mayCarryCredentials(url: URL, options: Pick<HttpOptions, 'tokenOrigin'>): boolean {
  return options.tokenOrigin !== undefined && url.origin === new URL(options.tokenOrigin).origin && (url.protocol === 'https:' || isLoopback(url));
}

/** A page link (Mastodon's `Link: rel="next"`) is followed only on the origin the reading began on. */
export function samePageOrigin(next: string | undefined, origin: string, source: string): string | undefined {
  if (next === undefined) return undefined;
  const url = new URL(next, origin);
  if (url.origin !== new URL(origin).origin)
    throw networkError(source, `the server's next page is on another site (${url.host}); not followed, so the token stays with ${new URL(origin).host}`);
  return url.href;
}

/** Page cursors already handed out: a server that repeats one is looping, and reading stops. */
export class PageCursors {
  readonly #seen = new Set<string>();
  constructor(private readonly source: string) {}

  /** The cursor, once; a repeat is an error rather than one request per post up to --last. */
  next<T extends string | undefined>(cursor: T): T {
    if (cursor === undefined) return cursor;
    if (this.#seen.has(cursor)) throw networkError(this.source, 'the server handed back a page it had already sent; stopped reading to avoid a loop');
    this.#seen.add(cursor);
    return cursor;
  }
}

function headersFor(url: URL, options: HttpOptions, basic?: { origin: string; value: string }): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: 'application/json, application/rss+xml, application/atom+xml, text/xml;q=0.9, */*;q=0.5',
    'accept-encoding': 'gzip, deflate',
  };
  if (basic && mayCarryCredentials(url, { tokenOrigin: basic.origin })) headers.authorization = basic.value;
  else if (basic && url.origin === basic.origin)
    throw networkError(options.source, `refusing to send a password over plain http to ${url.host}`, 'use the https address');
  if (!options.token) return headers;
  if (!mayCarryCredentials(url, options)) {
    if (url.origin === (options.tokenOrigin && new URL(options.tokenOrigin).origin)) {
      throw networkError(options.source, `refusing to send the token over plain http to ${url.host}`, 'use the https address');
    }
    return headers;
  }
  return { ...headers, authorization: `Bearer ${options.token}` };
}

/** Same-site redirects, and an upgrade of the same host to https; anything else is refused. */
function redirectTarget(from: URL, location: string | undefined, count: number, source: string): URL {
  if (!location) throw networkError(source, `${from.host} answered a redirect without saying where to`);
  if (count > MAX_REDIRECTS) throw networkError(source, `${from.host} redirected more than ${MAX_REDIRECTS} times; stopped`);
  const to = new URL(location, from);
  const upgrade = from.protocol === 'http:' && to.protocol === 'https:' && to.hostname === from.hostname;
  if (to.origin !== from.origin && !upgrade)
    throw networkError(source, `${from.host} redirected to another site (${to.host}); not followed`, 'give the new address itself');
  return to;
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxBytes: number, declared: string | undefined): Promise<Buffer> {
  if (declared && Number(declared) > maxBytes) {
    body.destroy();
    throw new TooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new TooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function decode(body: Buffer, encoding: string | undefined, maxBytes: number, url: URL, source: string): Buffer {
  try {
    if (encoding === 'gzip') return gunzipSync(body, { maxOutputLength: maxBytes });
    if (encoding === 'deflate') return inflateSync(body, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw networkError(source, `${url.host} sent a body that unpacks to more than ${megabytes(maxBytes)}; stopped reading`);
    throw networkError(source, `${url.host} sent a body that does not unpack as ${encoding}`);
  }
  return body;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
}

function backoff(attempt: number, base: number): number {
  return base * 2 ** attempt * (0.75 + Math.random() / 2);
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  const code = (error as { code?: string }).code;
  return (
    error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return error instanceof errors.SocketError || ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(code);
}

/** Milliseconds to wait, from Retry-After (seconds or a date) or the platforms' own reset headers. */
export function rateLimitDelay(headers: Record<string, string>, now = Date.now()): number {
  const retryAfter = headers['retry-after'];
  if (retryAfter) return /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : Math.max(0, Date.parse(retryAfter) - now);
  // Mastodon: an ISO time; Bluesky (ratelimit-reset) and X (x-rate-limit-reset): Unix seconds.
  const reset = headers['x-ratelimit-reset'] ?? headers['ratelimit-reset'] ?? headers['x-rate-limit-reset'];
  if (!reset) return 1000;
  const at = /^\d+$/.test(reset) ? Number(reset) * 1000 : Date.parse(reset);
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}

function describeFailure(error: unknown, url: URL, timeoutMs: number): string {
  const code = (error as { code?: string }).code;
  if (isTimeout(error)) return `${url.host} did not answer within ${timeoutMs / 1000} s`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot find the host ${url.host}`;
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection`;
  return `cannot reach ${url.host} (${code ?? String((error as Error).message).slice(0, 120)})`;
}

function statusMessage(status: number, url: URL): string {
  if (status === 404) return `not found on ${url.host} (HTTP 404)`;
  if (status === 401 || status === 403) return `${url.host} refused the request (HTTP ${status})`;
  return `${url.host} answered HTTP ${status}`;
}

function statusHint(status: number, options: HttpOptions): string | undefined {
  if (status === 404) return 'check the account name';
  if (status !== 401 && status !== 403) return undefined;
  if (options.token) return 'the token was refused: check it and its permissions';
  return options.tokenHint ?? 'it is not public';
}
