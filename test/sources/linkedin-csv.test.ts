import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { linkedinCsv, repairLineQuoting } from '../../src/sources/formats/linkedin-csv.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

describe('LinkedIn Shares.csv', async () => {
  const shares = await loadWith(linkedinCsv, 'fixtures/linkedin/Shares.csv');

  test('rows, a reshare, a bad date skipped with its line', () => {
    expect(kinds(shares)).toEqual({ post: 4, repost: 1 });
    expect(shares.skipped.examples[0]).toMatchObject({ where: { line: 12 }, reason: 'expected a Date such as 2024-05-14 09:30:12; got "not a date"' });
  });

  test('multi-line commentary with the per-line quoting repaired; its line; the date as UTC; the id from the URN', () => {
    const aurora = shares.posts[0]!;
    expect(aurora.text).toBe(
      'Meet Aurora: our new desk lamp dims all the way down to candlelight.\n\nTwo years of work on one dimmer. The design story is below.',
    );
    expect(aurora).toMatchObject({ id: '7196000000000000001', createdAt: '2024-05-14T09:31:40.000Z', source: { line: 2 } });
    expect(aurora.links.map((l) => l.url)).toEqual(['https://northwind.example/blog/aurora-story']);
    expect(shares.posts[1]!.text).toBe('We\'re hiring a product designer in Lyon. "Lighting nerds" welcome, 4 days/week on site.');
    expect(shares.posts[1]!.source.line).toBe(5);
  });

  test('visibility: MEMBER_NETWORK is the network, PUBLIC is public', () => {
    expect(shares.posts.map((p) => p.visibility)).toEqual(['followers', 'public', 'followers', 'public', 'followers']);
  });

  test('a Shares.csv alone shows neither replies nor engagement', () => {
    expect(shares.lacks).toEqual(expect.arrayContaining(['replies', 'engagement', 'reshares']));
    expect(shares.posts.some((p) => p.kind === 'reply')).toBe(false);
  });

  test('Shares.csv named alone still reads the Comments.csv beside it, as the folder does', async () => {
    const alone = await loadWith(linkedinCsv, 'fixtures/linkedin/export/Shares.csv');
    const folder = await loadWith(linkedinCsv, 'fixtures/linkedin/export');
    expect(alone.lacks).not.toContain('replies');
    expect(alone.posts.filter((p) => p.kind === 'reply').map((p) => p.text)).toEqual(folder.posts.filter((p) => p.kind === 'reply').map((p) => p.text));
  });

  test('repairLineQuoting leaves ordinary text alone', () => {
    expect(repairLineQuoting('"quoted" words')).toBe('"quoted" words');
    expect(repairLineQuoting('"A"\n""\n"B"')).toBe('A\n\nB');
    // Today's exports: the field's own quotes took the first line's opening and the last line's closing quote.
    expect(repairLineQuoting('Dear readers,"\n"Warm light helps. "\n""\n"#lighting #design')).toBe('Dear readers,\nWarm light helps.\n\n#lighting #design');
    expect(repairLineQuoting('Just one line, "quoted" inside')).toBe('Just one line, "quoted" inside');
  });

  test.each([
    ['fixtures/linkedin/Shares.csv', true],
    ['fixtures/linkedin/export', true],
    ['fixtures/linkedin/Basic_LinkedInDataExport_06-05-2024.zip', true],
    ['fixtures/linkedin/2018/Shares.csv', true],
    ['fixtures/linkedin/export/Comments.csv', false],
    ['fixtures/generic/posts.csv', false],
  ])('detects %s: %s', async (spec, expected) => {
    expect(await detects(linkedinCsv, spec)).toBe(expected);
  });

  test('--strict makes a malformed row an error naming its line', async () => {
    await expect(loadWith(linkedinCsv, 'fixtures/linkedin/Shares.csv', { strict: true })).rejects.toMatchObject({ where: { line: 12 } });
  });
});

