import type { AuditWindow } from '../model/audit.js';
import type { Platform, Post } from '../model/post.js';

export interface Selection {
  /** The newest N posts of each account (platform + author); undefined for every post. */
  last?: number;
  /** Posts older than this many days before the account's newest post are left out. */
  maxAgeDays?: number;
  since?: Date;
  until?: Date;
  platforms?: readonly Platform[];
}

const DAY = 86_400_000;

/** The audit window: filters, then keeps the newest N posts per account within its age bound, oldest first. */
export function selectPosts(posts: readonly Post[], selection: Selection): { posts: Post[]; window: AuditWindow } {
  const since = selection.since?.getTime() ?? -Infinity;
  const until = selection.until?.getTime() ?? Infinity;
  const platforms = selection.platforms && new Set(selection.platforms);
  const maxAge = selection.maxAgeDays === undefined ? Infinity : selection.maxAgeDays * DAY;
  // Indexes and a typed array of times rather than an object per post: a large archive is sorted here.
  const times = new Float64Array(posts.length);
  const inWindow: number[] = [];
  posts.forEach((post, index) => {
    const time = (times[index] = Date.parse(post.createdAt));
    if (time >= since && time <= until && (!platforms || platforms.has(post.platform))) inWindow.push(index);
  });
  inWindow.sort((a, b) => times[b]! - times[a]! || compareIds(posts[a]!, posts[b]!));
  const kept: Post[] = [];
  /** Per account (platform, then author): its newest post's time and how many posts were kept. */
  const accounts = new Map<string, Map<string, { newest: number; count: number }>>();
  let olderLeftOut = 0;
  for (const index of inWindow) {
    const post = posts[index]!;
    let authors = accounts.get(post.platform);
    if (!authors) accounts.set(post.platform, (authors = new Map()));
    let account = authors.get(post.author);
    if (!account) authors.set(post.author, (account = { newest: times[index]!, count: 0 }));
    if ((selection.last !== undefined && account.count >= selection.last) || account.newest - times[index]! > maxAge) {
      olderLeftOut++;
      continue;
    }
    account.count++;
    kept.push(post);
  }
  const window: AuditWindow = {
    ...(selection.last !== undefined && { last: selection.last }),
    ...(selection.maxAgeDays !== undefined && { maxAgeDays: selection.maxAgeDays }),
    ...(selection.since && { since: selection.since.toISOString() }),
    ...(selection.until && { until: selection.until.toISOString() }),
    olderLeftOut,
  };
  return { posts: kept.reverse(), window };
}

function compareIds(a: Post, b: Post): number {
  return b.id.length - a.id.length || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
}
