import { describe, expect, test } from 'vitest';
import { fileSources } from '../../src/sources/index.js';
import { legacyCreatedAt, xLegacyArchive } from '../../src/sources/formats/x-legacy-archive.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';
import { runCli } from '../helpers/run-cli.js';
import { auditOf } from '../helpers/audits.js';
import { compileKind } from '../helpers/kinds.js';
import { facts } from '../helpers/posts.js';
import type { AccountCheck } from '../../src/rules/kinds/define-kind.js';

const FOLDER = 'fixtures/x/legacy-archive';
const archive = await loadWith(xLegacyArchive, FOLDER);
const byId = (id: string) => archive.posts.find((p) => p.id === id)!;

describe('X archive in the Grailbird layout (before 2019)', () => {
  test('the folder is this format and no other, though it also holds tweets.csv', async () => {
    expect(await detects(xLegacyArchive, FOLDER)).toBe(true);
    const others = [];
    for (const source of fileSources) if (source !== xLegacyArchive && !source.fallback && (await detects(source, FOLDER))) others.push(source.id);
    expect(others).toEqual([]);
    expect(await detects(xLegacyArchive, `${FOLDER}/data/js/tweets/2013_12.js`)).toBe(true);
    expect(await detects(xLegacyArchive, 'fixtures/x/archive')).toBe(false);
  });

  test('every month is read, as posts, replies and one retweet', () => {
    expect(archive.posts).toHaveLength(12);
    expect(kinds(archive)).toEqual({ post: 9, reply: 2, repost: 1 });
    const times = archive.posts.map((p) => p.createdAt).sort();
    expect([times[0], times.at(-1)]).toEqual(['2013-11-15T08:02:55.000Z', '2014-01-20T08:15:03.000Z']);
  });

  test('the account, its own site and the export date come from user_details.js and payload_details.js', () => {
    expect(archive.account).toBe('harborstbakery');
    expect(archive.sites).toEqual(['harborstreetbakery.com']);
    expect(archive.exportedAt).toBe('2014-01-21T11:03:27.000Z');
    expect(archive.lacks).toEqual(['alt-text']);
  });

  test('a tweet without id_str is skipped: its numeric id is rounded past 2^53 and names no tweet', () => {
    expect(archive.skipped.count).toBe(1);
    expect(archive.skipped.examples[0]!.where).toEqual({ file: `${FOLDER}/data/js/tweets/2013_12.js`, record: 4 });
  });

  test("a retweet is a repost; its text is someone else's", () => {
    const retweet = byId('403199988877766144');
    expect(retweet.kind).toBe('repost');
    expect(retweet.metrics).toBeUndefined();
  });

  test('t.co links become the address pasted, the photo link leaves the text, the app is named', () => {
    expect(byId('405771122334455616').text).toBe(
      'New on the blog: Thanksgiving pie schedule & how to pre-order http://harborstreetbakery.com/blog/2013/11/pie-schedule',
    );
    expect(byId('405771122334455616').app).toBe('twitterfeed');
    const photo = byId('401234567890123456');
    expect(photo.text).toBe('Rye is back.');
    expect(photo.media).toEqual([{ type: 'image' }]);
  });

  test('a reply to a customer, a reply with no status id, and a thread reply to itself', () => {
    expect(byId('402100200300400500')).toMatchObject({ kind: 'reply', replyTo: { id: '402090000000000000', author: 'jenna_bakes', isOwn: false } });
    expect(byId('413555666777888999')).toMatchObject({ kind: 'reply', replyTo: { author: 'PDXMonthly', isOwn: false } });
    expect(byId('402100200300400777')).toMatchObject({ kind: 'post', replyTo: { isOwn: true } });
  });

  test('both date forms of these archives are read, and nonsense is not', () => {
    expect(legacyCreatedAt('2013-02-27 18:05:44 +0000')).toBe('2013-02-27T18:05:44.000Z');
    expect(legacyCreatedAt('2013-02-27 18:05:44 -0500')).toBe('2013-02-27T23:05:44.000Z');
    expect(legacyCreatedAt('Wed Feb 27 18:05:44 +0000 2013')).toBe('2013-02-27T18:05:44.000Z');
    expect(legacyCreatedAt('2013-02-30 18:05:44')).toBeUndefined();
  });

  test('the default window is the year before the export was made, not before today', async () => {
    const doc = JSON.parse((await runCli(['audit', FOLDER, '--format', 'json'])).stdout);
    expect(doc.sources[0]).toMatchObject({ format: 'x-legacy-archive', account: 'harborstbakery', exportedAt: '2014-01-21T11:03:27.000Z' });
    expect(doc.window).toMatchObject({ maxAgeDays: 365, olderLeftOut: 0 });
    expect(doc.posts).toHaveLength(12);
  });
});

