import { describe, expect, test } from 'vitest';
import { blueskyFeedJson } from '../../src/sources/formats/bluesky-feed-json.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

describe('Bluesky author feed', async () => {
  const feed = await loadWith(blueskyFeedJson, 'fixtures/bluesky/author-feed.json');
  const byRkey = (rkey: string) => feed.posts.find((p) => p.id.includes(rkey))!;

  test('counts by kind, the account, a malformed item skipped', () => {
    expect(kinds(feed)).toEqual({ post: 2, reply: 1, repost: 1, quote: 1 });
    expect(feed.account).toBe('northwindlamps.bsky.social');
    expect(feed.skipped.count).toBe(1);
  });

  test('facets by UTF-8 byte offsets: the mention after "Café" and "☕" is exact', () => {
    const cafe = byRkey('3kt6cafe0002');
    expect(cafe.mentions).toEqual(['homedesk.news.example']);
    expect(cafe.hashtags).toEqual(['LightingDesign']);
  });

  test('links from facets, empty alt text, counts, permalinks', () => {
    const aurora = byRkey('3kt6aurora01');
    expect(aurora.links).toEqual([{ url: 'https://northwind.example/lamps/aurora', domain: 'northwind.example' }]);
    expect(aurora.media).toEqual([{ type: 'image', altText: '' }]);
    expect(aurora).toMatchObject({
      metrics: { likes: 41, reposts: 9, replies: 3, quotes: 1 },
      url: 'https://bsky.app/profile/northwindlamps.bsky.social/post/3kt6aurora01',
    });
  });

  test('a reply carries its parent’s time; a repost is the brand’s, dated when reposted', () => {
    expect(byRkey('3kt6reply003').replyTo).toMatchObject({ isOwn: false, author: 'jordanreads.bsky.social', createdAt: '2024-05-15T09:05:00.000Z' });
    expect(byRkey('3kt6studio04')).toMatchObject({ kind: 'repost', author: 'northwindlamps.bsky.social', createdAt: '2024-05-16T12:00:00.000Z' });
  });

  test('detection', async () => {
    expect(await detects(blueskyFeedJson, 'fixtures/bluesky/author-feed.json')).toBe(true);
    expect(await detects(blueskyFeedJson, 'fixtures/generic/posts.json')).toBe(false);
  });
});