describe('LinkedIn export folder: Shares.csv with Comments.csv beside it', async () => {
  const folder = await loadWith(linkedinCsv, 'fixtures/linkedin/export');
  const zip = await loadWith(linkedinCsv, 'fixtures/linkedin/Basic_LinkedInDataExport_06-05-2024.zip');
  const byId = (id: string) => folder.posts.find((p) => p.id === id)!;

  test('rows of one ShareLink are one share; reshares, quotes and replies told apart', () => {
    // 9 share rows: 4 of one share, 2 of another, 3 single; 4 comment rows, one with a broken date.
    expect(kinds(folder)).toEqual({ post: 3, repost: 1, quote: 1, reply: 3 });
    expect(folder.posts.filter((p) => p.kind !== 'reply')).toHaveLength(5);
  });

  test.each([
    ['7203500000000000011', 3, 2, '2024-06-03T10:15:02.000Z'],
    ['7198400000000000015', 2, 9, '2024-05-20T09:00:00.000Z'],
    ['7201700000000000012', 0, 6, '2024-05-29T14:40:10.000Z'],
  ])("share %s has %i images, the first row's line %i and date %s", (id, images, line, createdAt) => {
    const post = byId(id);
    expect(post.media).toEqual(Array.from({ length: images }, () => ({ type: 'image' })));
    expect(post).toMatchObject({ kind: 'post', createdAt, source: { line } });
  });

  test('the merged share keeps the text of the row that has it, not the empty rows after it', () => {
    expect(byId('7203500000000000011').text).toMatch(/^Three finishes of the Aurora desk lamp/);
  });

  test('an empty ShareCommentary is a reshare; a comment on another post is a quote without its link', () => {
    expect(byId('7201000000000000013')).toMatchObject({ kind: 'repost', text: '', links: [] });
    const quote = byId('7199900000000000014');
    const quotedUrl = 'https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7199800000000000888';
    expect(quote).toMatchObject({ kind: 'quote', quoted: { url: quotedUrl }, links: [] });
  });

  test.each([
    ['urn:li:activity:7201700000000000012', true, 2, 'Camille Martin Good question!'],
    ['urn:li:activity:7201100000000000321', false, 3, 'Jonas Weber Congratulations to the whole team, the "Dawn" series'],
    ['urn:li:share:7203500000000000011', true, 4, 'Léa Dubois The slate one'],
  ])('the comment on %s is a reply, isOwn %s, from line %i', (parent, isOwn, line, start) => {
    const reply = folder.posts.find((p) => p.kind === 'reply' && p.replyTo?.id === parent)!;
    expect(reply).toMatchObject({ platform: 'linkedin', replyTo: { id: parent, isOwn }, source: { file: 'fixtures/linkedin/export/Comments.csv', line } });
    expect(reply.text.startsWith(start)).toBe(true);
  });

  test('reply ids are stable and distinct; the bad comment row is skipped with its file and line', () => {
    const ids = folder.posts.filter((p) => p.kind === 'reply').map((p) => p.id);
    expect(new Set(ids).size).toBe(3);
    expect(zip.posts.map((p) => p.id)).toEqual(folder.posts.map((p) => p.id));
    expect(folder.skipped).toMatchObject({ count: 1, examples: [{ where: { file: 'fixtures/linkedin/export/Comments.csv', line: 5 } }] });
  });

  test('with the comments file, replies are evidence; engagement never is', () => {
    expect(folder.lacks).toContain('engagement');
    expect(folder.lacks).not.toContain('replies');
    expect(zip.lacks).not.toContain('replies');
  });
});

describe('LinkedIn 2018 export: UTF-16 LE, tab-separated, every field quoted', async () => {
  const old = await loadWith(linkedinCsv, 'fixtures/linkedin/2018/Shares.csv');
  const WARM = 'https://northwind.example/blog/warm-light';
  const PROTOTYPE = 'First prototype of our new reading lamp.\n\nFeedback welcome before we go to production.';

  test.each([
    ['6278000000000000021', 'post', '2017-06-08T08:15:44.000Z', 'Our lighting designer on why 2700 K is the number to remember.', [WARM], 0, 'public'],
    ['6275000000000000022', 'post', '2017-05-30T18:02:10.000Z', PROTOTYPE, [], 1, 'followers'],
    ['6268000000000000023', 'repost', '2017-05-12T07:45:00.000Z', '', [], 0, 'followers'],
  ])('%s: %s at %s', (id, kind, createdAt, text, links, images, visibility) => {
    const post = old.posts.find((p) => p.id === id)!;
    expect(post).toMatchObject({ kind, createdAt, text, visibility, url: `https://www.linkedin.com/feed/update/urn:li:activity:${id}` });
    expect(post.links.map((l) => l.url)).toEqual(links);
    expect(post.media).toHaveLength(images);
  });

  test('nothing skipped; the share titles and descriptions, which LinkedIn wrote for the link, are not the text', () => {
    expect(old.posts).toHaveLength(3);
    expect(old.skipped.count).toBe(0);
    expect(old.posts.some((p) => /Why warm light|Lamps for small flats/.test(p.text))).toBe(false);
  });
});

