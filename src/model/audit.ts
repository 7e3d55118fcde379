import { z } from 'zod';
import { Bucket, Finding, FindingData, Level } from './finding.js';
import { Platform, PostKind, SourceRef } from './post.js';

/**
 * Bumped on any change a consumer of the JSON would notice. Version 2 lists every post once and
 * has findings and habits point at posts by their index; `presence report` still reads version 1.
 */
export const AUDIT_VERSION = 2;
export const AUDIT_VERSIONS = [1, AUDIT_VERSION] as const;

/**
 * Kinds of evidence an export may lack. `replies`: the account's replies to others;
 * `alt-text`: image descriptions; `engagement`: likes, reposts and replies counts;
 * `reshares`: which posts reshare someone else's (LinkedIn marks only those without a comment).
 */
export const EVIDENCE = ['replies', 'alt-text', 'engagement', 'reshares'] as const;
export const Evidence = z.enum(EVIDENCE);
export type Evidence = z.infer<typeof Evidence>;

export const SourceSummary = z.object({
  /** What the user named: a path or an account. */
  spec: z.string(),
  /** The format it was read as (`x-archive`, `mastodon-outbox`…). */
  format: z.string(),
  account: z.string().optional(),
  posts: z.number().int(),
  excluded: z.record(z.string(), z.number().int()),
  skipped: z.number().int(),
  /** The networks its posts came from. */
  platforms: z.array(Platform).optional(),
  /** What this export cannot show (a LinkedIn Shares.csv holds no replies): rules that need it are not evaluated. */
  lacks: z.array(Evidence).optional(),
  /** The account's own web sites, as its profile in the export names them (X's profile.js, Mastodon's actor.json). */
  sites: z.array(z.string()).optional(),
  /** When the export was made, where it says; an account read over an API was read at the time of the audit. */
  exportedAt: z.string().optional(),
  /** Why the account reads as a bot (its profile says so): rules of people's habits are not evaluated on it. */
  bot: z.string().optional(),
});
export type SourceSummary = z.infer<typeof SourceSummary>;

export const Stats = z.object({
  posts: z.number().int(),
  byPlatform: z.partialRecord(Platform, z.number().int()),
  byKind: z.record(PostKind, z.number().int()),
  /** Malformed records skipped across all sources. */
  skipped: z.number().int(),
  /** First and last post of the audited window. */
  from: z.string().optional(),
  to: z.string().optional(),
});
export type Stats = z.infer<typeof Stats>;

/** How the posts audited were chosen, so a report can say what it covers and how to widen it. */
export const AuditWindow = z.object({
  /** The newest N posts of each account. */
  last: z.number().int().optional(),
  /** No older than this many days before each account's newest post. */
  maxAgeDays: z.number().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  /** Posts inside --since/--until and --platform that the count or the age bound left out. */
  olderLeftOut: z.number().int(),
});
export type AuditWindow = z.infer<typeof AuditWindow>;

export const RuleSummary = z.object({
  id: z.string(),
  family: z.string(),
  level: Level,
  kind: z.string(),
  description: z.string(),
  why: z.string(),
  source: z.string(),
  /** The rule's thresholds, as written (`max: 280`). */
  threshold: z.string(),
  /** Shipped with presence, so documented in its rules/README.md. */
  builtin: z.boolean().optional(),
  /** The rule's message template, from which a finding's message is rendered with its data (absent in version 1). */
  message: z.string().optional(),
  /** Where the rule's findings send the reader, when the rule sets it (otherwise fix for a post, stop for the account). */
  bucket: Bucket.optional(),
});
export type RuleSummary = z.infer<typeof RuleSummary>;

export const NotEvaluated = z.object({
  rule: z.string(),
  platform: Platform.optional(),
  reason: z.string(),
});

