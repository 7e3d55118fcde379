import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PresenceError } from '../../src/errors.js';
import { Post } from '../../src/model/post.js';
import type { LoadResult } from '../../src/sources/source.js';
import { assignedElements } from '../../src/sources/read/js-assignment.js';
import { archiveFile, xArchive } from '../../src/sources/formats/x-archive.js';
import { appName, parseCreatedAt } from '../../src/sources/read/x-tweet.js';
import { ownSites } from '../../src/text/links.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

const ZIP_DATA = 'fixtures/x/archive.zip:twitter-2024-06-30-8f3a1c/data';
const zip = await loadWith(xArchive, 'fixtures/x/archive.zip');
const folder = await loadWith(xArchive, 'fixtures/x/archive');
const alone = await loadWith(xArchive, 'fixtures/x/archive/data/tweets.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'presence-x-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// tweets.js copied out of its archive, with no parts, account.js, manifest, notes or circle list beside it.
copyFileSync('fixtures/x/archive/data/tweets.js', path.join(scratch, 'tweets.js'));
const lone = await loadWith(xArchive, path.join(scratch, 'tweets.js'));
const byId = (id: string) => zip.posts.find((p) => p.id === id)!;
const withoutFile = (posts: Post[]) => posts.map(({ source, ...rest }) => ({ ...rest, record: source.record }));

/** A small archive folder of its own: file name → the text of the file. */
function archive(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const tweet = (fields: Record<string, unknown>) => ({ tweet: { created_at: 'Tue May 14 09:30:12 +0000 2024', full_text: 'Hello', entities: {}, ...fields } });
const archiveElementsOf = (bytes: Buffer) => [...assignedElements(archiveFile(bytes, 'tweets.js'))];
const parse = (text: string) => archiveElementsOf(Buffer.from(text));
const tweetsJs = (elements: unknown[], part = 0) => `window.YTD.tweets.part${part} = ${JSON.stringify(elements, null, 2)}`;

describe('X archive: the bundled fixture', () => {
  test('the zip, the folder and tweets.js alone give the same posts: a lone tweets.js is read with the parts and account files beside it', () => {
    expect(withoutFile(folder.posts)).toEqual(withoutFile(zip.posts));
    expect(folder.excluded).toEqual(zip.excluded);
    expect(withoutFile(alone.posts)).toEqual(withoutFile(zip.posts));
    expect(alone.excluded).toEqual(zip.excluded);
    expect(alone.posts.find((p) => p.id === '1805148856120246272')?.source).toEqual({ file: 'fixtures/x/archive/data/tweets-part1.js', record: 14 });
    // With nothing beside it, tweets.js is part 0 alone.
    expect(withoutFile(lone.posts)).toEqual(withoutFile(zip.posts.filter((p) => p.source.file === `${ZIP_DATA}/tweets.js`)));
    expect(lone.posts).toHaveLength(24);
  });

  test('exact counts by kind; the circle post and the earlier edit are left out and counted', () => {
    expect(zip.posts).toHaveLength(37);
    expect(kinds(zip)).toEqual({ post: 29, reply: 5, repost: 2, quote: 1 });
    expect(zip.excluded).toEqual({ 'Twitter Circle post': 1, 'earlier version of an edited post': 1 });
    expect(zip.skipped).toEqual({ count: 0, examples: [] });
    expect(zip.posts.some((p) => p.id === '1804227786961846272')).toBe(false);
    expect(lone.excluded).toEqual({ 'earlier version of an edited post': 1 });
  });

  test('every post passes Post.parse unchanged', () => {
    for (const post of [...zip.posts, ...folder.posts, ...alone.posts, ...lone.posts]) expect(Post.parse(post)).toEqual(post);
  });

  test('the handle comes from account.js, from the own media links when tweets.js has nothing beside it; the email is never kept', () => {
    expect(zip.account).toBe('northwindlamps');
    expect(alone.account).toBe('northwindlamps');
    expect(lone.account).toBe('northwindlamps');
    expect(new Set(zip.posts.map((p) => p.author))).toEqual(new Set(['northwindlamps']));
    expect(JSON.stringify([zip, folder, alone])).not.toContain('hello@northwind.example');
  });

  test('sources point at the part file and the 1-based record', () => {
    expect(zip.posts[0]!.source).toEqual({ file: `${ZIP_DATA}/tweets.js`, record: 1 });
    expect(byId('1805148856120246272').source).toEqual({ file: `${ZIP_DATA}/tweets-part1.js`, record: 14 });
    expect(folder.posts.at(-1)!.source).toEqual({ file: path.join('fixtures/x/archive', 'data/tweets-part1.js'), record: 14 });
    expect(alone.posts[0]!.source).toEqual({ file: 'fixtures/x/archive/data/tweets.js', record: 1 });
  });

  test('the launch: t.co expanded in text and links, hashtag without #, counts as numbers, permalink', () => {
    expect(byId('1790313602872246272')).toEqual({
      id: '1790313602872246272',
      platform: 'x',
      author: 'northwindlamps',
      createdAt: '2024-05-14T09:30:00.000Z',
      text:
        'Meet Aurora: our new desk lamp dims all the way down to candlelight. $129, shop now ' +
        'https://northwind.example/shop/aurora?utm_source=twitter&utm_campaign=aurora-launch #WorkFromHome',
      links: [{ url: 'https://northwind.example/shop/aurora?utm_source=twitter&utm_campaign=aurora-launch', domain: 'northwind.example' }],
      hashtags: ['WorkFromHome'],
      mentions: [],
      media: [],
      kind: 'post',
      url: 'https://x.com/northwindlamps/status/1790313602872246272',
      app: 'Twitter Web App',
      metrics: { likes: 88, reposts: 21 },
      scheduled: false,
      source: { file: `${ZIP_DATA}/tweets.js`, record: 11 },
    });
    expect(byId('1790326185784246272').hashtags).toEqual(['lamps', 'design', 'interiors', 'WorkFromHome']);
    expect(byId('1788539412280246272').links).toEqual([{ url: 'https://bit.ly/3nWLamp', domain: 'bit.ly' }]);
    expect(byId('1793341051499446272').links).toEqual([{ url: 'https://www.facebook.com/northwindlamps', domain: 'facebook.com' }]);
    expect(zip.posts.every((p) => !p.text.includes('t.co/'))).toBe(true);
  });

  test('HTML entities decoded: &gt; &lt; &amp;', () => {
    expect(byId('1787399652111286272').text).toContain('Our eyes read anything >4000K as daytime');
    expect(byId('1800578742481846272').text).toBe(
      '@HomeDeskDaily Good question. The Ember nightlight draws 0.3 W, so about 2.6 kWh a year left on every night (<€1 where we are).',
    );
    expect(byId('1797553810437046272').text).toContain('low placement & shades facing down.');
    expect(zip.posts.every((p) => !/&(amp|lt|gt);/.test(p.text))).toBe(true);
  });

  test('the thread: the continuations are posts replying to the account itself', () => {
    expect(byId('1787399400453046272')).toMatchObject({ kind: 'post' });
    expect(byId('1787399400453046272').replyTo).toBeUndefined();
    expect(byId('1787399652111286272')).toMatchObject({
      kind: 'post',
      replyTo: { id: '1787399400453046272', author: 'northwindlamps', isOwn: true, createdAt: '2024-05-06T08:30:00.000Z' },
    });
    expect(byId('1787400155427766272')).toMatchObject({ kind: 'post', replyTo: { id: '1787399652111286272', isOwn: true } });
  });

  test("a reply to a customer: replyTo with the parent's time from its Snowflake id", () => {
    expect(byId('1789978897413046272')).toMatchObject({
      kind: 'reply',
      mentions: ['ana_makes'],
      replyTo: { id: '1789203790033846281', author: 'ana_makes', isOwn: false, createdAt: '2024-05-11T08:00:00.000Z' },
    });
    expect(byId('1787951790289846272').replyTo).toEqual({
      id: '1787930399339446275',
      author: 'jordan_reads',
      isOwn: false,
      createdAt: '2024-05-07T19:40:00.000Z',
    });
  });

  test('retweets are reposts with the truncated legacy text and no engagement', () => {
    const retweet = byId('1788146825425846272');
    expect(retweet).toMatchObject({ kind: 'repost', mentions: ['studiolumen', 'northwindlamps'] });
    expect(retweet.text).toBe(
      'RT @studiolumen: Loved testing the Aurora lamp from @northwindlamps for our spring shoot. Warm light, zero glare, and it folds flat for tra…',
    );
    expect(retweet.metrics).toBeUndefined();
    expect(retweet.replyTo).toBeUndefined();
    expect(retweet.quoted).toBeUndefined();
  });

  test('a link to another account’s post is a quote: the post is `quoted`, out of the links and the text', () => {
    const quote = byId('1791393216721846272');
    expect(quote).toMatchObject({
      kind: 'quote',
      text: "Quoting this because it's the best explanation of glare we've read.",
      links: [],
      quoted: { url: 'https://x.com/HomeDeskDaily/status/1790900000000000123', author: 'HomeDeskDaily' },
    });
    expect(zip.posts.filter((p) => p.quoted).map((p) => p.id)).toEqual(['1791393216721846272']);
  });

  test('the posting app from each tweet’s source: trimmed anchor text, a Greek omicron read as an O', () => {
    const apps: Record<string, number> = {};
    for (const post of zip.posts) apps[post.app ?? '(none)'] = (apps[post.app ?? '(none)'] ?? 0) + 1;
    expect(apps).toEqual({ 'Twitter Web App': 31, Buffer: 2, twitterfeed: 2, 'Twitter for iPhone': 2 });
    expect(byId('1786395787391926272').app).toBe('twitterfeed');
    expect(byId('1788539412280246272').app).toBe('Buffer');
    expect(byId('1792533228549046272').app).toBe('Twitter for iPhone');
  });

  test('own sites from profile.js: the bio’s links, not the bare t.co website nor Instagram; none from a tweets.js with no profile.js beside it', () => {
    expect(zip.sites).toEqual(['northwind.example', 'help.northwind.example']);
    expect(folder.sites).toEqual(zip.sites);
    expect(alone.sites).toEqual(zip.sites);
    expect(lone.sites).toBeUndefined();
  });

  test('an archive holds no alt text, whatever form it is given in', () => {
    for (const result of [zip, folder, alone]) expect(result.lacks).toEqual(['alt-text']);
  });

  test('media: photo, video and GIF types, no alt text, and the appended media link gone from the text', () => {
    expect(byId('1787951790289846272')).toMatchObject({
      media: [{ type: 'image' }],
      text: '@jordan_reads Thanks for the photo! The shade is recycled aluminium 🌱 and the cable is braided cotton.',
    });
    expect(byId('1790653341496246272').media).toEqual([{ type: 'video' }]);
    // The 📚 before the GIF's link makes its code-point index differ from the UTF-16 one.
    expect(byId('1788973522744246272')).toMatchObject({
      media: [{ type: 'gif' }],
      text: 'Lights out for the weekend. What are you reading this week? 📚',
      links: [],
    });
    expect(zip.posts.flatMap((p) => p.media).every((m) => !('altText' in m))).toBe(true);
  });

  test('emoji and CJK text intact', () => {
    expect(byId('1792461505950646272').text).toBe(
      '東京の皆さん、こんにちは！オーロラのデスクランプが日本でも買えるようになりました。やさしい灯りで夜の読書を。',
    );
    expect(byId('1792533228549046272').text).toBe('@mika_tokyo ありがとうございます！送料は無料です 📦');
    expect(byId('1790334993822646272').text).toBe('Tag a friend who reads in bed 🛏️💡✨🌙 https://northwind.example/shop/aurora');
  });

  test('a long post takes its full text and links from note-tweet.js; a Premium post over 280 is kept whole', () => {
    const note = byId('1801540076958646272');
    expect(note.text).toMatch(/^Why we switched every Northwind lamp to a warm 2700K default: for three years we shipped our lamps at 4000K/);
    expect(note.text).toMatch(/The full write-up, with the diaries: https:\/\/northwind\.example\/blog\/warm-light$/);
    expect(note.text).not.toContain('…');
    expect(note.links).toEqual([{ url: 'https://northwind.example/blog/warm-light', domain: 'northwind.example' }]);
    expect(note.metrics).toEqual({ likes: 30, reposts: 7 });
    expect(byId('1800830400721846272').text).toHaveLength(409);
  });

  test('an edit chain keeps only the newest version', () => {
    expect(zip.posts.filter((p) => p.text.startsWith('Our lamp care guide')).map((p) => [p.id, p.text])).toEqual([
      ['1793585663308726272', 'Our lamp care guide is now in French, German and Japanese: https://northwind.example/care'],
    ]);
  });

  test('detection: the zip, the folder and tweets.js; not other archive files or other formats', async () => {
    expect(await detects(xArchive, 'fixtures/x/archive.zip')).toBe(true);
    expect(await detects(xArchive, 'fixtures/x/archive')).toBe(true);
    expect(await detects(xArchive, 'fixtures/x/archive/data/tweets.js')).toBe(true);
    expect(await detects(xArchive, 'fixtures/x/archive/data/deleted-tweets.js')).toBe(false);
    expect(await detects(xArchive, 'fixtures/x/archive/data/note-tweet.js')).toBe(false);
    expect(await detects(xArchive, 'fixtures/mastodon/export')).toBe(false);
    expect(await detects(xArchive, 'README.md')).toBe(false);
  });
});

describe('X archive: other shapes and bad input', () => {
  test('older archives: tweet.js and tweet-part1.js, bare tweet objects, "[ {" on the first line, a trailing ";"', async () => {
    const bareTweet = {
      id_str: '1100000000000000001',
      created_at: 'Sat Jan 05 10:00:00 +0000 2019',
      full_text: 'Old &amp; bare',
      favorite_count: '2',
      retweet_count: '1',
      entities: { hashtags: [], user_mentions: [], urls: [] },
    };
    const root = archive('old', {
      'data/tweet.js': `window.YTD.tweet.part0 = [ ${JSON.stringify(bareTweet)} ];\n`,
      'data/tweet-part1.js': tweetsJs([{ id_str: '1100000000000000002', created_at: 'Sun Jan 06 10:00:00 +0000 2019', full_text: 'Second part' }]).replace(
        'tweets.part0',
        'tweet.part1',
      ),
      'data/manifest.js': `window.__THAR_CONFIG = ${JSON.stringify({ userInfo: { accountId: '42', userName: 'oldlamps', displayName: 'Old Lamps' } })}`,
    });
    expect(await detects(xArchive, root)).toBe(true);
    const result = await loadWith(xArchive, root);
    expect(result.account).toBe('oldlamps');
    expect(result.posts.map((p) => [p.id, p.text, p.author, p.source.record])).toEqual([
      ['1100000000000000001', 'Old & bare', 'oldlamps', 1],
      ['1100000000000000002', 'Second part', 'oldlamps', 1],
    ]);
    expect(result.posts[0]!.metrics).toEqual({ likes: 2, reposts: 1 });
    expect(result.posts[1]!.metrics).toBeUndefined();
  });

  test('parts are read in part order, part10 after part2', async () => {
    const part = (n: number) => tweetsJs([tweet({ id_str: String(1_800_000_000_000_000_000n + BigInt(n)), full_text: `part ${n}` })], n);
    const root = archive('many-parts', {
      'data/tweets.js': part(0),
      'data/tweets-part10.js': part(10),
      'data/tweets-part2.js': part(2),
      'data/tweets-part1.js': part(1),
    });
    expect((await loadWith(xArchive, root)).posts.map((p) => p.text)).toEqual(['part 0', 'part 1', 'part 2', 'part 10']);
  });

  test('no account.js, no manifest, no media: the handle is unknown and the account is not claimed', async () => {
    const root = archive('anonymous', {
      'data/tweets.js': tweetsJs([
        tweet({
          id_str: '1790000000000000001',
          in_reply_to_status_id_str: '1789000000000000001',
          in_reply_to_user_id_str: '7',
          in_reply_to_screen_name: 'someone',
        }),
      ]),
    });
    const result = await loadWith(xArchive, root);
    expect(result.account).toBeUndefined();
    expect(result.posts[0]).toMatchObject({ author: 'unknown', kind: 'reply', url: 'https://x.com/unknown/status/1790000000000000001' });
  });

  test('a self-reply is known by the account id even when the screen name changed since', async () => {
    const root = archive('renamed', {
      'data/account.js': `window.YTD.account.part0 = ${JSON.stringify([{ account: { email: 'x@example.com', username: 'newname', accountId: '901' } }])}`,
      'data/tweets.js': tweetsJs([
        tweet({
          id_str: '1790000000000000002',
          in_reply_to_status_id_str: '1790000000000000001',
          in_reply_to_user_id_str: '901',
          in_reply_to_screen_name: 'oldname',
        }),
      ]),
    });
    expect((await loadWith(xArchive, root)).posts[0]).toMatchObject({ kind: 'post', replyTo: { isOwn: true, author: 'oldname' } });
  });

  test('a tweet that starts with @someone, with their user id but no status id, is a reply without a parent id', async () => {
    const root = archive('at-reply', {
      'data/account.js': `window.YTD.account.part0 = ${JSON.stringify([{ account: { username: 'northwindlamps', accountId: '901' } }])}`,
      'data/tweets.js': tweetsJs([
        tweet({ id_str: '1790000000000000041', full_text: '@ana_makes happy to help', in_reply_to_user_id_str: '77', in_reply_to_screen_name: 'ana_makes' }),
        tweet({
          id_str: '1790000000000000042',
          full_text: '@northwindlamps note to self',
          in_reply_to_user_id_str: '901',
          in_reply_to_screen_name: 'northwindlamps',
        }),
      ]),
    });
    const [toAna, toSelf] = (await loadWith(xArchive, root)).posts;
    expect(toAna).toMatchObject({ kind: 'reply', replyTo: { author: 'ana_makes', isOwn: false } });
    expect(toAna!.replyTo).not.toHaveProperty('id');
    expect(toSelf!.kind).toBe('post');
    expect(toSelf!.replyTo).toBeUndefined();
  });

  test('links to the own posts are posts quoting themselves, i/web/status and photos are links; entities decode exactly once', async () => {
    const link = (url: string, short: string) => ({ urls: [{ url: short, expanded_url: url }] });
    const root = archive('not-quotes', {
      'data/account.js': `window.YTD.account.part0 = ${JSON.stringify([{ account: { username: 'northwindlamps', accountId: '901' } }])}`,
      'data/tweets.js': tweetsJs([
        tweet({
          id_str: '1790000000000000011',
          full_text: 'Again: https://t.co/a1',
          entities: link('https://x.com/NorthwindLamps/status/1790000000000000001', 'https://t.co/a1'),
        }),
        tweet({
          id_str: '1790000000000000012',
          full_text: 'More https://t.co/a2',
          entities: link('https://twitter.com/i/web/status/1790000000000000002', 'https://t.co/a2'),
        }),
        tweet({
          id_str: '1790000000000000013',
          full_text: 'Look https://t.co/a3',
          entities: link('https://twitter.com/studiolumen/status/1790000000000000003/photo/1', 'https://t.co/a3'),
        }),
        tweet({
          id_str: '1790000000000000014',
          full_text: 'Type &amp;lt; for &lt; and $&amp; stays https://t.co/a4',
          entities: link('https://northwind.example/?a=1&b=$&', 'https://t.co/a4'),
        }),
      ]),
    });
    const result = await loadWith(xArchive, root);
    expect(result.posts.map((p) => p.kind)).toEqual(['post', 'post', 'post', 'post']);
    expect(result.posts[3]!.text).toBe('Type &lt; for < and $& stays https://northwind.example/?a=1&b=$&');
    // Quoting one's own post amplifies nobody, yet the quoted link is still not a link the post shares.
    expect(result.posts[0]).toMatchObject({ text: 'Again:', links: [], quoted: { author: 'NorthwindLamps' } });
  });

  test('quotes: the last link to another account’s post is the one quoted, wherever it sits; a reply keeps its links', async () => {
    const link = (...pairs: [string, string][]) => ({ urls: pairs.map(([short, url]) => ({ url: short, expanded_url: url })) });
    const root = archive('quotes', {
      'data/account.js': `window.YTD.account.part0 = ${JSON.stringify([{ account: { username: 'northwindlamps', accountId: '901' } }])}`,
      'data/tweets.js': tweetsJs([
        tweet({
          id_str: '1790000000000000051',
          full_text: 'Yes! https://t.co/q1',
          entities: link(['https://t.co/q1', 'https://twitter.com/studiolumen/status/1789000000000000001?s=20']),
        }),
        tweet({
          id_str: '1790000000000000052',
          full_text: 'Compare https://t.co/q2 with our guide https://t.co/q3 https://t.co/q4',
          entities: link(
            ['https://t.co/q2', 'https://x.com/ana_makes/status/1789000000000000002'],
            ['https://t.co/q3', 'https://northwind.example/guides/glare'],
            ['https://t.co/q4', 'https://x.com/HomeDeskDaily/status/1789000000000000003'],
          ),
        }),
        tweet({
          id_str: '1790000000000000053',
          full_text: 'Agreed https://t.co/q5 and thanks',
          entities: link(['https://t.co/q5', 'https://x.com/jordan_reads/status/1789000000000000004']),
        }),
        tweet({
          id_str: '1790000000000000054',
          full_text: '@ana_makes see https://t.co/q6',
          in_reply_to_status_id_str: '1789000000000000009',
          in_reply_to_user_id_str: '77',
          in_reply_to_screen_name: 'ana_makes',
          entities: link(['https://t.co/q6', 'https://x.com/studiolumen/status/1789000000000000005']),
        }),
      ]),
    });
    const [yes, compare, agreed, reply] = (await loadWith(xArchive, root)).posts;
    expect(yes).toMatchObject({ kind: 'quote', text: 'Yes!', links: [] });
    expect(yes!.quoted).toEqual({ url: 'https://twitter.com/studiolumen/status/1789000000000000001?s=20', author: 'studiolumen' });
    expect(compare!.kind).toBe('quote');
    expect(compare!.text).toBe('Compare https://x.com/ana_makes/status/1789000000000000002 with our guide https://northwind.example/guides/glare');
    expect(compare!.links.map((l) => l.url)).toEqual(['https://x.com/ana_makes/status/1789000000000000002', 'https://northwind.example/guides/glare']);
    expect(compare!.quoted).toEqual({ url: 'https://x.com/HomeDeskDaily/status/1789000000000000003', author: 'HomeDeskDaily' });
    expect(agreed).toMatchObject({ kind: 'quote', text: 'Agreed and thanks', links: [] });
    expect(reply).toMatchObject({ kind: 'reply', text: '@ana_makes see https://x.com/studiolumen/status/1789000000000000005' });
    expect(reply!.quoted).toBeUndefined();
  });

  test('profile.js: a website that is not t.co is a site; bio t.co links, networks and profile pages are not', async () => {
    const profile = (description: Record<string, string>) => `window.YTD.profile.part0 = ${JSON.stringify([{ profile: { description } }], null, 2)}`;
    const root = archive('profile', {
      'data/tweets.js': tweetsJs([tweet({ id_str: '1790000000000000061' })]),
      'data/profile.js': profile({
        website: 'https://Northwind.example/',
        bio: 'Lamps. https://t.co/b1 · https://linktr.ee/northwind · https://pixels.example/@northwind · https://www.Lumen-Studio.example.',
      }),
    });
    expect((await loadWith(xArchive, root)).sites).toEqual(['northwind.example', 'lumen-studio.example']);
    const bare = archive('profile-tco', {
      'data/tweets.js': tweetsJs([tweet({ id_str: '1790000000000000062' })]),
      'data/profile.js': profile({ website: 'https://t.co/w1', bio: '' }),
    });
    expect((await loadWith(xArchive, bare)).sites).toBeUndefined();
    expect((await loadWith(xArchive, bare)).bot).toBeUndefined();
  });

  test('profile.js: a bio that says the account is a bot marks it, quoting its words', async () => {
    const profile = (description: Record<string, string>) => `window.YTD.profile.part0 = ${JSON.stringify([{ profile: { description } }], null, 2)}`;
    const root = archive('bot', {
      'data/tweets.js': tweetsJs([tweet({ id_str: '1790000000000000063' })]),
      'data/profile.js': profile({ website: '', bio: 'I’m a bot that posts Northwind’s firmware releases. Run by @northwindlamps.' }),
    });
    expect((await loadWith(xArchive, root)).bot).toBe('its profile says “I’m a bot”');
    expect(zip.bot).toBeUndefined();
  });

  test('a note matches the tweet that starts like it, not another sent in the same seconds', async () => {
    const note = {
      noteTweetId: '1',
      createdAt: '2024-05-14T09:30:11.000Z',
      core: {
        text: 'The long story of our dimmer, in one place #dimmers with @studiolumen https://t.co/n1',
        urls: [{ shortUrl: 'https://t.co/n1', expandedUrl: 'https://northwind.example/dimmer' }],
      },
    };
    const root = archive('notes', {
      'data/tweets.js': tweetsJs([
        tweet({ id_str: '1790000000000000021', created_at: 'Tue May 14 09:30:11 +0000 2024', full_text: 'Unrelated quick post' }),
        tweet({ id_str: '1790000000000000022', created_at: 'Tue May 14 09:30:13 +0000 2024', full_text: 'The long story of our dimmer, in one …' }),
      ]),
      'data/note-tweet.js': `window.YTD.note_tweet.part0 = ${JSON.stringify([{ noteTweet: note }])}`,
    });
    const [quick, long] = (await loadWith(xArchive, root)).posts;
    expect(quick!.text).toBe('Unrelated quick post');
    expect(long).toMatchObject({
      text: 'The long story of our dimmer, in one place #dimmers with @studiolumen https://northwind.example/dimmer',
      hashtags: ['dimmers'],
      mentions: ['studiolumen'],
      links: [{ url: 'https://northwind.example/dimmer', domain: 'northwind.example' }],
    });
  });

  test('a part that is not JSON after its prefix is an input error naming the file and the position', async () => {
    const root = archive('corrupt', {
      'data/tweets.js': tweetsJs([tweet({ id_str: '1' })]),
      'data/tweets-part1.js': 'window.YTD.tweets.part1 = [\n  {\n    "tweet" : {\n      "id_str" : "2"\n      "full_text" : "missing comma"\n    }\n  }\n]',
    });
    const error = await loadWith(xArchive, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PresenceError);
    expect(error).toMatchObject({ code: 'input', where: { file: path.join(root, 'data/tweets-part1.js'), line: 5, col: 7 } });
    expect((error as PresenceError).render()).toBe(
      `${path.join(root, 'data/tweets-part1.js')}:5:7: not valid JSON (expected "," or "}", found a quotation mark)`,
    );
    expect(() => parse('var tweets = []')).toThrow(/expected an X archive file starting with "window\.YTD/);
    expect(() => parse('window.YTD.tweets.part0 = [ {\n  "tweet" : { "id_str" : "1"')).toThrow(/\(it ends too early: a truncated file\?\)$/);
    expect(() => parse('window.YTD.tweets.part0 = { "tweet" : {} }')).toThrow(/^expected a JSON array, found "\{"$/);
  });

  test('a large part reports progress while it is read, not only once it is done', async () => {
    const root = archive('large', {
      'data/tweets.js': tweetsJs(Array.from({ length: 10_000 }, (_, i) => tweet({ id_str: String(1790000000000000000n + BigInt(i)) }))),
    });
    const reported: number[] = [];
    const result = await loadWith(xArchive, root, { progress: (done) => reported.push(done) });
    expect(result.posts).toHaveLength(10_000);
    expect(reported).toEqual([4095, 8191, 10_000]);
  });

  test('elements are read one by one with the grammar of a whole JSON array', () => {
    expect(parse('window.YTD.tweets.part0 = []')).toEqual([]);
    expect(parse('\uFEFFwindow.YTD.tweets.part0 = [ {"a":"} \\" ]","b":"c:\\\\"}, "x", -1.5e3, true, null, [1,[2]] ];\n')).toEqual([
      { a: '} " ]', b: 'c:\\' },
      'x',
      -1500,
      true,
      null,
      [1, [2]],
    ]);
    expect(parse('window.YTD.tweets.part0 = [ {"text":"café ☕ 🙂"} ]')).toEqual([{ text: 'café ☕ 🙂' }]);
    expect(() => parse('window.YTD.tweets.part0 = [ 1, ]')).toThrow(/^not valid JSON \(/);
    expect(() => parse('window.YTD.tweets.part0 = [ 1 2 ]')).toThrow('not valid JSON (expected "," or "]" after an element, found "2")');
    expect(() => parse('window.YTD.tweets.part0 = [ 1 ] x')).toThrow('not valid JSON (expected nothing after the array, found "x")');
    expect(() => parse('window.YTD.tweets.part0 = [ {"a": 1}')).toThrow('not valid JSON (it ends too early: a truncated file?)');
    expect(() => parse('window.YTD.tweets.part0 = [\n  {"a": tru}\n]')).toThrow(
      expect.objectContaining({ message: 'not valid JSON (expected a value, found "t")', where: { file: 'tweets.js', line: 2, col: 9 } }),
    );
    expect(() => archiveElementsOf(Buffer.from([...Buffer.from('window.YTD.tweets.part0 = [ "caf'), 0xe9, ...Buffer.from('" ]')]))).toThrow(/not valid UTF-8/);
  });

  test('an archive file echoing content in a JSON error never puts it in the message', () => {
    expect(() => parse('window.YTD.account.part0 = [ { "email" : "secret@example.com" }, }')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
  });

  test('a malformed tweet is skipped and counted; with strict it is an error naming the record', async () => {
    const root = archive('malformed', {
      'data/tweets.js': tweetsJs([
        tweet({ id_str: '1790000000000000031' }),
        { tweet: { id_str: '1790000000000000032', full_text: 'no date' } },
        tweet({ id_str: '1790000000000000033', created_at: 'Tue, 14 May 2024 09:30:12 GMT' }),
        'not a tweet',
        tweet({ id_str: '1790000000000000035', entities: { urls: 'nonsense', hashtags: [null, { text: 7 }] }, favorite_count: 'many' }),
      ]),
    });
    const file = path.join(root, 'data/tweets.js');
    const result: LoadResult = await loadWith(xArchive, root);
    expect(result.posts.map((p) => p.id)).toEqual(['1790000000000000031', '1790000000000000035']);
    expect(result.posts[1]).toMatchObject({ hashtags: [], links: [] });
    expect(result.posts[1]!.metrics).toBeUndefined();
    expect(result.skipped).toEqual({
      count: 3,
      examples: [
        { where: { file, record: 2 }, reason: 'expected a tweet with id_str, created_at and full_text' },
        { where: { file, record: 3 }, reason: 'unreadable created_at "Tue, 14 May 2024 09:30:12 GMT"' },
        { where: { file, record: 4 }, reason: 'expected a tweet with id_str, created_at and full_text' },
      ],
    });
    await expect(loadWith(xArchive, root, { strict: true })).rejects.toMatchObject({ code: 'input', where: { file, record: 2 } });
  });
});

describe('appName and ownSites', () => {
  test.each([
    ['<a href="http://twitterfeed.com" rel="nofollow">twitterfeed</a>', 'twitterfeed'],
    ['<a href="https://about.twitter.com/products/tweetdeck" rel="nofollow">  TweetDeck\n</a>', 'TweetDeck'],
    ['<a href="https://ifttt.com" rel="nofollow">IFTTT &amp; friends</a>', 'IFTTT & friends'],
    ['<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPh\u03bfne</a>', 'Twitter for iPhone'],
    ['<a href="http://x" rel="nofollow">\u0421\u043e\u0446\u0438\u0430\u043b</a>', '\u0421\u043e\u0446\u0438\u0430\u043b'],
    ['<a href="http://x" rel="nofollow">\uff34\uff57\uff45\uff45\uff54\uff44\uff45\uff43\uff4b</a>', 'Tweetdeck'],
    ['<a href="http://x" rel="nofollow"> </a>', undefined],
    [undefined, undefined],
  ])('appName(%j) is %j', (source, name) => {
    expect(appName(source)).toBe(name);
  });

  test('ownSites: lower-case hosts without www., once each, never a network, shortener or the excluded hosts', () => {
    const urls = ['https://WWW.Northwind.example/shop', 'https://northwind.example', 'https://t.co/x', 'https://m.facebook.com/northwind', 'https://bit.ly/x'];
    const more = ['ftp://files.example', 'not a url', 'https://social.example/about', 'https://blog.northwind.example'];
    expect(ownSites([...urls, ...more], ['social.example'])).toEqual(['northwind.example', 'blog.northwind.example']);
  });
});

describe('parseCreatedAt', () => {
  test('reads the archive form exactly, with any offset', () => {
    expect(parseCreatedAt('Tue May 14 09:30:12 +0000 2024')).toBe('2024-05-14T09:30:12.000Z');
    expect(parseCreatedAt('Tue May 14 09:30:12 +0200 2024')).toBe('2024-05-14T07:30:12.000Z');
    expect(parseCreatedAt('Mon May 13 23:30:00 -0130 2024')).toBe('2024-05-14T01:00:00.000Z');
    expect(parseCreatedAt('Thu Feb 29 12:00:00 +0000 2024')).toBe('2024-02-29T12:00:00.000Z');
  });

  test('agrees with the UTC clock across years, months and leap days', () => {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    for (let ms = Date.UTC(2010, 10, 4); ms < Date.UTC(2025, 0, 1); ms += 86_400_000 * 3 + 3_723_000) {
      const d = new Date(ms);
      const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
      const text = `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${two(d.getUTCDate())} ${time} +0000 ${d.getUTCFullYear()}`;
      expect(parseCreatedAt(text)).toBe(d.toISOString());
    }
  });

  test.each([
    'Fri Feb 30 12:00:00 +0000 2024',
    'Thu Feb 29 12:00:00 +0000 2023',
    'Tue May 14 24:00:00 +0000 2024',
    'Tue May 14 09:60:00 +0000 2024',
    'Tue may 14 09:30:12 +0000 2024',
    'Tue May 14 09:30:12 0000 2024',
    'Tue May 14 09:30:12 +0000 24',
    'Tue May 14 9:30:12 +0000 2024',
    'Xyz May 14 09:30:12 +0000 2024',
    '2024-05-14T09:30:12.000Z',
    '2015-01-24 02:02:37 +0000',
    '',
  ])('refuses %j', (text) => {
    expect(parseCreatedAt(text)).toBeUndefined();
  });
});

describe('when the archive was made', () => {
  test("manifest.js's generationDate, so silence is measured to the export and not to the day of the audit", () => {
    expect(zip.exportedAt).toBe('2024-06-30T12:00:00.000Z');
  });
});
