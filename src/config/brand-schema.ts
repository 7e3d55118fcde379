import { z } from 'zod';
import { Platform } from '../model/post.js';
import { RuleOverride } from '../rules/rule-schema.js';

/** The brand profile, `presence.yaml`. Every key is checked; unknown keys are an error. */
export const BrandProfile = z.strictObject({
  brand: z
    .strictObject({
      name: z.string().optional(),
      /** The brand's handle per network, without `@`. */
      handles: z
        .partialRecord(
          Platform,
          z.string().transform((h) => h.replace(/^@/, '')),
        )
        .default({}),
      /** Own web domains; links there are the brand's own pages. */
      domains: z.array(z.string().transform((d) => d.toLowerCase().replace(/^www\./, ''))).default([]),
      products: z.array(z.string()).default([]),
    })
    .default({ handles: {}, domains: [], products: [] }),
  voice: z
    .strictObject({
      /** Words the brand never uses. */
      avoid: z.array(z.string()).default([]),
      /** Preferred terms: `avoided: preferred`. */
      prefer: z.record(z.string(), z.string()).default({}),
      /** How the brand uses exclamation marks: never, sparingly (one per post) or freely. */
      exclamation: z.enum(['never', 'sparingly', 'freely']).optional(),
      /** Most emoji one post may carry. */
      'max-emoji': z.number().int().min(0).optional(),
      /** ALL-CAPS words allowed in one post. */
      'max-caps-words': z.number().int().min(0).optional(),
      /** Named traits, each a set of measurable markers (friendly, plainspoken, expert, playful, calm). */
      traits: z.array(z.enum(['friendly', 'plainspoken', 'expert', 'playful', 'calm'])).default([]),
      /** Marker ranges of your own, e.g. { reading-ease: { min: 60 }, emoji-per-post: { max: 1 } }. */
      markers: z.record(z.string(), z.strictObject({ min: z.number().optional(), max: z.number().optional() })).default({}),
    })
    .default({ avoid: [], prefer: {}, traits: [], markers: {} }),
  /** Use presence's built-in rules (default true). */
  builtin: z.boolean().default(true),
  /** Extra rule files, relative to this file. */
  'rule-files': z.array(z.string()).default([]),
  /** Per rule: `off`, a level, or new parameters. */
  rules: z.record(z.string(), RuleOverride).default({}),
});
export type BrandProfile = z.infer<typeof BrandProfile>;
