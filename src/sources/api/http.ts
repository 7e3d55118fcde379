import { gunzipSync, inflateSync } from 'node:zlib';
import { errors, request } from 'undici';
import { networkError } from '../../errors.js';

export interface HttpOptions {
  /** The SOURCE as the user wrote it: every error names it. */
  source: string;
  timeoutMs: number;
  userAgent: string;
  /** Sent as a bearer token; never written into a message, URL or result. */
  token?: string;
  /** Retries after a 5xx or a network error. */
  retries?: number;
  /** The longest wait for a rate limit to reset before giving up with a clear message. */
  maxWaitMs?: number;
  /** Base of the exponential backoff between retries. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpResponse {
  text: string;
  headers: Record<string, string>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One GET with everything a polite client needs: timeouts, bounded retries with backoff and
 * jitter on 5xx and network errors, 429 honouring Retry-After and the platforms' rate-limit
 * reset headers, gzip, and one-line errors that name the source and never the token.
 */
export async function get(url: string, options: HttpOptions): Promise<HttpResponse> {
  const { retries = 3, maxWaitMs = 60_000, backoffMs = 500, sleep = wait } = options;
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json, application/rss+xml, application/atom+xml, text/xml;q=0.9, */*;q=0.5', 'accept-encoding': 'gzip, deflate' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  for (let attempt = 0; ; attempt++) {
    let status: number;
    let responseHeaders: Record<string, string>;
    let body: Buffer;
    try {
      const response = await request(url, { method: 'GET', headers, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
      status = response.statusCode;
      responseHeaders = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
      body = Buffer.from(await response.body.arrayBuffer());
    } catch (error) {
      if (attempt < retries && isTransient(error)) {
        await sleep(backoff(attempt, backoffMs));
        continue;
      }
      throw networkError(options.source, describeFailure(error, url, options.timeoutMs));
    }
    if (status === 429) {
      const delay = rateLimitDelay(responseHeaders);
      if (attempt < retries && delay <= maxWaitMs) {
        await sleep(Math.max(delay, backoffMs));
        continue;
      }
      throw networkError(options.source, `rate limited by ${new URL(url).host}`, delay > maxWaitMs ? `try again after ${new Date(Date.now() + delay).toISOString()}` : 'try again later');
    }
    if (status >= 500 && attempt < retries) {
      await sleep(backoff(attempt, backoffMs));
      continue;
    }
    if (status >= 400) throw networkError(options.source, statusMessage(status, url), statusHint(status, Boolean(options.token)));
    return { text: decode(body, responseHeaders['content-encoding']).toString('utf8'), headers: responseHeaders };
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

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

function backoff(attempt: number, base: number): number {
  return base * 2 ** attempt * (0.75 + Math.random() / 2);
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || error instanceof errors.SocketError || ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(code);
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

function describeFailure(error: unknown, url: string, timeoutMs: number): string {
  const host = new URL(url).host;
  const code = (error as { code?: string }).code;
  if (error instanceof errors.HeadersTimeoutError || error instanceof errors.BodyTimeoutError || code === 'UND_ERR_CONNECT_TIMEOUT') return `${host} did not answer within ${timeoutMs / 1000} s`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot find the host ${host}`;
  if (code === 'ECONNREFUSED') return `${host} refused the connection`;
  return `cannot reach ${host} (${code ?? (error as Error).message})`;
}

function statusMessage(status: number, url: string): string {
  const host = new URL(url).host;
  if (status === 404) return `not found on ${host} (HTTP 404)`;
  if (status === 401 || status === 403) return `${host} refused the request (HTTP ${status})`;
  return `${host} answered HTTP ${status}`;
}

function statusHint(status: number, hasToken: boolean): string | undefined {
  if (status === 404) return 'check the account name';
  if (status === 401 || status === 403) return hasToken ? 'the token was refused: check it and its permissions' : 'this needs a token in the environment';
  return undefined;
}
