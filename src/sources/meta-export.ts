import type { Evidence } from '../model/audit.js';
import type { Media } from '../model/post.js';
import { repairMojibake } from '../text/mojibake.js';

/** No Meta export (Facebook, Instagram, Threads) holds likes, shares or comment counts, nor the alt text of its media. */
export const META_LACKS: readonly Evidence[] = ['engagement', 'alt-text'];

/** The post shape Instagram and Threads exports share: media items with captions and Unix-second times. */
export interface MetaMediaPost {
  title?: string;
  creation_timestamp?: number;
  media?: MetaMedia[] | MetaMedia;
}

interface MetaMedia {
  uri?: string;
  title?: string;
  creation_timestamp?: number;
  text_app_post?: { is_reply?: boolean };
}

export function mediaList(post: MetaMediaPost): MetaMedia[] {
  const list = Array.isArray(post.media) ? post.media : post.media ? [post.media] : [];
  // A null or a string among the media would otherwise be a TypeError, not a skipped record.
  return list.filter((m) => m !== null && typeof m === 'object');
}

/** Caption: the post's title, else its first media item's (single-media posts keep it there). */
export function captionOf(post: MetaMediaPost): string {
  return repairMojibake(post.title || mediaList(post)[0]?.title || '');
}

export function timeOf(post: MetaMediaPost): string | undefined {
  const seconds = post.creation_timestamp ?? mediaList(post)[0]?.creation_timestamp;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
}

/** Media with a file; Meta exports never carry alt text, so it stays unknown. */
export function mediaOf(post: MetaMediaPost): Media[] {
  return mediaList(post)
    .filter((m) => m.uri)
    .map((m) => ({ type: /\.(mp4|mov|webm)$/i.test(m.uri!) ? ('video' as const) : ('image' as const) }));
}

/** Meta exports have no post ids: one is made from the time and the text, stable across exports. */
export function syntheticId(prefix: string, createdAt: string, text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${prefix}:${Date.parse(createdAt) / 1000}-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}
