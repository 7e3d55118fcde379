import { describe, expect, test } from 'vitest';
import { feed } from '../../src/sources/formats/feed.js';
import { detects, loadWith } from '../helpers/sources.js';

describe('RSS and Atom feeds', () => {
  test('a blog RSS: CDATA HTML to text, entities, dates with offsets, a dateless item skipped', async () => {
    const blog = await loadWith(feed, 'fixtures/feeds/blog.rss');
    expect(blog.posts).toHaveLength(2);
    expect(blog.skipped.count).toBe(1);
    expect(blog.posts[0]).toMatchObject({
      platform: 'feed',
      author: 'Northwind Lamps Journal',
      url: 'https://northwind.example/blog/warm-light',
      createdAt: '2024-05-06T08:00:00.000Z',
    });
    expect(blog.posts[0]!.text).toBe(
      'Why warm light feels calmer in the evening\n\n' +
        'We asked forty readers to keep a light diary for a month. Almost all of them dimmed or swapped bulbs after 8pm — here is what we learned.',
    );
    expect(blog.posts[1]).toMatchObject({ createdAt: '2024-05-14T07:00:00.000Z', media: [{ type: 'image' }] });
    expect(blog.posts[1]!.text).toBe('Meet Aurora: our new desk lamp dims all the way down to candlelight. Two years of work on one dimmer & four prototypes.');
  });

  test('a YouTube channel Atom feed: the video, its description and links', async () => {
    const youtube = await loadWith(feed, 'fixtures/feeds/youtube.atom');
    expect(youtube.posts[0]).toMatchObject({ id: 'yt:video:AuRoRa15sec', url: 'https://www.youtube.com/watch?v=AuRoRa15sec', media: [{ type: 'video' }] });
    expect(youtube.posts[0]!.text).toBe(
      "How Aurora dims, in 15 seconds\n\nFrom 800 lumens to a candle's glow, with no flicker. The full story: https://northwind.example/blog/aurora-story",
    );
  });

  test('detection', async () => {
    expect(await detects(feed, 'fixtures/feeds/blog.rss')).toBe(true);
    expect(await detects(feed, 'fixtures/feeds/youtube.atom')).toBe(true);
    expect(await detects(feed, 'fixtures/generic/posts.json')).toBe(false);
  });
});
