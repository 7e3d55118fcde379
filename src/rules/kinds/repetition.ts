import { z } from 'zod';
import { localDate, localStamp } from '../../local-time.js';
import type { PostFacts } from '../../text/facts.js';
import type { Post } from '../../model/post.js';
import { clusterSimilar, jaccard } from '../../text/similarity.js';
import { Duration } from '../params.js';
import { defineAccountKind, type AccountHit } from './define-kind.js';

const time = (f: PostFacts) => f.time;
const HOUR = 3_600_000;

/**
 * The same link, or the same (or nearly the same) text, posted again. Reported either on
 * each later copy (`report: copies`) or once per group as a habit (`report: groups`).
 */
export const repetition = defineAccountKind({
  kind: 'repetition',
  description: 'the same link or near-identical text posted again within `within`, on one platform or across several',
  params: z.object({
    of: z.enum(['link', 'text']),
    report: z.enum(['copies', 'groups']).default('copies'),
    within: Duration.optional(),
    /** A group is reported when it has at least this many posts. */
    'min-count': z.number().int().min(2).default(2),
    /** Jaccard similarity of word 3-shingles for `of: text`. */
    similarity: z.number().min(0).max(1).default(0.8),
    /** Texts with fewer words are too short to call duplicates. */
    'min-words': z.number().int().min(1).default(4),
    /** A group must span at least this many platforms (cross-posting). */
    'min-platforms': z.number().int().min(1).default(1),
    /**
     * For `of: link`: a post with at least this many words of its own carries its links as asides (a booking
     * link signing off an essay), so they are not counted; a post repeated whole is the duplicate-text rule's.
     */
    'aside-words': z.number().int().min(1).optional(),
  }),
  thresholds: ['of', 'within', 'min-count', 'similarity', 'min-platforms', 'aside-words'],
  compile(params) {
    const within = params.within ?? Number.POSITIVE_INFINITY;
    return (posts, window) => {
      // A post stamped with its day only is named by its day: its 00:00 is no time of day.
      const stamp = (post: Post) => (post.dayOnly ? post.createdAt.slice(0, 10) : localStamp(post.createdAt, window.timeZone));
      // No group spans more networks than the posts do: a one-network archive has no cross-posting to look for.
      if (platformCount(posts, params['min-platforms']) < params['min-platforms']) return { hits: [], pass: { groups: 0 } };
      const aside = params['aside-words'] ?? Number.POSITIVE_INFINITY;
      const groups =
        params.of === 'link'
          ? linkGroups(
              posts.filter((f) => f.wordCount < aside),
              within,
            )
          : textGroups(posts, within, params.similarity, params['min-words'], params.report === 'copies');
      const kept = groups.filter((g) => g.posts.length >= params['min-count'] && new Set(g.posts.map((f) => f.post.platform)).size >= params['min-platforms']);
      const hits: AccountHit[] = [];
      const reported = new Set<PostFacts>();
      // A post the brand's own thread continues from is the thread's start: deleting it would orphan the rest.
      const continued = new Set(posts.map((f) => f.post.replyTo?.isOwn && f.post.replyTo.id).filter((id): id is string => Boolean(id)));
      for (const group of params.report === 'groups' ? mergeByLabel(kept) : kept) {
        const sorted = [...group.posts].sort((a, b) => time(a) - time(b));
        const first = sorted[0]!.post;
        const platforms = [...new Set(sorted.map((f) => f.post.platform))].join(', ');
        if (params.report === 'groups') {
          const from = localDate(first.createdAt, window.timeZone);
          const to = localDate(sorted.at(-1)!.post.createdAt, window.timeZone);
          const span = { from, to, when: from === to ? `on ${from}` : `between ${from} and ${to}` };
          hits.push({ data: { times: sorted.length, what: group.label, platforms, first: first.id, ...span }, postIds: sorted.map((f) => f.post.id) });
        } else {
          const firstAt = stamp(first);
          for (const copy of sorted.slice(1)) {
            // A copy of the whole post is the near-duplicate finding's; one post is one copy however many links it repeats.
            if (params.of === 'link' && nearCopy(copy, sorted[0]!, params.similarity)) continue;
            const doomed = toDelete(sorted[0]!, copy, params.of, continued);
            if (reported.has(doomed)) continue;
            reported.add(doomed);
            const data = { times: sorted.length, what: group.label, first: first.id, firstAt, copyAt: stamp(copy.post) };
            hits.push({ data, postIds: [first.id, copy.post.id], postId: doomed.post.id });
          }
        }
      }
      return hits.length ? { hits } : { hits, pass: { groups: 0 } };
    };
  },
});

