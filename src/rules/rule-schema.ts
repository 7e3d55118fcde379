import { z } from 'zod';
import { Evidence } from '../model/audit.js';
import { Bucket, Level } from '../model/finding.js';
import { Platform, PostKind } from '../model/post.js';

/** An example post: its text, or the fields that matter for the rule. */
export const ExamplePost = z.union([
  z.string(),
  z.strictObject({
    text: z.string().default(''),
    platform: Platform.optional(),
    kind: PostKind.optional(),
    /** ISO time; examples without one are spaced a day apart. */
    at: z.string().optional(),
    'reply-to': z.enum(['own', 'others']).optional(),
    /** When the post replied to was published (for response times). */
    'parent-at': z.string().optional(),
    alt: z.array(z.string()).optional(),
    likes: z.number().optional(),
    /** The app that published it, and who could see it. */
    app: z.string().optional(),
    visibility: z.enum(['public', 'unlisted', 'followers']).optional(),
    /** A queued post, not yet published. */
    scheduled: z.boolean().optional(),
    /** The same post this many times (for account-level examples). */
    repeat: z.number().int().min(1).max(100).optional(),
    /** Days between the repeats (default: a minute apart). */
    'repeat-days': z.number().min(0).optional(),
  }),
]);
export type ExamplePost = z.infer<typeof ExamplePost>;

/** Per-post rules take a list of posts; account-level rules a list of timelines (lists of posts). */
export const Examples = z.strictObject({
  fail: z.array(z.union([ExamplePost, z.array(ExamplePost)])).default([]),
  pass: z.array(z.union([ExamplePost, z.array(ExamplePost)])).default([]),
  /** Timelines that must earn the rule's "keep doing" line (for report-only rules such as best times). */
  keep: z.array(z.union([ExamplePost, z.array(ExamplePost)])).default([]),
  /** Parameters the examples run with, for rules whose lists come from the brand profile. */
  params: z.record(z.string(), z.unknown()).optional(),
  /** The brand the examples run with. */
  brand: z
    .strictObject({
      domains: z.array(z.string()).default([]),
      products: z.array(z.string()).default([]),
      handles: z.record(z.string(), z.string()).default({}),
    })
    .optional(),
});
export type Examples = z.infer<typeof Examples>;

/** The keys every rule has, whatever its kind; the kind's own parameters sit beside them. */
export const RuleHeader = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'expected an id such as link-blasting/bare-link'),
  family: z.string().optional(),
  level: Level,
  kind: z.string(),
  description: z.string(),
  message: z.string(),
  /** For account-level rules: the line shown under "Keep doing" when the rule passes. */
  keep: z.string().optional(),
  /** Show the keep line even when the rule also found something (clutter: prune these, keep doing those). */
  'keep-with-findings': z.boolean().optional(),
  why: z.string(),
  /** Where the default threshold comes from. */
  source: z.string(),
  bucket: Bucket.optional(),
  /** The level for scheduled posts, which can still be changed (over-length is an error there). */
  'scheduled-level': Level.optional(),
  /** Judge queued posts only: a published post was accepted by its platform, so a limit finding on it would be a counting error. */
  'only-scheduled': z.boolean().optional(),
  platforms: z.array(Platform).optional(),
  'post-kinds': z.array(PostKind).optional(),
  /** Only posts in all of these classes. */
  when: z.array(z.string()).optional(),
  /** Never posts in any of these classes. */
  unless: z.array(z.string()).optional(),
  /**
   * The presence.yaml setting the rule's threshold stands for (`voice.exclamation`): the brand's own habit.
   * Without it (or an override of the rule) there is no habit to hold posts to, and the rule is not evaluated.
   */
  'needs-profile': z.string().optional(),
  /** What the input must be able to show: on a platform whose exports lack it, the rule is not evaluated. */
  needs: z.array(Evidence).optional(),
  /** A habit of people (replying, sharing others' work): not evaluated on an account whose profile says it is a bot. */
  'skip-bots': z.boolean().optional(),
  /** Account-level rules: judge each platform on its own, or the whole timeline together. */
  per: z.enum(['platform', 'all']).default('platform'),
  examples: Examples.optional(),
});
export type RuleHeader = z.infer<typeof RuleHeader>;

export const RuleFile = z.strictObject({
  family: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string().optional(),
  /** Other rule files to load first, relative to this one. */
  include: z.array(z.string()).optional(),
  rules: z.array(z.record(z.string(), z.unknown())),
});

/** What a brand may say about one rule in presence.yaml: off, a new level, or new parameters. */
export const RuleOverride = z.union([z.literal('off'), Level, z.record(z.string(), z.unknown())]);
export type RuleOverride = z.infer<typeof RuleOverride>;
