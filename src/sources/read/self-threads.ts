import type { Post } from '../../model/post.js';
import { mentionsIn, openingHandles } from '../../text/entities.js';

const localName = (handle: string) => handle.replace(/^@/, '').split('@')[0]!.toLowerCase();

/** The people a text opens by addressing, by their local names: "@ana @Bo@example.social thanks" → ana, bo. */
const addressed = (post: Post) => mentionsIn(openingHandles(post.text, post.platform)).map(localName);

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
    const known = new Set([localName(post.author), ...(parent ? [...parent.mentions.map(localName), ...addressed(parent)] : [])]);
    if (!parent || addressed(post).every((handle) => known.has(handle))) return post;
    return { ...post, kind: 'reply' as const };
  });
}
