import { z } from 'zod';
import type { FindingData } from '../../model/finding.js';
import type { PostFacts } from '../../text/facts.js';
import { fleschReadingEase, sentenceCount, syllables } from '../../text/readability.js';
import { defineAccountKind, type AccountHit } from './define-kind.js';

const Range = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

const YOU = /\b(?:you|your|yours|you're|you've|you'll)\b/gi;
const WE = /\b(?:we|we're|we've|we'll|our|ours|us|let's)\b/gi;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * The measurable voice markers: each an account-wide value, and where it makes sense, which posts
 * pull the account over a declared maximum (the outliers reported with the finding).
 */
const MARKERS = {
  'emoji-per-post': {
    account: (ps: readonly PostFacts[]) => avg(ps, (f) => f.emoji.count),
    over: (f: PostFacts, max: number) => f.emoji.count > Math.max(2 * max, 1),
  },
  'exclamation-share': { account: (ps: readonly PostFacts[]) => pct(ps, (f) => f.post.text.includes('!')), over: (f: PostFacts) => f.post.text.includes('!') },
  'question-share': { account: (ps: readonly PostFacts[]) => pct(ps, (f) => f.classes.has('question')) },
  'you-we-ratio': {
    account: (ps: readonly PostFacts[]) => {
      const you = ps.reduce((n, f) => n + count(f.prose, YOU), 0);
      const we = ps.reduce((n, f) => n + count(f.prose, WE), 0);
      return we === 0 ? you : you / we;
    },
  },
  'sentence-length': {
    account: (ps: readonly PostFacts[]) =>
      ps.reduce((n, f) => n + f.wordCount, 0) /
      Math.max(
        1,
        ps.reduce((n, f) => n + sentenceCount(f.prose), 0),
      ),
    over: (f: PostFacts, max: number) => f.wordCount / sentenceCount(f.prose) > 2 * max,
  },
  'reading-ease': {
    account: (ps: readonly PostFacts[]) => {
      const words = ps.flatMap((f) => f.words);
      return fleschReadingEase(
        words.length,
        ps.reduce((n, f) => n + sentenceCount(f.prose), 0),
        words.reduce((n, w) => n + syllables(w), 0),
      );
    },
  },
} satisfies Record<string, { account: (posts: readonly PostFacts[]) => number; over?: (f: PostFacts, max: number) => boolean }>;
type MarkerName = keyof typeof MARKERS;

/** The voice a trait names, as marker ranges (audit practices §4.3; Mailchimp's and Microsoft's guides). */
export const TRAITS: Record<string, Partial<Record<MarkerName, { min?: number; max?: number }>>> = {
  friendly: { 'you-we-ratio': { min: 1 }, 'question-share': { min: 10 }, 'reading-ease': { min: 60 } },
  plainspoken: { 'reading-ease': { min: 60 }, 'sentence-length': { max: 20 }, 'exclamation-share': { max: 20 } },
  expert: { 'emoji-per-post': { max: 0.5 }, 'exclamation-share': { max: 10 } },
  playful: { 'emoji-per-post': { min: 0.5 }, 'exclamation-share': { min: 15 } },
  calm: { 'exclamation-share': { max: 10 }, 'emoji-per-post': { max: 1 } },
};

function avg(posts: readonly PostFacts[], value: (f: PostFacts) => number): number {
  return posts.reduce((n, f) => n + value(f), 0) / Math.max(1, posts.length);
}
function pct(posts: readonly PostFacts[], test: (f: PostFacts) => boolean): number {
  return (100 * posts.filter(test).length) / Math.max(1, posts.length);
}
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Voice consistency: the account's measured voice against the one the brand declared (traits or
 * marker ranges), and the posts that stray furthest from it.
 */
export const voice = defineAccountKind({
  kind: 'voice',
  description: 'the account’s voice markers (emoji, exclamations, questions, you/we, sentence length, reading ease) against the declared voice',
  params: z.object({
    markers: z.partialRecord(z.enum(Object.keys(MARKERS) as [MarkerName, ...MarkerName[]]), Range).default({}),
    'min-words': z.number().int().min(1).default(100),
  }),
  thresholds: ['markers', 'min-words'],
  compile(params) {
    const declared = Object.entries(params.markers) as [MarkerName, { min?: number; max?: number }][];
    if (declared.length === 0) return { notEvaluated: 'the brand profile declares no voice traits or markers' };
    return (all) => {
      // A photo alone or a share the export left empty has no voice to measure: it would pull every share down.
      const posts = all.filter((f) => f.wordCount > 0);
      if (posts.reduce((n, f) => n + f.wordCount, 0) < params['min-words'])
        return { hits: [], notEvaluated: `fewer than ${params['min-words']} words of prose to measure a voice` };
      const hits: AccountHit[] = [];
      const profile: FindingData = {};
      for (const [name, range] of declared) {
        const value = round(MARKERS[name].account(posts));
        profile[name] = value;
        const outside = (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
        if (!outside) continue;
        const over = 'over' in MARKERS[name] ? (MARKERS[name] as { over: (f: PostFacts, max: number) => boolean }).over : undefined;
        const max = range.max;
        const outliers = over && max !== undefined && value > max ? posts.filter((f) => over(f, max)) : [];
        hits.push({
          data: {
            marker: name,
            value,
            expected:
              range.min !== undefined && range.max !== undefined
                ? `${range.min}–${range.max}`
                : range.min !== undefined
                  ? `at least ${range.min}`
                  : `at most ${range.max}`,
          },
          postIds: outliers.map((f) => f.post.id),
        });
      }
      return hits.length
        ? { hits }
        : {
            hits,
            pass: {
              profile: Object.entries(profile)
                .map(([k, v]) => `${k} ${v}`)
                .join(', '),
            },
          };
    };
  },
});
