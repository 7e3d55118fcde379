import { z } from 'zod';
import { localClock, WEEKDAYS } from '../../local-time.js';
import { count } from '../../plural.js';
import { defineAccountKind } from './define-kind.js';
import { engagementOf } from './engagement.js';

const WEEK = 7 * 86_400_000;

/**
 * When posting works best for this account: engagement relative to the account's median, by
 * weekday and block of hours in the audit's time zone, with the number of posts behind each slot
 * so a thin slot is never oversold. Only with enough history; never a universal best time.
 */
export const bestTime = defineAccountKind({
  kind: 'best-time',
  description: 'engagement by weekday and block of hours in the audit’s time zone, reported only for slots with enough posts',
  params: z.object({
    'min-weeks': z.number().min(1).default(16),
    'min-per-slot': z.number().int().min(1).default(5),
    'block-hours': z.number().int().min(1).max(24).default(3),
    /** A slot is "best" only this far above the account's median: 0.9× the median is no advice. */
    'min-lift': z.number().min(1).default(1.25),
    /** Below this median engagement, slot averages are noise. */
    'min-median': z.number().min(0).default(5),
  }),
  thresholds: ['min-weeks', 'min-per-slot', 'block-hours', 'min-lift', 'min-median'],
  compile(params) {
    return (posts, window) => {
      // A post stamped with its day only has no hour to credit.
      const scored = posts.map((f) => ({ f, value: f.post.dayOnly ? undefined : engagementOf(f) })).filter((s) => s.value !== undefined) as {
        f: (typeof posts)[number];
        value: number;
      }[];
      const span = scored.length ? scored.at(-1)!.f.time - scored[0]!.f.time : 0;
      if (span < params['min-weeks'] * WEEK) {
        return {
          hits: [],
          notEvaluated: `${count(Math.floor(span / WEEK), 'week')} of posts with engagement counts, fewer than the ${params['min-weeks']} needed`,
        };
      }
      const sorted = scored.map((s) => s.value).sort((a, b) => a - b);
      const middle = sorted[sorted.length >> 1]!;
      if (middle < params['min-median']) {
        return { hits: [], notEvaluated: `the median post gets ${count(middle, 'interaction')}, under the ${params['min-median']} needed to compare times` };
      }
      const median = middle;
      const clock = localClock(window.timeZone);
      const hours = params['block-hours'];
      // Slots by number (weekday × 24 + first hour), named once each rather than once a post.
      const byNumber = new Map<number, number[]>();
      for (const { f, value } of scored) {
        const { weekday, hour } = clock(f.time);
        const key = weekday * 24 + Math.floor(hour / hours) * hours;
        const list = byNumber.get(key);
        if (list) list.push(value / median);
        else byNumber.set(key, [value / median]);
      }
      const slotName = (key: number) => {
        const block = key % 24;
        return `${WEEKDAYS[Math.floor(key / 24)]} ${String(block).padStart(2, '0')}:00–${String(block + hours).padStart(2, '0')}:00`;
      };
      const slots = [...byNumber].map(([key, values]) => [slotName(key), values] as const);
      const ranked = slots
        .filter(([, values]) => values.length >= params['min-per-slot'])
        .map(([slot, values]) => ({ slot, n: values.length, score: values.reduce((a, b) => a + b, 0) / values.length }))
        .sort(
          (a, b) =>
            b.score - a.score ||
            WEEKDAYS.indexOf(a.slot.slice(0, 3) as (typeof WEEKDAYS)[number]) - WEEKDAYS.indexOf(b.slot.slice(0, 3) as (typeof WEEKDAYS)[number]),
        );
      if (ranked.length < 2) return { hits: [], notEvaluated: `fewer than two time slots with ${params['min-per-slot']} or more posts` };
      const describe = (r: (typeof ranked)[number]) => `${r.slot} (${r.score.toFixed(1)}× the median, ${r.n} posts)`;
      const best = ranked.slice(0, 3).filter((r) => r.score >= params['min-lift']);
      if (best.length === 0) return { hits: [], pass: undefined };
      return { hits: [], pass: { best: best.map(describe).join('; '), worst: describe(ranked.at(-1)!), timeZone: window.timeZone } };
    };
  },
});
