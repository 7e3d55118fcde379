import { describe, expect, test } from 'vitest';
import { mastodonOutbox } from '../../src/sources/mastodon-outbox.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

describe('Mastodon account export', async () => {
  const zip = await loadWith(mastodonOutbox, 'fixtures/mastodon/archive-20240601120000-5e2b9c.zip');
  const folder = await loadWith(mastodonOutbox, 'fixtures/mastodon/export');
  const byId = (suffix: string) => zip.posts.find((p) => p.id.endsWith(suffix))!;

  test('the zip and the folder give the same posts; the handle comes from actor.json', () => {
    expect(zip.posts.map((p) => p.id)).toEqual(folder.posts.map((p) => p.id));
    expect(zip.account).toBe('northwindlamps@mastodon.example');
  });

  test('counts by kind; the direct message is left out and counted; a malformed activity is skipped', () => {
    expect(kinds(zip)).toEqual({ post: 8, reply: 2, repost: 1 });
    expect(zip.excluded).toEqual({ 'direct message': 1 });
    expect(zip.skipped.count).toBe(1);
  });

  test('HTML becomes text with the full link kept; hashtags and mentions from tags', () => {
    const aurora = byId('112400000000000006');
    expect(aurora.text).toBe('Meet Aurora: our new desk lamp dims all the way down to candlelight. https://northwind.example/lamps/aurora\n\n#WorkFromHome #lighting');
    expect(aurora.links).toEqual([{ url: 'https://northwind.example/lamps/aurora', domain: 'northwind.example' }]);
    expect(aurora.hashtags).toEqual(['WorkFromHome', 'lighting']);
    expect(byId('112400000000000004').mentions).toEqual(['jordan@books.example']);
    expect(byId('112400000000000001').text).toContain("it's cold");
  });

  test('alt text: described, empty and missing', () => {
    expect(byId('112400000000000006').media).toEqual([{ type: 'image', altText: 'A brass desk lamp on an oak desk, glowing warm at dusk' }]);
    expect(byId('112400000000000007').media).toEqual([{ type: 'image', altText: '' }, { type: 'image', altText: '' }]);
  });

  test('replies to others, thread continuations, boosts and content warnings', () => {
    expect(byId('112400000000000004')).toMatchObject({ kind: 'reply', replyTo: { isOwn: false } });
    expect(byId('112400000000000003')).toMatchObject({ kind: 'post', replyTo: { isOwn: true } });
    expect(zip.posts.find((p) => p.kind === 'repost')).toMatchObject({ text: '', url: 'https://design.example/users/studiolumen/statuses/112398000000000123' });
    expect(byId('112400000000000011').text).toBe('Reader poll\n\nWhich do you read by: a desk lamp or a floor lamp? Tell us why.');
    expect(byId('112400000000000006').url).toBe('https://mastodon.example/@northwindlamps/112400000000000006');
  });

  test('detection', async () => {
    expect(await detects(mastodonOutbox, 'fixtures/mastodon/export')).toBe(true);
    expect(await detects(mastodonOutbox, 'fixtures/bluesky/author-feed.json')).toBe(false);
  });
});
