import { z } from 'zod';
import type { Evidence } from '../model/audit.js';
import type { Post } from '../model/post.js';
import { inputError, type Where } from '../errors.js';
import type { Input } from './read/input.js';

/** What a loader hands back: the posts, and an honest count of what it could not use. */
export interface LoadResult {
  posts: Post[];
  /** Records left out on purpose (direct messages, deleted posts…), by reason. */
  excluded: Record<string, number>;
  /** Malformed records skipped, with where the first few sit. */
  skipped: { count: number; examples: { where: Where; reason: string }[] };
  /** The account the export belongs to, where it says. */
  account?: string;
  /** What the export cannot show, so the rules that need it say "not evaluated" instead of judging its absence. */
  lacks?: Evidence[];
  /** The account's own web sites, named by its profile in the export (own domains when the brand profile gives none). */
  sites?: string[];
  /** When the export was made, where it says (ISO time); an account read over an API is read now. */
  exportedAt?: string;
  /** Why the account reads as a bot, where its profile says so: habits of people are not held against it. */
  bot?: string;
}

export interface LoadOptions {
  /** A malformed record is an error instead of being skipped and counted. */
  strict: boolean;
  /** Column mapping for generic files (`--map text=Message,createdAt=Date`). */
  map?: Record<string, string>;
  /** Reports progress on long loads; the CLI decides whether anything is shown. */
  progress?: (done: number, total?: number) => void;
}

/** One export format: how to recognise it and how to turn it into posts. */
export interface FileSource {
  /** The name used to force it (`linkedin:Shares.csv`) and shown in errors. */
  readonly id: string;
  readonly description: string;
  /** A catch-all format (generic CSV/JSON): tried only when no specific format matched. */
  readonly fallback?: boolean;
  /** Cheap look at names and first bytes: true when this input is in this format. */
  detect(input: Input): Promise<boolean>;
  load(input: Input, options: LoadOptions): Promise<LoadResult>;
}

/**
 * Collects posts, exclusions and skipped records for a loader, so that every loader
 * treats malformed records the same way: skipped and counted, or fatal with --strict.
 */
export class LoadCollector {
  readonly posts: Post[] = [];
  readonly excluded: Record<string, number> = {};
  readonly skipped: LoadResult['skipped'] = { count: 0, examples: [] };
  account?: string;
  lacks?: Evidence[];
  sites?: string[];
  exportedAt?: string;
  bot?: string;

  constructor(private readonly options: Pick<LoadOptions, 'strict'>) {}

  add(post: Post): void {
    this.posts.push(post);
  }

  exclude(reason: string): void {
    this.excluded[reason] = (this.excluded[reason] ?? 0) + 1;
  }

  /**
   * One record checked against its schema at the source boundary: the parsed record, or undefined
   * when it is skipped (fatal with --strict) with the first thing wrong with it, so a wrong-typed
   * field is a counted record and never a TypeError deep in a loader.
   */
  parse<T>(schema: z.ZodType<T>, value: unknown, where: Where): T | undefined {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.skip(where, firstIssue(parsed.error));
    return undefined;
  }

  skip(where: Where, reason: string): void {
    if (this.options.strict) throw inputError(where, `malformed record: ${reason}`, 'drop --strict to skip such records');
    this.skipped.count++;
    if (this.skipped.examples.length < 5) this.skipped.examples.push({ where, reason });
  }

  result(): LoadResult {
    return {
      posts: this.posts,
      excluded: this.excluded,
      skipped: this.skipped,
      account: this.account,
      ...(this.lacks?.length && { lacks: this.lacks }),
      ...(this.sites?.length && { sites: this.sites }),
      ...(this.exportedAt && { exportedAt: this.exportedAt }),
      ...(this.bot && { bot: this.bot }),
    };
  }
}

/** `path.to.field: message`, the first thing wrong with a record. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
const TIME_RANGE = 'expected a time between 1990 and 2100';

/** Epoch milliseconds as ISO time, or undefined outside 1990–2100: NaN, 1e300 or the year 40000 are damage, not a post's date. */
export function postTime(ms: number): string | undefined {
  return Number.isFinite(ms) && ms >= EARLIEST && ms < LATEST ? new Date(ms).toISOString() : undefined;
}

/** A time written as text (ISO 8601, RFC 2822), read as ISO UTC; outside 1990–2100 the record is malformed. */
export const TextTime = z.string().transform((text, ctx) => {
  const time = postTime(Date.parse(text));
  if (time === undefined) ctx.addIssue({ code: 'custom', message: `${TIME_RANGE}, got "${text.slice(0, 40)}"` });
  return time ?? z.NEVER;
});

/** Unix seconds, as Meta's exports write times, read as ISO UTC. */
export const UnixSeconds = z.number().transform((seconds, ctx) => {
  const time = postTime(seconds * 1000);
  if (time === undefined) ctx.addIssue({ code: 'custom', message: `${TIME_RANGE}, got ${seconds}` });
  return time ?? z.NEVER;
});

/** A count of likes, reposts or replies: a whole number, never negative. */
export const Count = z.number().int().nonnegative();

/** Options for sources that read an account over HTTP. */
export interface AccountLoadOptions extends LoadOptions {
  /** Environment, for tokens (never from files or flags) and base-URL overrides. */
  env: Readonly<Record<string, string | undefined>>;
  /** How many of the account's own posts to read: no more requests than that needs. */
  limit: number;
  /** Base-URL overrides given on the command line (`--bluesky-service`, `--x-api-base`). */
  services: { bluesky?: string; xApi?: string };
  /** Per-request timeout. */
  timeoutMs: number;
  userAgent: string;
  /** Overrides for the HTTP client (tests shorten backoff and waits). */
  http?: { retries?: number; backoffMs?: number; maxWaitMs?: number };
}

/** An account read over a platform API (`mastodon:@acme@mastodon.social`, `bluesky:acme.bsky.social`…). */
export interface AccountSource {
  /** The scheme before the colon. */
  readonly id: string;
  readonly description: string;
  load(target: string, options: AccountLoadOptions): Promise<LoadResult>;
}
