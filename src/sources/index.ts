import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inputError, usageError } from '../errors.js';
import { isAccountSpec, redactSecrets } from '../model/source-spec.js';
import { openBytes, openInput, type Input, type InputLimits } from './read/input.js';
import type { AccountLoadOptions, FileSource, LoadOptions, LoadResult } from './source.js';
import { blueskyCar } from './formats/bluesky-car.js';
import { blueskyFeedJson } from './formats/bluesky-feed-json.js';
import { bufferJson } from './formats/buffer-json.js';
import { facebookJson } from './formats/facebook-json.js';
import { feed } from './formats/feed.js';
import { generic } from './formats/generic.js';
import { hootsuiteCsv } from './formats/hootsuite-csv.js';
import { instagramJson } from './formats/instagram-json.js';
import { linkedinCsv } from './formats/linkedin-csv.js';
import { mastodonOutbox } from './formats/mastodon-outbox.js';
import { snapshotJsonl } from './formats/snapshot-jsonl.js';
import { threadsJson } from './formats/threads-json.js';
import { xArchive } from './formats/x-archive.js';
import { xLegacyArchive } from './formats/x-legacy-archive.js';
import { addressedThreadParts } from './read/self-threads.js';

/** Every file format, in detection order: the most specific first. */
export const fileSources: readonly FileSource[] = [
  xArchive,
  xLegacyArchive,
  mastodonOutbox,
  blueskyFeedJson,
  blueskyCar,
  linkedinCsv,
  facebookJson,
  instagramJson,
  threadsJson,
  feed,
  hootsuiteCsv,
  bufferJson,
  snapshotJsonl,
  generic,
];

export interface LoadedSource extends LoadResult {
  spec: string;
  format: string;
}

export interface SourceContext extends LoadOptions, Partial<Omit<AccountLoadOptions, keyof LoadOptions>> {
  cwd: string;
  limits?: InputLimits;
  /** Standard input, for the SOURCE `-` (or `FORMAT:-`). */
  stdin?: () => Promise<Buffer>;
}

const DEFAULT_ACCOUNT_LIMIT = 200;
/** An account read over its API holds at most this many posts: 250 pages of 40, bounded in time and memory. */
export const MAX_ACCOUNT_POSTS = 10_000;

/**
 * Loads one SOURCE as the user wrote it: a path whose format is detected, or
 * `format:path` to force one.
 */
export async function loadSource(spec: string, context: SourceContext): Promise<LoadedSource> {
  // The HTTP client and API sources load only when an account is named, not for every file audit.
  const account = isAccountSpec(spec) ? (await import('./api/index.js')).accountSourceFor(spec) : undefined;
  if (account) {
    if ((context.limit ?? 0) > MAX_ACCOUNT_POSTS) {
      throw usageError(
        `--last ${context.limit}: an account is read over its API ${MAX_ACCOUNT_POSTS} posts at most`,
        "for more, audit the platform's own export",
      );
    }
    const result = await account.source.load(account.target, {
      ...context,
      env: context.env ?? {},
      limit: context.limit ?? DEFAULT_ACCOUNT_LIMIT,
      services: context.services ?? {},
      timeoutMs: context.timeoutMs ?? 30_000,
      userAgent: context.userAgent ?? 'presence',
    });
    // An account read over its API is as of now: its silence is measured to today.
    return {
      exportedAt: new Date().toISOString(),
      ...result,
      posts: addressedThreadParts(result.posts),
      spec: redactSecrets(spec),
      format: `${account.source.id}-api`,
    };
  }
  const forced = /^([a-z][a-z0-9-]*):(.+)$/.exec(spec);
  const named = forced ? fileSources.find((source) => source.id === forced[1]) : undefined;
  // A file whose own name holds a colon (a:b.csv) is that file, not an unknown format "a".
  if (forced && !named && !/^[a-z]:[\\/]/i.test(spec) && !(await exists(resolve(context.cwd, spec)))) {
    throw usageError(`unknown source format "${forced[1]}"`, `known formats: ${fileSources.map((s) => s.id).join(', ')}`);
  }
  const path = named ? forced![2]! : spec;
  const input = path === '-' ? openBytes('stdin', await readStdin(context)) : await openInput(path, context.cwd, context.limits);
  try {
    let source = named;
    if (!source) {
      source = await detectFormat(input, path);
    }
    const result = await source.load(input, context);
    return { ...result, posts: addressedThreadParts(result.posts), spec, format: source.id };
  } finally {
    await input.close();
  }
}

async function detectFormat(input: Input, path: string): Promise<FileSource> {
  const tried = fileSources.map((s) => s.id).join(', ');
  for (const fallback of [false, true]) {
    const matches: FileSource[] = [];
    for (const candidate of fileSources) {
      if (Boolean(candidate.fallback) === fallback && (await candidate.detect(input))) matches.push(candidate);
    }
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw inputError({ file: path }, `ambiguous format: looks like ${matches.map((s) => s.id).join(' and ')}`, 'force one as FORMAT:PATH');
    }
  }
  throw inputError({ file: path }, `unknown format; tried ${tried}`, 'force one as FORMAT:PATH');
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function readStdin(context: SourceContext): Promise<Buffer> {
  if (!context.stdin) throw usageError('standard input cannot be read here');
  return context.stdin();
}
