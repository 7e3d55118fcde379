import type { Platform, Post } from '../model/post.js';

export interface Selection {
  /** The newest N posts of each account (platform + author); undefined for every post. */
  last?: number;
  since?: Date;
  until?: Date;
  platforms?: readonly Platform[];
}

/** The audit window: filters, then keeps the newest N posts per account, oldest first. */
export function selectPosts(posts: readonly Post[], selection: Selection): Post[] {
  const since = selection.since?.getTime() ?? -Infinity;
  const until = selection.until?.getTime() ?? Infinity;
  const platforms = selection.platforms && new Set(selection.platforms);
  const inWindow = posts
    .map((post) => ({ post, time: Date.parse(post.createdAt) }))
    .filter(({ post, time }) => time >= since && time <= until && (!platforms || platforms.has(post.platform)))
    .sort((a, b) => b.time - a.time || compareIds(a.post, b.post));
  const taken = new Map<string, number>();
  const kept: Post[] = [];
  for (const { post } of inWindow) {
    const account = `${post.platform}\u0000${post.author}`;
    const count = taken.get(account) ?? 0;
    if (selection.last !== undefined && count >= selection.last) continue;
    taken.set(account, count + 1);
    kept.push(post);
  }
  return kept.reverse();
}

function compareIds(a: Post, b: Post): number {
  return b.id.length - a.id.length || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
}
