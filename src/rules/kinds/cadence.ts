import { z } from 'zod';
import type { PostFacts } from '../../text/facts.js';
import { localClock, localDate } from '../../local-time.js';
import { Duration, Threshold, thresholdFor } from '../params.js';
import { defineAccountKind, type AccountResult } from './define-kind.js';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const time = (f: PostFacts) => f.time;

/** Posting rhythm: bursts of posts, too many posts in a day, long silences. */
export const cadence = defineAccountKind({
  kind: 'cadence',
  description:
    'posting rhythm: more than `max` posts within `within` (burst), per calendar day in the audit’s time zone (daily), ' +
    'gaps longer than `gap` between posts (silence), ' +
    'or no post for longer than `gap` before the export was made (dormant)',
  params: z.object({
    mode: z.enum(['burst', 'daily', 'silence', 'dormant']),
    max: Threshold.optional(),
    within: Duration.optional(),
    gap: Duration.optional(),
    /**
     * Bursts or full days needed a year for a habit: one or two in a year are a one-off, not advice.
     * A window of several years needs as many times more (seven busy days in seven years are no habit).
     */
    'min-times': z.number().int().min(1).default(1),
  }),
  thresholds: ['mode', 'max', 'within', 'gap', 'min-times'],
  compile(params) {
    return (all, window): AccountResult => {
      const timeline = [...all].sort((a, b) => time(a) - time(b));
      // Any post ends a silence, a thread's next part written weeks later too.
      if (params.mode === 'dormant') return dormant(timeline, params.gap ?? 90 * DAY, window.exportedAt, window.timeZone);
      if (params.mode === 'silence') {
        if (timeline.length < 2) return { hits: [], notEvaluated: 'fewer than two posts of the kinds it times in the window' };
        const gap = params.gap ?? 30 * DAY;
        const gaps = timeline
          .slice(1)
          .map((f, i) => ({ from: timeline[i]!, to: f, days: (time(f) - time(timeline[i]!)) / DAY }))
          .filter((g) => g.days * DAY > gap);
        if (gaps.length === 0) return { hits: [], pass: { gaps: 0, limit: Math.round(gap / DAY) } };
        const longest = Math.max(...gaps.map((g) => g.days));
        return { hits: [{ data: { gaps: gaps.length, longest: Math.round(longest), limit: Math.round(gap / DAY) }, postIds: gaps.map((g) => g.to.post.id) }] };
      }
      // A self-thread is one unit of posting: its continuations are not more posts in a burst or a day.
      const sorted = timeline.filter((f) => !f.post.replyTo?.isOwn);
      if (sorted.length < 2) return { hits: [], notEvaluated: 'fewer than two posts of the kinds it times in the window (a self-thread counts once)' };
      const platform = window.platform ?? sorted[0]!.post.platform;
      const max = thresholdFor(params.max, platform);
      if (max === undefined) return { hits: [], notEvaluated: `no limit set for ${platform}` };
      // A post stamped with its day only has no hour: it counts towards its day, never towards a burst.
      const groups =
        params.mode === 'daily'
          ? byDay(sorted, localClock(window.timeZone))
          : bursts(
              sorted.filter((f) => !f.post.dayOnly),
              params.within ?? 3_600_000,
              max,
            );
      const over = groups.filter((g) => g.peak > max);
      const years = Math.max(1, (time(sorted.at(-1)!) - time(sorted[0]!)) / YEAR);
      if (over.length < Math.round(params['min-times'] * years))
        return { hits: [], pass: { limit: max, largest: Math.max(0, ...groups.map((g) => g.peak)), times: over.length } };
      return {
        hits: [
          {
            data: { times: over.length, largest: Math.max(...over.map((g) => g.peak)), limit: max },
            postIds: over.flatMap((g) => g.posts.map((f) => f.post.id)),
          },
        ],
      };
    };
  },
});

/**
 * Silence measured to when the export was made: gaps between posts never show that an account
 * stopped, and an export can say nothing of what came after it.
 */
function dormant(sorted: readonly PostFacts[], gap: number, exportedAt: number | undefined, timeZone: string): AccountResult {
  const last = sorted.at(-1);
  if (!last) return { hits: [], notEvaluated: 'no posts in the window' };
  if (exportedAt === undefined)
    return { hits: [], notEvaluated: 'the export does not say when it was made, so its newest post may be the last before the export' };
  const days = Math.floor((exportedAt - time(last)) / DAY);
  const data = { days, last: localDate(last.post.createdAt, timeZone), exportedAt: localDate(exportedAt, timeZone), limit: Math.round(gap / DAY) };
  return days * DAY > gap ? { hits: [{ data, postIds: [last.post.id] }] } : { hits: [], pass: data };
}

/** Posts that count as one excess, and the most of them inside one day or one `within` window. */
interface Group {
  posts: PostFacts[];
  peak: number;
}

/** Posts by calendar day in the audit's time zone (--timezone): a post at 01:42 UTC is the evening before in Buenos Aires. */
function byDay(sorted: readonly PostFacts[], clock: ReturnType<typeof localClock>): Group[] {
  const days = new Map<number, PostFacts[]>();
  for (const f of sorted) {
    const day = clock(f.time).day;
    const posts = days.get(day);
    if (posts) posts.push(f);
    else days.set(day, [f]);
  }
  return [...days.values()].map((posts) => ({ posts, peak: posts.length }));
}

/**
 * Windows of `within` holding more than `max` posts, a two-pointer sweep; overlapping windows are
 * one burst (listed once), whose peak is the most posts any one window held, never the chain's length.
 */
function bursts(sorted: readonly PostFacts[], within: number, max: number): Group[] {
  const result: Group[] = [];
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (time(sorted[end]!) - time(sorted[start]!) > within) start++;
    const size = end - start + 1;
    if (size > max) {
      const last = result.at(-1);
      if (last && time(sorted[start]!) <= time(last.posts.at(-1)!)) {
        for (const f of sorted.slice(start, end + 1)) if (!last.posts.includes(f)) last.posts.push(f);
        last.peak = Math.max(last.peak, size);
      } else result.push({ posts: sorted.slice(start, end + 1), peak: size });
    }
  }
  return result;
}
