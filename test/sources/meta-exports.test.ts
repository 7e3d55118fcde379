import { describe, expect, test } from 'vitest';
import { facebookJson } from '../../src/sources/facebook-json.js';
import { instagramJson } from '../../src/sources/instagram-json.js';
import { threadsJson } from '../../src/sources/threads-json.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

describe('Meta exports', () => {
  test('mojibake is repaired; correct text is left alone', () => {
    expect(repairMojibake('don\u00e2\u0080\u0099t caf\u00c3\u00a9 \u00f0\u009f\u008c\u00b1')).toBe('don’t café 🌱');
    expect(repairMojibake('don’t café')).toBe('don’t café');
    expect(repairMojibake('plain ascii')).toBe('plain ascii');
  });

  test('Facebook: text, shared links, media, a reshare, Unix-second times, stable synthetic ids', async () => {
    const fb = await loadWith(facebookJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json');
    expect(kinds(fb)).toEqual({ post: 4, repost: 1 });
    expect(fb.skipped.count).toBe(1);
    const cafe = fb.posts.find((p) => p.text.startsWith('Our café'))!;
    expect(cafe.text).toBe('Our café corner lamp is back in stock — see you there ☕');
    expect(cafe.media).toEqual([{ type: 'image' }]);
    const aurora = fb.posts.find((p) => p.text.startsWith('Meet Aurora'))!;
    expect(aurora).toMatchObject({ createdAt: '2024-05-14T09:35:00.000Z', links: [{ url: 'https://northwind.example/lamps/aurora', domain: 'northwind.example' }] });
    expect(aurora.id).toMatch(/^fb:1715679300-[0-9a-f]{8}$/);
    expect((await loadWith(facebookJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json')).posts.map((p) => p.id)).toEqual(fb.posts.map((p) => p.id));
  });

  test('Instagram: captions from the post or its first media, carousels, links in captions', async () => {
    const ig = await loadWith(instagramJson, 'fixtures/instagram/posts_1.json');
    expect(ig.posts).toHaveLength(3);
    expect(ig.skipped.count).toBe(1);
    const carousel = ig.posts.find((p) => p.media.length === 2)!;
    expect(carousel.text).toMatch(/^Meet Aurora 🌙 our new desk lamp/);
    expect(carousel.hashtags).toEqual(['NorthwindLamps', 'interiordesign', 'lighting', 'homeoffice', 'desklamp', 'cozy']);
    expect(ig.posts.find((p) => p.text.startsWith('Behind the scenes'))!.mentions).toEqual(['studiolumen']);
    expect(ig.posts.find((p) => p.media[0]?.type === 'video')!.links.map((l) => l.url)).toEqual(['https://northwind.example/blog/aurora-story']);
  });

  test('Threads: posts and replies with their text repaired', async () => {
    const threads = await loadWith(threadsJson, 'fixtures/threads/threads_and_replies.json');
    expect(kinds(threads)).toEqual({ post: 2, reply: 1 });
    expect(threads.posts[1]!.text).toBe('What’s your ideal reading-light colour: 2700K or 4000K?');
  });

  test('detection', async () => {
    expect(await detects(facebookJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json')).toBe(true);
    expect(await detects(instagramJson, 'fixtures/instagram/posts_1.json')).toBe(true);
    expect(await detects(threadsJson, 'fixtures/threads/threads_and_replies.json')).toBe(true);
    expect(await detects(instagramJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json')).toBe(false);
    expect(await detects(facebookJson, 'fixtures/instagram/posts_1.json')).toBe(false);
  });
});
