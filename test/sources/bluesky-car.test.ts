import { describe, expect, test } from 'vitest';
import { blueskyCar } from '../../src/sources/formats/bluesky-car.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

describe('Bluesky repository export (.car)', async () => {
  const repo = await loadWith(blueskyCar, 'fixtures/bluesky/repo.car');
  const byRkey = (rkey: string) => repo.posts.find((p) => p.id.includes(rkey))!;

  test('the tree is walked to every post and repost; likes and the profile are not posts', () => {
    expect(kinds(repo)).toEqual({ post: 3, reply: 1, repost: 1 });
    expect(repo.account).toBe('did:plc:n0rthw1ndl4mps5xq2k7a3b4');
  });

  test('ids, links and tags from facets at UTF-8 byte offsets', () => {
    const aurora = byRkey('3kt6aurora01');
    expect(aurora).toMatchObject({
      id: 'at://did:plc:n0rthw1ndl4mps5xq2k7a3b4/app.bsky.feed.post/3kt6aurora01',
      createdAt: '2024-05-14T09:33:12.345Z',
      media: [{ type: 'image', altText: '' }],
    });
    expect(aurora.links.map((l) => l.url)).toEqual(['https://northwind.example/lamps/aurora']);
    expect(byRkey('3kt6cafe0002').hashtags).toEqual(['LightingDesign']);
  });

  test('a reply to someone else is conversation; a reply to oneself continues a thread', () => {
    expect(byRkey('3kt6reply003')).toMatchObject({ kind: 'reply', replyTo: { isOwn: false } });
    expect(byRkey('3kt6thread04')).toMatchObject({ kind: 'post', replyTo: { isOwn: true } });
  });

  test('detection, and a corrupt file is a located error', async () => {
    expect(await detects(blueskyCar, 'fixtures/bluesky/repo.car')).toBe(true);
    expect(await detects(blueskyCar, 'fixtures/bluesky/author-feed.json')).toBe(false);
    await expect(loadWith(blueskyCar, 'fixtures/linkedin/Shares.csv')).rejects.toMatchObject({
      message: expect.stringMatching(/^not a readable CAR repository export/),
    });
  });
});
