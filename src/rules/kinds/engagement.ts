import { z } from 'zod';
import type { PostFacts } from '../../text/facts.js';
import { Duration } from '../params.js';
import { defineAccountKind, type AccountHit } from './define-kind.js';
import { count } from '../../plural.js';

/** Likes, reposts, replies and quotes added up; undefined when the source gave none (absent is not zero). */
export function engagementOf(f: PostFacts): number | undefined {
  const m = f.post.metrics;
  if (!m) return undefined;
  const counts = [m.likes, m.reposts, m.replies, m.quotes].filter((v): v is number => v !== undefined);
  return counts.length ? counts.reduce((a, b) => a + b, 0) : undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What the best posts share and the rest do not: a trait held by most of the best posts is
 * advice only when it is clearly rarer among the others ("25 words or fewer" is no lesson on an
 * account whose every post is short).
 */
function contrastingTraits(best: readonly PostFacts[], rest: readonly PostFacts[]): string[] {
  const share = (posts: readonly PostFacts[], test: (f: PostFacts) => boolean) => (posts.length ? posts.filter(test).length / posts.length : 0);
  const candidates: [string, (f: PostFacts) => boolean, number][] = [
    ['an image or video', (f) => f.post.media.length > 0, 0.6],
    ['no link', (f) => f.post.links.length === 0, 0.6],
    ['25 words or fewer', (f) => f.wordCount <= 25, 0.6],
    ['more than 25 words', (f) => f.wordCount > 25, 0.6],
    ['a question', (f) => f.classes.has('question'), 0.4],
  ];
  return candidates.filter(([, test, enough]) => share(best, test) >= enough && share(best, test) >= share(rest, test) + 0.25).map(([name]) => name);
}

/**
 * Clutter: posts far below the account's own median engagement become delete candidates; the
 * top posts, and what they share, become a "keep doing" line. The newest posts are left out:
 * they have not had time to gather engagement.
 */
export const engagement = defineAccountKind({
  kind: 'engagement',
  description: 'posts whose engagement is below `below-median` × the account-platform median (older than `settle`), and what the top decile shares',
  params: z.object({
    'below-median': z.number().min(0).max(1).default(0.25),
    settle: Duration.prefault('7d'),
    'min-posts': z.number().int().min(3).default(10),
    /** Below this median, "a quarter of the usual" is one like against three: no contrast to judge by. */
    'min-median': z.number().min(0).default(5),
  }),
  thresholds: ['below-median', 'settle', 'min-posts', 'min-median'],
  compile(params) {
    return (posts, window) => {
      const scored = posts
        .map((f) => ({ f, value: engagementOf(f) }))
        .filter((s): s is { f: PostFacts; value: number } => s.value !== undefined && window.now - s.f.time >= params.settle);
      if (scored.length < params['min-posts']) {
        return {
          hits: [],
          notEvaluated: `${count(scored.length, 'post')} with engagement counts older than the settling time, fewer than the ${params['min-posts']} needed`,
        };
      }
      const typical = median(scored.map((s) => s.value));
      if (typical < params['min-median']) {
        return {
          hits: [],
          notEvaluated: `the median post gets ${count(typical, 'interaction')}, under the ${params['min-median']} needed to tell clutter from the rest`,
        };
      }
      const cut = typical * params['below-median'];
      const hits: AccountHit[] = scored
        .filter((s) => s.value < cut)
        .map((s) => ({ data: { engagement: s.value, median: typical, limit: Math.round(cut * 10) / 10 }, postIds: [s.f.post.id], postId: s.f.post.id }));
      const ranked = [...scored].sort((a, b) => b.value - a.value);
      const top = Math.max(3, Math.round(scored.length / 10));
      const traits = contrastingTraits(
        ranked.slice(0, top).map((b) => b.f),
        ranked.slice(top).map((b) => b.f),
      );
      // Without a trait that sets the best posts apart there is nothing to keep doing.
      return { hits, ...(traits.length && { pass: { median: typical, best: top, traits: traits.join(', ') } }) };
    };
  },
});
