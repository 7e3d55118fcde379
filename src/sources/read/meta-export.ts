import { z } from 'zod';
import type { Evidence } from '../../model/audit.js';
import type { Media } from '../../model/post.js';
import { fnv32 } from '../../fnv.js';
import { repairMojibake } from '../../text/mojibake.js';
import { UnixSeconds, type LoadCollector } from '../source.js';

/** No Meta export (Facebook, Instagram, Threads) holds likes, shares or comment counts, nor the alt text of its media. */
export const META_LACKS: readonly Evidence[] = ['engagement', 'alt-text'];

const MetaMedia = z.object({
  uri: z.string().optional(),
  title: z.string().optional(),
  creation_timestamp: UnixSeconds.optional(),
  text_app_post: z.object({ is_reply: z.boolean().optional() }).optional(),
});
type MetaMedia = z.infer<typeof MetaMedia>;

/** The post shape Instagram and Threads exports share: media items (one, or a list) with captions and Unix-second times. */
export const MetaMediaPost = z.object({
  title: z.string().optional(),
  creation_timestamp: UnixSeconds.optional(),
  media: z.union([z.array(MetaMedia), MetaMedia]).optional(),
});
export type MetaMediaPost = z.infer<typeof MetaMediaPost>;

export function mediaList(post: MetaMediaPost): MetaMedia[] {
  return Array.isArray(post.media) ? post.media : post.media ? [post.media] : [];
}

/** Caption: the post's title, else its first media item's (single-media posts keep it there). */
export function captionOf(post: MetaMediaPost): string {
  return repairMojibake(post.title || mediaList(post)[0]?.title || '');
}

/** The post's time, else its first media item's, as ISO time. */
export function timeOf(post: MetaMediaPost): string | undefined {
  return post.creation_timestamp ?? mediaList(post)[0]?.creation_timestamp;
}

/** Media with a file; Meta exports never carry alt text, so it stays unknown. */
export function mediaOf(post: MetaMediaPost): Media[] {
  return mediaList(post)
    .filter((m) => m.uri)
    .map((m) => ({ type: /\.(mp4|mov|webm)$/i.test(m.uri!) ? ('video' as const) : ('image' as const) }));
}

/** Meta exports have no post ids: one is made from the time and the text, stable across exports. */
export function syntheticId(prefix: string, createdAt: string, text: string): string {
  return `${prefix}:${Date.parse(createdAt) / 1000}-${fnv32(text).toString(16).padStart(8, '0')}`;
}

/**
 * One record of an Instagram or Threads export: the post with its time and caption, or undefined
 * once the collector has skipped and counted it (a wrong shape, or no creation time).
 */
export function readMediaPost(collector: LoadCollector, value: unknown, where: { file: string; record: number }) {
  const post = collector.parse(MetaMediaPost, value, where);
  if (!post) return undefined;
  const createdAt = timeOf(post);
  if (!createdAt) return collector.skip(where, 'expected a post with a creation_timestamp');
  return { post, createdAt, text: captionOf(post) };
}