/** A short excerpt of every audited post, so reports (charts, permalinks) need nothing but the audit. */
export const PostSummary = z.object({
  id: z.string(),
  platform: Platform,
  kind: PostKind,
  createdAt: z.string(),
  url: z.string().optional(),
  classes: z.array(z.string()),
  engagement: z.number().optional(),
  /** Set for queued posts, which account-level findings of a queue check point at. */
  scheduled: z.literal(true).optional(),
  source: SourceRef,
});
export type PostSummary = z.infer<typeof PostSummary>;

/**
 * A rule's findings on one platform gathered into one habit: "bare links, 12 posts", with the
 * posts listed. Reports lead with habits; `findings[]` keeps each post's finding for lists and gates.
 */
export const Habit = z.object({
  rule: z.string(),
  family: z.string(),
  /** The highest level among its findings. */
  level: Level,
  bucket: z.enum(['stop', 'fix', 'delete']),
  scope: z.enum(['post', 'account']),
  platform: Platform.optional(),
  /** The rule's description, or the account finding's message. */
  summary: z.string(),
  /** How many posts it touches, and what share (%) of the platform's audited posts that is. */
  posts: z.number().int(),
  share: z.number(),
  /** Newest first. */
  postIds: z.array(z.string()),
  newest: z.string().optional(),
  /** Indexes into `findings[]` of the findings it gathers. */
  findings: z.array(z.number().int()),
});
export type Habit = z.infer<typeof Habit>;

const ScoreChange = z.object({ before: z.number().optional(), after: z.number().optional() });

const HabitReach = z.object({ level: Level, posts: z.number().int(), share: z.number() });

/** One rule on one network before and after: `gone` and `better` are progress, `worse` and `new` are not. */
export const HabitChange = z.object({
  rule: z.string(),
  family: z.string(),
  platform: Platform.optional(),
  /** The rule's description. */
  title: z.string(),
  before: HabitReach.optional(),
  after: HabitReach.optional(),
  change: z.enum(['gone', 'better', 'same', 'worse', 'new']),
});
export type HabitChange = z.infer<typeof HabitChange>;

/** Set by `presence report NEW.json --compare OLD.json`: what changed since the older audit. */
export const Comparison = z.object({
  previous: z.object({ generatedAt: z.string(), from: z.string().optional(), to: z.string().optional() }),
  /** The window length both audits share ("the newest 200 posts", "90 days"). */
  window: z.string().optional(),
  /** Per habit, worst change first. Absent in comparisons made before habits were compared. */
  habits: z.array(HabitChange).optional(),
  overall: ScoreChange,
  byFamily: z.record(z.string(), ScoreChange),
  fixed: z.array(Finding),
  /** Findings of the previous audit on posts older than the new window: not fixed, only out of sight. */
  leftWindow: z.number().int().optional(),
  new: z.array(Finding),
  remaining: z.number().int(),
});
export type Comparison = z.infer<typeof Comparison>;

/**
 * The audit as every stage and reporter sees it: each finding carries its post's excerpt and
 * place, each habit its posts' ids. It is also, with `version: 1`, the audit document of
 * version 1; the document of version 2 (`AuditDocument`) stores the same audit without repeating
 * a post, and reads back into this view.
 */
export const Audit = z.object({
  version: z.literal(AUDIT_VERSIONS),
  generatedAt: z.string(),
  tool: z.object({ name: z.literal('presence'), version: z.string() }),
  brand: z.object({ name: z.string().optional() }),
  sources: z.array(SourceSummary),
  /** Absent in documents written before the window was recorded. */
  window: AuditWindow.optional(),
  stats: Stats,
  scores: z.object({
    /** 0–100; how each is computed is in the README. */
    overall: z.number(),
    byFamily: z.record(z.string(), z.number()),
  }),
  findings: z.array(Finding),
  /** Findings gathered per rule and platform, by impact: level, then posts touched, then newest. Absent in older documents. */
  habits: z.array(Habit).optional(),
  notEvaluated: z.array(NotEvaluated),
  rules: z.array(RuleSummary),
  posts: z.array(PostSummary),
  comparison: Comparison.optional(),
});
export type Audit = z.infer<typeof Audit>;