describe('a share posted to the feed and to a group', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'presence-linkedin-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is one post reaching two audiences, not a duplicate: the group copy is left out and counted', async () => {
    const rows = [
      'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility',
      '2024-03-05 12:56:22,https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A13927028-7170764078834012160,' +
        '"Rejections at interviews sting. Is it the rejection, or how we deal with it afterwards?","","",MEMBER_NETWORK',
      '2024-03-05 12:56:14,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7170764044293853184,' +
        '"Rejections at interviews sting. Is it the rejection itself, or how we deal with it afterwards?","","",MEMBER_NETWORK',
      '2024-03-09 08:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A13927028-7170764078834019999,' +
        '"A question for this group only: which lamp do you read by?","","",MEMBER_NETWORK',
      // The same words to a second group the next day: still the same post.
      '2024-03-06 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A555-7170764078834020000,' +
        '"Rejections at interviews sting. Is it the rejection itself, or how we deal with it afterwards?","","",MEMBER_NETWORK',
    ];
    writeFileSync(path.join(dir, 'Shares.csv'), `${rows.join('\n')}\n`);
    const result = await loadWith(linkedinCsv, dir);
    expect(result.posts.map((p) => p.id)).toEqual(['7170764044293853184', expect.stringMatching(/Shares\.csv:4$/)]);
    expect(result.excluded).toEqual({ 'copy of a share posted to a LinkedIn group': 2 });
  });

  test('a link with a stray % is read as written, not an error', async () => {
    const rows = [
      'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility',
      '2024-03-05 12:56:14,https://www.linkedin.com/feed/update/urn%3Ali%3AgroupPost%3A1-2%ZZ,"Warm light, 100% of the time.","","",MEMBER_NETWORK',
    ];
    writeFileSync(path.join(dir, 'Shares.csv'), `${rows.join('\n')}\n`);
    expect((await loadWith(linkedinCsv, dir)).posts.map((p) => p.text)).toEqual(['Warm light, 100% of the time.']);
  });
});

describe('an export without Shares.csv', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'presence-linkedin-comments-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is the account that only comments: its comments are its replies, and nothing says it lacks replies', async () => {
    const rows = [
      'Date,Link,Message',
      '2023-05-02 10:11:12,https://www.linkedin.com/feed/update/urn:li:activity:7059000000000000001,' +
        '"Camille Martin Thanks for sharing, the dimmer curve chart is very clear."',
      '2023-04-28 17:40:03,https://www.linkedin.com/feed/update/urn:li:activity:7057000000000000002,Congratulations on the launch!',
    ];
    writeFileSync(path.join(dir, 'Comments.csv'), `${rows.join('\r\n')}\r\n`);
    writeFileSync(
      path.join(dir, 'Reactions.csv'),
      'Date,Type,Link\r\n2023-05-01 09:00:00,LIKE,https://www.linkedin.com/feed/update/urn:li:activity:7058000000000000003\r\n',
    );
    expect(await detects(linkedinCsv, dir)).toBe(true);
    const result = await loadWith(linkedinCsv, dir);
    expect(kinds(result)).toEqual({ reply: 2 });
    expect(result.posts.map((p) => p.replyTo?.isOwn)).toEqual([false, false]);
    expect(result.lacks).not.toContain('replies');
  });

  test('a folder with neither shares nor comments is not a LinkedIn export', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'presence-linkedin-none-'));
    writeFileSync(path.join(other, 'Reactions.csv'), 'Date,Type,Link\r\n');
    expect(await detects(linkedinCsv, other)).toBe(false);
    rmSync(other, { recursive: true, force: true });
  });
});

// A real 2014–2021 export: twelve comments' later lines were "malformed records", and an lnkd.in link beside its own page read as two links.
describe('LinkedIn 2021 export: CRLF, SharedURL, comments with unquoted line breaks', async () => {
  const exported = await loadWith(linkedinCsv, 'fixtures/linkedin/2021');
  const reply = (start: string) => exported.posts.find((p) => p.kind === 'reply' && p.text.startsWith(start))!;

  test("a comment's unquoted next lines are the rest of its message, not rows", () => {
    expect(exported.skipped.count).toBe(0);
    expect(kinds(exported)).toEqual({ post: 3, reply: 4, repost: 1 });
    expect(reply('Thanks Hélène').text).toBe('Thanks Hélène! The brass ones are back in stock next week.\nWe will post here when they are, promise');
    expect(reply('Good question').text).toBe(
      'Good question. The shades are hand-blown in Biot\nso no two are quite the same size and we fit each one by hand.\nLamps ship in about ten days.',
    );
    expect(reply('Good question').source.line).toBe(6);
    expect(reply('Congratulations Marc').text).toBe('Congratulations Marc');
  });

  test('an lnkd.in link beside one attached page is that page; beside words it is still the one link', () => {
    const byId = (id: string) => exported.posts.find((p) => p.id === id)!;
    expect(byId('6780000000000000101').links.map((l) => l.domain)).toEqual(['careers.northwind.example']);
    expect(byId('6775000000000000102').links.map((l) => l.domain)).toEqual(['careers.northwind.example']);
  });
});