// A real archive of 18,000 tweets had 2,600 of its oldest stamped 00:00:00: read as times, they made bursts of 33 posts "in one hour".
describe('tweets the Grailbird archive stamps with their day only', () => {
  const FOLDER = 'fixtures/x/legacy-day-stamps';

  test('a Snowflake id gives the real time; an older id leaves the day, marked as such', async () => {
    const { posts } = await loadWith(xLegacyArchive, FOLDER);
    const byId = new Map(posts.map((p) => [p.id, p]));
    expect(byId.get('44040005210989120')).toMatchObject({ createdAt: '2011-03-05T14:22:10.123Z' });
    expect(byId.get('44040005210989120')!.dayOnly).toBeUndefined();
    expect(posts.filter((p) => p.dayOnly).map((p) => p.createdAt)).toEqual([
      '2009-06-16T00:00:00.000Z',
      '2009-06-14T00:00:00.000Z',
      '2009-06-14T00:00:00.000Z',
      '2009-06-14T00:00:00.000Z',
      '2009-06-14T00:00:00.000Z',
    ]);
  });

  test('four posts of one day are a busy day, not a burst within an hour', async () => {
    // The 2009 day stamps only: over the fixture's two years a single busy day is below the yearly rate.
    const day = (await loadWith(xLegacyArchive, FOLDER)).posts.filter((post) => post.dayOnly).map((post) => facts(post));
    const window = { now: 0, auditedAt: 0, platform: 'x' as const, timeZone: 'UTC' };
    const check = (params: Record<string, unknown>) => (compileKind('cadence', params) as AccountCheck)(day, window);
    expect(check({ mode: 'burst', max: 3, within: '60m' }).hits).toEqual([]);
    expect(check({ mode: 'daily', max: { x: 3 } }).hits.map((h) => h.data)).toEqual([{ times: 1, largest: 4, limit: 3 }]);
  });
});

// A real converted archive held one tweet nine times under one id: read as nine posts it made "the same link 9 times" and a burst.
describe('an archive that repeats a tweet under the same id', () => {
  const FOLDER = 'fixtures/x/legacy-converted';

  test('the loader reads every record; the timeline holds the tweet once and says what it left out', async () => {
    expect((await loadWith(xLegacyArchive, FOLDER)).posts).toHaveLength(6);
    const result = await runCli(['audit', FOLDER, '--all', '--format', 'json']);
    const audit = auditOf(result.stdout);
    expect(audit.stats.posts).toBe(4);
    expect(audit.sources[0]).toMatchObject({ posts: 4, excluded: { 'repeat of a post already read (the same id)': 2 } });
    expect(audit.findings.map((f) => f.rule)).not.toContain('link-blasting/link-habit');
    expect(audit.findings.map((f) => f.rule)).not.toContain('link-blasting/duplicate-text');
  });
});

// A real 2006–2013 archive read "the same link 3 times on one day: outlook.com" for a product named in three replies,
// and "the same link: twitter.com" for three different tweets linked in the hashbang form.
describe('links as X wrote them in 2012', async () => {
  const { posts } = await loadWith(xLegacyArchive, 'fixtures/x/legacy-2012');
  const byStart = (start: string) => posts.find((p) => p.text.startsWith(start))!;

  test('a site named in a sentence, which X linked by itself, is the name again and no link', () => {
    const named = posts.filter((p) => p.text.includes('Square.com'));
    expect(named).toHaveLength(3);
    expect(named.flatMap((p) => p.links)).toEqual([]);
    expect(byStart('Anyone else').text).toBe("Anyone else trying Square.com for the shop's receipts? @pdxcoffeeco swears by it.");
  });

  test('a hashbang link to a post is that post: three links are three pages, and a stranger’s post linked is a quote', () => {
    const rundown = byStart('Last spring');
    expect(new Set(facts(rundown).destinations).size).toBe(2);
    expect(byStart('The rhubarb galette')).toMatchObject({ kind: 'quote', quoted: { author: 'pdxmonthly' } });
  });

  test('naming a site three times in two days is not the same link posted again', async () => {
    const audit = auditOf((await runCli(['audit', 'fixtures/x/legacy-2012', '--all', '--format', 'json'])).stdout);
    expect(audit.findings.filter((f) => f.rule.startsWith('link-blasting/'))).toEqual([]);
  });
});
