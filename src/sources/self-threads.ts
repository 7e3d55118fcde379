import type { Post } from '../model/post.js';
import { mentionsIn } from '../text/entities.js';
import { replyAddressees } from '../text/length.js';

const localName = (handle: string) => handle.replace(/^@/, '').split('@')[0]!.toLowerCase();

/**
 * A reply to one's own post is the next part of a self-thread, unless it turns to someone: it opens
 * by addressing an account that neither the brand nor the part it answers named. Mastodon and X copy
 * the parent's handles into a reply, so only a handle new to the thread is someone spoken to; such a
 * part is a reply (it answers a person under the brand's own post).
 */
export function addressedThreadParts(posts: Post[]): Post[] {
  const byId = new Map(posts.map((post) => [post.id, post]));
  return posts.map((post) => {
    if (post.kind !== 'post' || !post.replyTo?.isOwn) return post;
    const parent = post.replyTo.id === undefined ? undefined : byId.get(post.replyTo.id);
    if (!parent) return post;
    const known = new Set([localName(post.author), ...parent.mentions.map(localName), ...mentionsIn(replyAddressees(parent)).map(localName)]);
    const addressed = mentionsIn(replyAddressees(post)).map(localName);
    return addressed.every((handle) => known.has(handle)) ? post : { ...post, kind: 'reply' as const };
  });
}
