import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatWhere, PresenceError } from '../../src/errors.js';
import { Post } from '../../src/model/post.js';
import { fileSources } from '../../src/sources/index.js';
import { openInput } from '../../src/sources/read/input.js';
import type { FileSource, LoadResult } from '../../src/sources/source.js';
import { ROOT } from '../helpers/run-cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'presence-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One real single-file fixture per format, to mutate. */
const SEEDS: Record<string, string> = {
  'x-archive': 'fixtures/x/archive/data/tweets.js',
  'x-legacy-archive': 'fixtures/x/legacy-archive/data/js/tweets/2013_11.js',
  'mastodon-outbox': 'fixtures/mastodon/export/outbox.json',
  'bluesky-feed-json': 'fixtures/bluesky/author-feed.json',
  'bluesky-car': 'fixtures/bluesky/repo.car',
  'linkedin-csv': 'fixtures/linkedin/Shares.csv',
  'facebook-json': 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json',
  'instagram-json': 'fixtures/instagram/posts_1.json',
  'threads-json': 'fixtures/threads/threads_and_replies.json',
  feed: 'fixtures/feeds/blog.rss',
  'hootsuite-csv': 'fixtures/queue/over-limit.csv',
  'buffer-json': 'fixtures/queue/buffer.json',
  generic: 'fixtures/generic/posts.csv',
};

/** Loading either gives valid Posts or fails with a PresenceError: never anything else. */
async function loadsOrFailsCleanly(format: string, name: string, bytes: Uint8Array): Promise<void> {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  const source = fileSources.find((s) => s.id === format)!;
  let input;
  try {
    input = await openInput(file, work);
    const result = await source.load(input, { strict: false });
    for (const post of result.posts) Post.parse(post);
  } catch (error) {
    if (!(error instanceof PresenceError)) throw error;
  } finally {
    await input?.close();
  }
}

describe('every loader either loads or fails cleanly', () => {
  test('the seeds cover every file format', () => {
    expect(Object.keys(SEEDS).sort()).toEqual(
      fileSources
        .map((s) => s.id)
        .filter((id) => id !== 'snapshot-jsonl')
        .sort(),
    );
  });

  test.each(Object.entries(SEEDS))('%s: mutated real exports', async (format, seed) => {
    const original = readFileSync(path.join(ROOT, seed));
    const name = path.basename(seed);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.uint8Array({ maxLength: 16 }) }), { minLength: 1, maxLength: 6 }),
        async (edits) => {
          let bytes = Buffer.from(original);
          for (const { at, length, insert } of edits) {
            const start = at % (bytes.length + 1);
            bytes = Buffer.concat([bytes.subarray(0, start), Buffer.from(insert), bytes.subarray(Math.min(bytes.length, start + length))]);
          }
          await loadsOrFailsCleanly(format, name, bytes);
        },
      ),
      { numRuns: 40, seed: 20241122 },
    );
  });

  test.each(Object.entries(SEEDS))('%s: random bytes and random JSON', async (format, seed) => {
    const name = path.basename(seed);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.json().map((j) => new TextEncoder().encode(j)),
        ),
        async (bytes) => {
          await loadsOrFailsCleanly(format, name, bytes);
        },
      ),
      { numRuns: 30, seed: 7 },
    );
  });
});

/** The JSON seeds, with the prefix a format wraps its JSON in (X's `window.YTD.… =` assignment). */
const JSON_SEEDS = Object.entries(SEEDS).filter(([, seed]) => /\.(?:json|js)$/.test(seed));

function parseSeed(text: string): { prefix: string; value: unknown } {
  const start = text.search(/[[{]/);
  return { prefix: text.slice(0, start), value: JSON.parse(text.slice(start)) };
}

/** Every path to a value inside the document, as keys and indexes. */
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function replaceAt(value: unknown, at: readonly (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[at[0]!] = replaceAt(copy[at[0]!], at.slice(1), replacement);
  return copy;
}

/** Values of the wrong type, the kinds real broken exports and hostile files hold. */
const WRONG = [null, 12345, 1e300, -1, '', 'not a date', 'x'.repeat(300), [], [null], {}, { a: null }, true];

/** A load's outcome: its result, or the PresenceError it failed with; anything else fails the property. */
async function outcome(source: FileSource, file: string, strict: boolean, what: string): Promise<{ result: LoadResult } | { error: PresenceError }> {
  const input = await openInput(file, work);
  try {
    return { result: await source.load(input, { strict }) };
  } catch (error) {
    if (error instanceof PresenceError) return { error };
    throw new Error(`${what}${strict ? ' --strict' : ''}: ${(error as Error).stack}`);
  } finally {
    await input.close();
  }
}

describe('wrong-typed fields: skipped and counted with their place, or fatal with --strict', () => {
  test.each(JSON_SEEDS)('%s', async (format, seed) => {
    const { prefix, value } = parseSeed(readFileSync(path.join(ROOT, seed), 'utf8'));
    const paths = pathsOf(value).filter((p) => p.length > 0);
    const name = path.basename(seed);
    const source = fileSources.find((s) => s.id === format)!;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(paths.length - 1), fc.nat(WRONG.length - 1)), { minLength: 1, maxLength: 3 }), async (swaps) => {
        let mutated = value;
        for (const [p, w] of swaps) mutated = replaceAt(mutated, paths[p]!, WRONG[w]);
        const file = path.join(work, name);
        writeFileSync(file, prefix + JSON.stringify(mutated));
        const what = `${format} swaps ${JSON.stringify(swaps.map(([p, w]) => [paths[p], WRONG[w]]))}`;
        const loose = await outcome(source, file, false, what);
        const strict = await outcome(source, file, true, what);
        if ('error' in loose) {
          expect('error' in strict, what).toBe(true);
          return;
        }
        const { posts, skipped } = loose.result;
        for (const post of posts) Post.parse(post);
        for (const example of skipped.examples) expect(example.where.record ?? example.where.line, what).toBeGreaterThan(0);
        if (skipped.count === 0) {
          expect('result' in strict && strict.result.posts.length, what).toBe(posts.length);
          return;
        }
        // With --strict the first record skipped is the error, named by file and record or line.
        if (!('error' in strict)) throw new Error(`${what} --strict: loaded although a record was skipped`);
        expect(strict.error.where, what).toEqual(skipped.examples[0]!.where);
        expect(strict.error.render(), what).toContain(formatWhere(skipped.examples[0]!.where));
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