/**
 * Of a post and its later copy, the one to delete. A post a thread of the brand's continues from
 * stays; the same text again within the hour is usually the corrected post, so the earlier goes;
 * the same link again keeps the post that says more of its own about it; otherwise the later copy goes.
 */
function toDelete(first: PostFacts, copy: PostFacts, of: 'link' | 'text', continued: ReadonlySet<string>): PostFacts {
  const [firstContinued, copyContinued] = [continued.has(first.post.id), continued.has(copy.post.id)];
  if (firstContinued !== copyContinued) return firstContinued ? copy : first;
  if (of === 'text') return copy.time - first.time < HOUR ? first : copy;
  return copy.ownWords > first.ownWords ? first : copy;
}

interface Group {
  label: string;
  posts: PostFacts[];
}

/** Same normalised URL within `within` of the previous post that shared it. */
function linkGroups(posts: readonly PostFacts[], within: number): Group[] {
  const byUrl = new Map<string, PostFacts[]>();
  for (const f of posts) {
    for (const url of f.destinations) {
      const sharing = byUrl.get(url);
      if (sharing) sharing.push(f);
      else byUrl.set(url, [f]);
    }
  }
  const groups: Group[] = [];
  for (const [url, sharing] of byUrl) {
    // Posts arrive in time order from the engine, so each list is already sorted.
    const sorted = sharing;
    let current: PostFacts[] = [sorted[0]!];
    for (const f of sorted.slice(1)) {
      // Strictly within: the same link a full day later is tomorrow's post, not a copy of today's.
      if (time(f) - time(current.at(-1)!) < within) current.push(f);
      else {
        groups.push({ label: url, posts: current });
        current = [f];
      }
    }
    groups.push({ label: url, posts: current });
  }
  return groups;
}

function textGroups(posts: readonly PostFacts[], within: number, similarity: number, minWords: number, copiesOnly: boolean): Group[] {
  const candidates = posts.filter((f) => f.fingerprint.words >= minWords);
  const clusters = clusterSimilar(candidates, (f) => f.fingerprint, similarity, { timeOf: time, within });
  // The same words around a different link are a template (a bot's "article edited: <diff>", a feed's
  // "New post: <url>"), each post new; only posts that share a link, or carry none, are copies.
  // Across networks one link is often spelt two ways (t.co expanded, lnkd.in), so cross-posting compares words alone.
  return clusters.map((cluster) => ({ label: excerpt(cluster[0]!.prose), posts: copiesOnly ? cluster.filter((f) => sameLinks(f, cluster[0]!)) : cluster }));
}

function sameLinks(a: PostFacts, b: PostFacts): boolean {
  if (a.destinations.length === 0 || b.destinations.length === 0) return a.destinations.length === b.destinations.length;
  return a.destinations.some((url) => b.destinations.includes(url));
}

function nearCopy(a: PostFacts, b: PostFacts, similarity: number): boolean {
  return a.fingerprint.words > 0 && jaccard(a.fingerprint.shingles, b.fingerprint.shingles) >= similarity;
}

/** One habit per link or text: a weekly auto-post is one finding listing every week's post, not one per run. */
function mergeByLabel(groups: readonly Group[]): Group[] {
  const byLabel = new Map<string, Group>();
  for (const group of groups) {
    const known = byLabel.get(group.label);
    if (known) known.posts.push(...group.posts);
    else byLabel.set(group.label, { label: group.label, posts: [...group.posts] });
  }
  return [...byLabel.values()];
}

/** Distinct platforms among the posts, counted up to `enough`. */
function platformCount(posts: readonly PostFacts[], enough: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < posts.length && seen.size < enough; i++) seen.add(posts[i]!.post.platform);
  return seen.size;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
