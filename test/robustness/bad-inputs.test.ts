import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import { spawnCli } from '../helpers/run-cli.js';
import { zip } from '../bench/generate-archive.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'presence-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
}

/** A one-entry zip whose header can claim any inflated size (for bombs and liars). */
const zipWith = (name: string, data: Buffer, claimedSize = data.length): Buffer => zip([[name, data, claimedSize]]);

const tweets = (body: string) => `window.YTD.tweets.part0 = ${body}`;

// Each bad input ends with exit 2 and one line naming the file and what was expected, quickly.
const cases: [label: string, make: () => string, message: RegExp][] = [
  ['an empty file', () => file('empty.js', ''), /empty\.js: the file is empty/],
  [
    'random binary',
    () => file('noise.bin', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
    /noise\.bin: (unknown format|the file holds binary data)/,
  ],
  [
    'a truncated zip',
    () => file('cut.zip', zipWith('data/tweets.js', Buffer.from(tweets('[]'))).subarray(0, 40)),
    /cut\.zip: (not a readable zip archive|corrupt)/,
  ],
  [
    'a zip with nothing we know inside',
    () => file('other.zip', zipWith('photos/cat.jpg', Buffer.from('not a photo'))),
    /other\.zip: unknown format; tried x-archive/,
  ],
  [
    'a zip bomb',
    () => file('bomb.zip', zipWith('data/tweets.js', Buffer.alloc(4096, 0x20), 0xfffffff0)),
    /bomb\.zip:data\/tweets\.js: entry inflates to \d+ bytes, over the \d+-byte limit \(is this a zip bomb\?\)/,
  ],
  [
    'a zip whose header lies about the size',
    () => file('liar.zip', zipWith('data/tweets.js', Buffer.from(tweets('[]').padEnd(5000)), 10)),
    /liar\.zip:data\/tweets\.js: corrupt entry/,
  ],
  ['JSON of the wrong shape', () => file('tweets.js', tweets('{"tweet": 1}')), /tweets\.js:1:27: expected a JSON array, found "\{"/],
  ['truncated JSON', () => file('tweet.js', tweets('[ { "tweet" : { "id_str" : "1"')), /tweet\.js: not valid JSON \(it ends too early: a truncated file\?\)/],
  [
    'UTF-16 text',
    () => file('tweets-part1.js', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tweets('[]'), 'utf16le')])),
    /tweets-part1\.js: (the file is UTF-16 encoded; expected UTF-8|unknown format)/,
  ],
  [
    'Latin-1 text',
    () => file('posts.csv', Buffer.from('text,date\ncaf\xe9 cr\xe8me,2024-05-14 09:30\n', 'latin1')),
    /posts\.csv: the file is not valid UTF-8 \(Latin-1 or Windows-1252\?\) \(save it as UTF-8 and try again\)/,
  ],
  [
    'a CSV with the wrong columns',
    () => file('export.csv', 'id,views,country\n1,200,NL\n'),
    /export\.csv: no text column among "id", "views", "country" \(name it with --map text=COLUMN\)/,
  ],
  ['a single 50 MB line', () => file('tweets-part2.js', tweets(`["${'x'.repeat(50 * 1024 * 1024)}"]`)), /tweets-part2\.js(#1)?: /],
  ['deeply nested JSON', () => file('tweets-part3.js', tweets(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)), /tweets-part3\.js(#1)?: /],
];

describe('bad input: exit 2, one line naming the file, no stack trace', () => {
  test.each(cases)('%s', (_label, make, message) => {
    const target = make();
    const started = Date.now();
    // A memory bound: the process may use no more than 400 MB of heap on any of these.
    const result = spawnCli(['audit', target, '--strict'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=400' } });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('error lines stay one short line', () => {
  test('a huge or hostile quoted input is cut and its control characters shown as escapes', async () => {
    const { PresenceError } = await import('../../src/errors.js');
    const line = new PresenceError(
      'input',
      `unknown column "${'9'.repeat(400)}"\u001b[2J\u202e`,
      { file: 'queue.csv', line: 1 },
      'name the text column',
    ).render();
    expect(line.length).toBeLessThan(400);
    expect(line).toMatch(/^queue\.csv:1: unknown column "9{100,}…9+"\\u001b\[2J\\u202e \(name the text column\)$/);
  });
});
