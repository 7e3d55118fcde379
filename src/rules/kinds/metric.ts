import { z } from 'zod';
import { MEASURE_NAMES, measures } from '../../text/facts.js';
import { Threshold, thresholdFor } from '../params.js';
import { definePostKind } from './define-kind.js';

/** A named measure of the post compared with a minimum and/or maximum, per platform. */
export const metric = definePostKind({
  kind: 'metric',
  description: 'compares a measure of the post (length, own words, hashtags, emoji…) with a minimum or maximum',
  params: z.object({
    measure: z.enum(MEASURE_NAMES as [string, ...string[]]),
    min: Threshold.optional(),
    max: Threshold.optional(),
  }),
  thresholds: ['measure', 'min', 'max'],
  compile(params) {
    const measure = measures[params.measure as keyof typeof measures].measure;
    return (facts) => {
      const min = thresholdFor(params.min, facts.post.platform);
      const max = thresholdFor(params.max, facts.post.platform);
      if (min === undefined && max === undefined) return undefined;
      const value = measure(facts);
      if (Number.isNaN(value)) return undefined;
      const rounded = Math.round(value * 10) / 10;
      if (min !== undefined && value < min) return { value: rounded, limit: min, over: false };
      if (max !== undefined && value > max) return { value: rounded, limit: max, over: true };
      return undefined;
    };
  },
});