/** Version 1 of the audit document: the view itself, each finding copying its post. */
export const AuditDocumentV1 = Audit.extend({ version: z.literal(1) });

/** A file posts were read from, once; `permalink` is its posts' address with `{id}` for the post's id. */
export const SourceFile = z.object({
  path: z.string(),
  permalink: z.string().optional(),
});
export type SourceFile = z.infer<typeof SourceFile>;

/**
 * The cells of a row of `posts[]`, in order. `file` indexes `files[]`, `classes` indexes
 * `classSets[]`; `url` is `true` when it is the file's permalink with the post's id; `excerpt` is
 * given for posts that a post finding is about. Absent cells are null, and trailing ones left out.
 */
export const POST_FIELDS = ['id', 'platform', 'kind', 'createdAt', 'file', 'record', 'line', 'classes', 'engagement', 'url', 'excerpt', 'scheduled'] as const;

const index = z.number().int().nonnegative();
export const PostRow = z.tuple([
  z.string(),
  Platform,
  PostKind,
  z.string(),
  index,
  z.number().int().nullable().optional(),
  z.number().int().nullable().optional(),
  index.optional(),
  z.number().nullable().optional(),
  z
    .union([z.string(), z.literal(true)])
    .nullable()
    .optional(),
  z.string().nullable().optional(),
  z.literal(true).nullable().optional(),
]);
export type PostRow = z.infer<typeof PostRow>;

/**
 * A finding of version 2. `post` and `postIndexes` index `posts[]`. `family`, `scope`, `level`,
 * `bucket` and `message` are given only where they differ from what the rule in `rules[]` gives:
 * its family and level, the scope of a finding with a post or without, its bucket (or fix for a
 * post, stop for the account) and its message template rendered with `data`.
 */
export const DocumentFinding = z.object({
  rule: z.string(),
  family: z.string().optional(),
  level: Level.optional(),
  bucket: Bucket.optional(),
  scope: z.enum(['post', 'account']).optional(),
  message: z.string().optional(),
  data: FindingData,
  post: index.optional(),
  platform: Platform.optional(),
  postIndexes: z.array(index).optional(),
});
export type DocumentFinding = z.infer<typeof DocumentFinding>;

/** A habit of version 2: its posts by their index in `posts[]`, newest first. */
export const DocumentHabit = Habit.omit({ postIds: true }).extend({ postIndexes: z.array(index) });
export type DocumentHabit = z.infer<typeof DocumentHabit>;

/** Version 2 of the audit document, the one `presence audit --format json` writes: every post once, every file once. */
export const AuditDocument = z.object({
  version: z.literal(AUDIT_VERSION),
  generatedAt: z.string(),
  tool: z.object({ name: z.literal('presence'), version: z.string() }),
  brand: z.object({ name: z.string().optional() }),
  sources: z.array(SourceSummary),
  files: z.array(SourceFile),
  window: AuditWindow.optional(),
  stats: Stats,
  scores: Audit.shape.scores,
  findings: z.array(DocumentFinding),
  habits: z.array(DocumentHabit),
  notEvaluated: z.array(NotEvaluated),
  rules: z.array(RuleSummary),
  /** Each set of classes posts carry, once; a post row's `classes` cell indexes it. */
  classSets: z.array(z.array(z.string())),
  /** The names of a post row's cells: always POST_FIELDS, so that the rows describe themselves. */
  postFields: z.array(z.string()).refine((fields) => fields.length === POST_FIELDS.length && fields.every((field, i) => field === POST_FIELDS[i]), {
    message: `expected the post fields ${POST_FIELDS.join(', ')}`,
  }),
  posts: z.array(PostRow),
  /** Set by `presence report --compare`: its findings are the two audits' own, each with its post, as in version 1. */
  comparison: Comparison.optional(),
});
export type AuditDocument = z.infer<typeof AuditDocument>;
