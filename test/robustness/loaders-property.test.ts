import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PresenceError } from '../../src/errors.js';
import { Post } from '../../src/model/post.js';
import { fileSources } from '../../src/sources/index.js';
import { openInput } from '../../src/sources/input.js';
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
    expect(Object.keys(SEEDS).sort()).toEqual(fileSources.map((s) => s.id).filter((id) => id !== 'snapshot-jsonl').sort());
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
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.json().map((j) => new TextEncoder().encode(j))), async (bytes) => {
        await loadsOrFailsCleanly(format, name, bytes);
      }),
      { numRuns: 30, seed: 7 },
    );
  });
});
