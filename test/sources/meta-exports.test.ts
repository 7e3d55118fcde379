import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { facebookJson } from '../../src/sources/formats/facebook-json.js';
import { instagramJson } from '../../src/sources/formats/instagram-json.js';
import { threadsJson } from '../../src/sources/formats/threads-json.js';
import { repairMojibake } from '../../src/text/mojibake.js';
import { ROOT } from '../helpers/run-cli.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

const EXPORT = 'fixtures/facebook/export';
const exported = await loadWith(facebookJson, EXPORT);
const TITLES: string[] = JSON.parse(readFileSync(`${ROOT}/${EXPORT}/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json`, 'utf8')).map(
  (p: { title?: unknown }) => (typeof p.title === 'string' ? repairMojibake(p.title) : ''),
);

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
    const auroraLink = { url: 'https://northwind.example/lamps/aurora', domain: 'northwind.example' };
    expect(aurora).toMatchObject({ createdAt: '2024-05-14T09:35:00.000Z', links: [auroraLink] });
    expect(aurora.id).toMatch(/^fb:1715679300-[0-9a-f]{8}$/);
    const again = await loadWith(facebookJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json');
    expect(again.posts.map((p) => p.id)).toEqual(fb.posts.map((p) => p.id));
  });

  describe('Facebook: who wrote the words', () => {
    const posts = exported.posts.filter((p) => p.source.file.includes('/posts/'));
    /** The post made from the record with this (repaired) title. */
    const byTitle = (title: string) => posts.find((p) => p.source.record === TITLES.indexOf(title) + 1)!;

    test.each([
      'Northwind Lamps recommends Studio Lumen.',
      'Northwind Lamps recommends Harbour Street Café.',
      'Northwind Lamps was at Harbour Street Café.',
      'Northwind Lamps updated their profile picture.',
      'Northwind Lamps updated their cover photo.',
      'Northwind Lamps shared a memory.',
      'Northwind Lamps is feeling grateful.',
      'Northwind Lamps added 3 new photos.',
      'Northwind Lamps is interested in Design Week Open Studios.',
    ])('generated, without words of the brand: %s', (title) => {
      expect(byTitle(title)).toMatchObject({ generated: true, text: '' });
    });

    test.each([
      ['Northwind Lamps checked in at Kettle & Crumb Bakery.', 'Pop-up stand today'],
      ['Northwind Lamps is feeling grateful with Studio Lumen.', 'Two years of lamps'],
      ['Northwind Lamps updated their status.', 'The Aurora desk lamp is back'],
    ])('typed, so the brand’s own: %s', (title, start) => {
      const post = byTitle(title);
      expect(post.generated).toBeUndefined();
      expect(post.text.startsWith(start)).toBe(true);
    });

    test('a batch of recommendations, two in one second, keeps one id each', () => {
      const recommends = posts.filter((p) => TITLES[p.source.record! - 1]!.includes(' recommends '));
      expect(recommends).toHaveLength(4);
      expect(new Set(recommends.map((p) => p.id)).size).toBe(4);
    });

    test('photos without words keep empty text, never the album name', () => {
      expect(byTitle('Northwind Lamps added 3 new photos.')).toMatchObject({ text: '', media: [{ type: 'image' }, { type: 'image' }, { type: 'video' }] });
      const untitled = byTitle('');
      expect(untitled).toMatchObject({ text: '', kind: 'post', media: [{ type: 'image' }] });
      expect(untitled.generated).toBeUndefined();
    });

    test('writing on someone else’s timeline is a reply to them', () => {
      const onTimeline = byTitle('Northwind Lamps wrote on Studio Lumen’s timeline.');
      expect(onTimeline).toMatchObject({ kind: 'reply', replyTo: { isOwn: false, author: 'Studio Lumen' } });
      expect(posts.filter((p) => p.kind === 'reply')).toHaveLength(1);
    });

    test('comments.json beside the posts: the account’s replies, with stable ids and their place', async () => {
      const comments = exported.posts.filter((p) => p.source.file.endsWith('comments_and_reactions/comments.json'));
      expect(comments.map((c) => [c.kind, c.replyTo, c.text])).toEqual([
        ['reply', { isOwn: false, author: 'Mara Quill' }, 'Thank you! The shade is spun from recycled aluminium.'],
        ['reply', { isOwn: true }, 'Restock lands Friday — we’ll post here first.'],
        ['reply', { isOwn: false, author: 'Studio Lumen' }, 'Lovely work, congratulations on the opening!'],
        ['reply', { isOwn: false, author: 'Kettle & Crumb Bakery' }, ''],
      ]);
      expect(comments.map((c) => c.source.record)).toEqual([1, 2, 3, 4]);
      expect(comments[3]!.media).toEqual([{ type: 'image' }]);
      expect(comments[0]!.id).toMatch(/^fb-comment:1716801800-[0-9a-f]{8}$/);
      const again = await loadWith(facebookJson, EXPORT);
      expect(again.posts.map((p) => p.id)).toEqual(exported.posts.map((p) => p.id));
      expect(new Set(exported.posts.map((p) => p.id)).size).toBe(exported.posts.length);
    });

    test('malformed posts and comments are skipped and counted, or fatal with --strict', async () => {
      expect(exported.skipped.count).toBe(2);
      expect(exported.skipped.examples.map((e) => e.where.record)).toEqual([17, 5]);
      const strict = loadWith(facebookJson, EXPORT, { strict: true });
      await expect(strict).rejects.toMatchObject({ where: { record: 17 }, message: expect.stringMatching(/^malformed record: data: /) });
    });
  });

  test('a Spanish export: reshares, app posts and generated entries told apart by their titles', async () => {
    const es = await loadWith(facebookJson, 'fixtures/facebook/spanish/your_posts_1.json');
    const shape = es.posts.map((p) => [p.kind, p.generated ?? false, p.app ?? null, p.text.slice(0, 12)]);
    expect(shape).toEqual([
      ['repost', false, null, ''],
      ['repost', false, null, ''],
      ['quote', false, null, '¡Qué vendimi'],
      ['post', false, null, 'Nuestra guía'],
      ['repost', true, null, ''],
      ['post', true, null, ''],
      ['post', true, 'YouTube', ''],
      ['post', true, null, ''],
      ['reply', false, null, '¡Feliz cumpl'],
      ['post', false, null, 'Mañana abrim'],
    ]);
    expect(es.posts[8]!.replyTo).toEqual({ isOwn: false, author: 'Marta Gil' });
  });

  test('what each export cannot show', async () => {
    const lacks = async (source: typeof facebookJson, spec: string) => (await loadWith(source, spec)).lacks;
    expect(await lacks(facebookJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json')).toEqual(['replies', 'engagement', 'alt-text']);
    expect(await lacks(facebookJson, 'fixtures/facebook/export')).toEqual(['engagement', 'alt-text']);
    expect(await lacks(instagramJson, 'fixtures/instagram/posts_1.json')).toEqual(['replies', 'engagement', 'alt-text']);
    expect(await lacks(threadsJson, 'fixtures/threads/threads_and_replies.json')).toEqual(['engagement', 'alt-text']);
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
    expect(await detects(facebookJson, 'fixtures/facebook/export')).toBe(true);
    expect(await detects(instagramJson, 'fixtures/facebook/export')).toBe(false);
    expect(await detects(instagramJson, 'fixtures/instagram/posts_1.json')).toBe(true);
    expect(await detects(threadsJson, 'fixtures/threads/threads_and_replies.json')).toBe(true);
    expect(await detects(instagramJson, 'fixtures/facebook/your_posts__check_ins__photos_and_videos_1.json')).toBe(false);
    expect(await detects(facebookJson, 'fixtures/instagram/posts_1.json')).toBe(false);
  });
});
