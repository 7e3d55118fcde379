import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PresenceError } from '../../src/errors.js';
import { Post } from '../../src/model/post.js';
import { openInput } from '../../src/sources/input.js';
import { parseCreatedAt, xArchive } from '../../src/sources/x-archive.js';
import { ROOT } from '../helpers/run-cli.js';

async function load(spec: string, strict = false) {
  const input = await openInput(spec, ROOT);
  try {
    return await xArchive.load(input, { strict });
  } finally {
    await input.close();
  }
}

const zip = await load('fixtures/x/archive.zip');
const folder = await load('fixtures/x/archive');
const byText = (start: string) => zip.posts.find((p) => p.text.startsWith(start))!;
const scratch = mkdtempSync(path.join(tmpdir(), 'presence-x-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('X archive', () => {
  test('the zip, the folder and tweets.js alone give the same posts', async () => {
    const strip = (posts: Post[]) => posts.map(({ source: _source, ...rest }) => rest);
    expect(strip(folder.posts)).toEqual(strip(zip.posts));
    const alone = await load('fixtures/x/archive/data/tweets.js');
    expect(alone.posts.map((p) => p.id)).toEqual(zip.posts.filter((p) => p.source.file.endsWith('data/tweets.js')).map((p) => p.id));
    expect(alone.account).toBe('northwindlamps');
  });

  test('every post is a valid Post; counts by kind; exclusions counted', () => {
    for (const post of zip.posts) expect(Post.parse(post)).toEqual(post);
    const kinds = zip.posts.reduce<Record<string, number>>((counts, p) => ({ ...counts, [p.kind]: (counts[p.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ post: 29, reply: 5, repost: 2, quote: 1 });
    expect(zip.excluded).toEqual({ 'Twitter Circle post': 1, 'earlier version of an edited post': 1 });
    expect(zip.account).toBe('northwindlamps');
  });

  test('sources point at the file and the record', () => {
    const first = zip.posts[0]!;
    expect(first.source).toEqual({ file: 'fixtures/x/archive.zip:twitter-2024-06-30-8f3a1c/data/tweets.js', record: 1 });
    expect(folder.posts.at(-1)!.source.file).toBe(path.join('fixtures/x/archive', 'data/tweets-part1.js'));
  });

  test('t.co links are expanded in the text and in links; entities decoded; the media link dropped', () => {
    const launch = byText('Meet Aurora');
    expect(launch.text).toBe('Meet Aurora: our new desk lamp dims all the way down to candlelight. $129, shop now https://northwind.example/shop/aurora?utm_source=twitter&utm_campaign=aurora-launch #WorkFromHome');
    expect(launch.links).toEqual([{ url: 'https://northwind.example/shop/aurora?utm_source=twitter&utm_campaign=aurora-launch', domain: 'northwind.example' }]);
    expect(launch.hashtags).toEqual(['WorkFromHome']);
    expect(launch).toMatchObject({ kind: 'post', url: `https://x.com/northwindlamps/status/${launch.id}`, metrics: { likes: 88, reposts: 21 } });
    const photo = byText('@jordan_reads Thanks');
    expect(photo.text).toBe('@jordan_reads Thanks for the photo! The shade is recycled aluminium 🌱 and the cable is braided cotton.');
    expect(photo.media).toEqual([{ type: 'image' }]);
    expect(byText("That's why").text).toContain("That's why every Northwind lamp");
  });

  test('replies, thread continuations, retweets and quotes', () => {
    const reply = byText('@ana_makes');
    expect(reply.kind).toBe('reply');
    expect(reply.replyTo).toMatchObject({ author: 'ana_makes', isOwn: false, createdAt: '2024-05-11T08:00:00.000Z' });
    const continuation = byText('Daylight sits');
    expect(continuation.kind).toBe('post');
    expect(continuation.replyTo).toMatchObject({ author: 'northwindlamps', isOwn: true });
    const retweet = byText('RT @studiolumen');
    expect(retweet.kind).toBe('repost');
    expect(retweet.metrics).toBeUndefined();
    expect(retweet.text.endsWith('…')).toBe(true);
    expect(byText('Quoting this').kind).toBe('quote');
  });

  test('a long post takes its full text from note-tweet.js', () => {
    const note = byText('Why we switched every Northwind lamp');
    expect(note.text).toMatch(/^Why we switched every Northwind lamp to a warm 2700K default: for three years/);
    expect(note.text).toContain('https://northwind.example/blog/warm-light');
  });

  test('an edit chain keeps only the last version; CJK and emoji text is intact', () => {
    expect(zip.posts.filter((p) => p.text.startsWith('Our lamp care guide')).map((p) => p.text)).toEqual(['Our lamp care guide is now in French, German and Japanese: https://northwind.example/care']);
    expect(byText('東京の皆さん').text).toBe('東京の皆さん、こんにちは！オーロラのデスクランプが日本でも買えるようになりました。やさしい灯りで夜の読書を。');
    expect(byText('@mika_tokyo').text).toBe('@mika_tokyo ありがとうございます！送料は無料です 📦');
  });

  test('created_at is parsed exactly', () => {
    expect(parseCreatedAt('Tue May 14 09:30:12 +0000 2024')).toBe('2024-05-14T09:30:12.000Z');
    expect(parseCreatedAt('Tue May 14 09:30:12 +0200 2024')).toBe('2024-05-14T07:30:12.000Z');
    expect(parseCreatedAt('2024-05-14 09:30')).toBeUndefined();
  });

  test('a malformed tweet is skipped and counted; with strict it is an error naming the record', async () => {
    const file = path.join(scratch, 'tweets.js');
    writeFileSync(file, 'window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "created_at" : "Tue May 14 09:30:12 +0000 2024", "full_text" : "fine" } }, { "tweet" : { "id_str" : "2" } } ]');
    const tolerant = await load(file);
    expect(tolerant.posts).toHaveLength(1);
    expect(tolerant.skipped).toEqual({ count: 1, examples: [{ where: { file, record: 2 }, reason: 'expected a tweet with id_str, created_at and full_text' }] });
    await expect(load(file, true)).rejects.toThrow(PresenceError);
    await expect(load(file, true)).rejects.toMatchObject({ where: { file, record: 2 } });
  });

  test('detection: yes for the archive, no for other files', async () => {
    const yes = await openInput('fixtures/x/archive.zip', ROOT);
    expect(await xArchive.detect(yes)).toBe(true);
    await yes.close();
    const no = await openInput('README.md', ROOT);
    expect(await xArchive.detect(no)).toBe(false);
    await no.close();
  });
});
