import { z } from 'zod';
import type { PostFacts } from '../../text/facts.js';
import { count } from '../../plural.js';
import { Duration } from '../params.js';
import { defineAccountKind } from './define-kind.js';

const HOUR = 3_600_000;

/** The value below which a share `p` of the sorted delays fall (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/**
 * How fast the brand answers people: the delay between the post replied to and the brand's
 * first reply to it, as median and 90th percentile. Needs the parent's time (X ids and Bluesky
 * views give it); replies to parents older than `ignore-older` are late thread bumps, not service.
 */
export const responseTime = defineAccountKind({
  kind: 'response-time',
  description: 'median and 90th-percentile delay of the first reply to each post replied to, against `max-median`',
  params: z.object({
    'max-median': Duration,
    'ignore-older': Duration.prefault('7d'),
    'min-replies': z.number().int().min(1).default(5),
  }),
  thresholds: ['max-median', 'ignore-older', 'min-replies'],
  compile(params) {
    return (posts) => {
      const first = new Map<string, PostFacts>();
      for (const f of posts) {
        const parent = f.post.replyTo;
        // An answer under the brand's own post is timed from that post, not from the comment it answers.
        if (f.post.kind !== 'reply' || !parent?.createdAt || parent.isOwn) continue;
        const key = parent.id ?? parent.createdAt;
        const earlier = first.get(key);
        if (!earlier || f.time < earlier.time) first.set(key, f);
      }
      const timed = [...first.values()]
        .map((f) => ({ f, delay: f.time - Date.parse(f.post.replyTo!.createdAt!) }))
        .filter(({ delay }) => delay >= 0 && delay <= params['ignore-older']);
      if (timed.length < params['min-replies']) {
        return {
          hits: [],
          notEvaluated: `${count(timed.length, 'reply')} with a known time of the post replied to, fewer than the ${params['min-replies']} needed`,
        };
      }
      const delays = timed.map((t) => t.delay).sort((a, b) => a - b);
      const hours = (ms: number) => Math.round((ms / HOUR) * 10) / 10;
      const median = percentile(delays, 0.5);
      const data = {
        median: hours(median),
        medianDelay: delayText(median),
        p90: hours(percentile(delays, 0.9)),
        replies: delays.length,
        limit: hours(params['max-median']),
      };
      if (median <= params['max-median']) return { hits: [], pass: data };
      return { hits: [{ data, postIds: timed.filter((t) => t.delay > params['max-median']).map((t) => t.f.post.id) }] };
    };
  },
});

/** A delay as a client reads it: "6 minutes" rather than "0.1 hours", "1 hour", "3.5 hours". */
export function delayText(ms: number): string {
  if (ms < HOUR) return count(Math.max(1, Math.round(ms / 60_000)), 'minute');
  return count(Math.round((ms / HOUR) * 10) / 10, 'hour');
}
