import { z } from 'zod';
import type { PostFacts } from '../../text/facts.js';
import { Duration } from '../params.js';
import { defineAccountKind, type AccountHit } from './define-kind.js';

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

/** What the best posts share: format, length, links, time of day. */
function commonTraits(best: readonly PostFacts[]): string {
  const share = (test: (f: PostFacts) => boolean) => best.filter(test).length / best.length;
  const traits: string[] = [];
  if (share((f) => f.post.media.length > 0) >= 0.6) traits.push('an image or video');
  if (share((f) => f.post.links.length === 0) >= 0.6) traits.push('no link');
  if (share((f) => f.wordCount <= 25) >= 0.6) traits.push('25 words or fewer');
  else if (share((f) => f.wordCount > 25) >= 0.6) traits.push('more than 25 words');
  if (share((f) => f.classes.has('question')) >= 0.4) traits.push('a question');
  const hours = best.map((f) => new Date(f.time).getUTCHours());
  const morning = hours.filter((h) => h >= 6 && h < 12).length / best.length;
  if (morning >= 0.6) traits.push('posted in the morning (UTC)');
  return traits.length ? traits.join(', ') : 'no single trait';
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
  }),
  thresholds: ['below-median', 'settle', 'min-posts'],
  compile(params) {
    return (posts, window) => {
      const scored = posts.map((f) => ({ f, value: engagementOf(f) })).filter((s): s is { f: PostFacts; value: number } => s.value !== undefined && window.now - s.f.time >= params.settle);
      if (scored.length < params['min-posts']) {
        return { hits: [], notEvaluated: `${scored.length} posts with engagement counts older than the settling time, fewer than the ${params['min-posts']} needed` };
      }
      const typical = median(scored.map((s) => s.value));
      const cut = typical * params['below-median'];
      const hits: AccountHit[] = scored
        .filter((s) => s.value < cut)
        .map((s) => ({ data: { engagement: s.value, median: typical, limit: Math.round(cut * 10) / 10 }, postIds: [s.f.post.id], postId: s.f.post.id }));
      const best = [...scored].sort((a, b) => b.value - a.value).slice(0, Math.max(1, Math.round(scored.length / 10)));
      return { hits, pass: { median: typical, best: best.length, traits: commonTraits(best.map((b) => b.f)) } };
    };
  },
});
