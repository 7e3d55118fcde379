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
  // Indexes and a typed array of times rather than an object per post: a large archive is sorted here.
  const times = new Float64Array(posts.length);
  const inWindow: number[] = [];
  posts.forEach((post, index) => {
    const time = (times[index] = Date.parse(post.createdAt));
    if (time >= since && time <= until && (!platforms || platforms.has(post.platform))) inWindow.push(index);
  });
  inWindow.sort((a, b) => times[b]! - times[a]! || compareIds(posts[a]!, posts[b]!));
  const kept: Post[] = [];
  /** Posts kept so far per platform, then per author. */
  const taken = new Map<string, Map<string, number>>();
  for (const index of inWindow) {
    const post = posts[index]!;
    if (selection.last !== undefined) {
      let authors = taken.get(post.platform);
      if (!authors) taken.set(post.platform, (authors = new Map()));
      const count = authors.get(post.author) ?? 0;
      if (count >= selection.last) continue;
      authors.set(post.author, count + 1);
    }
    kept.push(post);
  }
  return kept.reverse();
}

function compareIds(a: Post, b: Post): number {
  return b.id.length - a.id.length || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
}
