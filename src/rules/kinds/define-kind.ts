import type { z } from 'zod';
import type { FindingData } from '../../model/finding.js';
import type { Platform } from '../../model/post.js';
import type { PostFacts } from '../../text/facts.js';
import type { BrandContext } from '../brand-context.js';

export interface CompileContext {
  brand: BrandContext;
  /** The rule's patterns come from a user: prove them safe before use. */
  untrusted: boolean;
}

/** A rule that cannot run for lack of data or settings says why instead of passing silently. */
export interface NotEvaluated {
  notEvaluated: string;
}

/** What a per-post check finds: the values behind the finding, or nothing. */
export type PostCheck = (facts: PostFacts) => FindingData | undefined;

export interface AccountHit {
  data: FindingData;
  /** The posts the finding is based on. */
  postIds: string[];
  /** Set when the finding is about one post (a repeated link): reported as that post's finding. */
  postId?: string;
}

export interface AccountResult {
  hits: AccountHit[];
  /** When evaluated and nothing was found: the values for a "keep doing" line. */
  pass?: FindingData;
  notEvaluated?: string;
}

export interface AccountWindow {
  /** The platform being judged, or undefined when judged across platforms. */
  platform?: Platform;
  /** The newest post time in the audit, used as "now" for age-based checks. */
  now: number;
  /** When the audit was made. */
  auditedAt: number;
  /** When the newest export of this platform's posts was made, where the exports say: silence is measured to this. */
  exportedAt?: number;
  /** IANA time zone for checks about the time of day. */
  timeZone: string;
}

export type AccountCheck = (posts: readonly PostFacts[], window: AccountWindow) => AccountResult;

interface KindBase<Schema extends z.ZodObject> {
  kind: string;
  description: string;
  /** The kind's parameters; merged with the rule header into one strict schema. */
  params: Schema;
  /** Parameter names that are thresholds, shown in `rules show` and reports. */
  thresholds: readonly string[];
}

export interface PostKind<Schema extends z.ZodObject = z.ZodObject> extends KindBase<Schema> {
  scope: 'post';
  compile(params: z.output<Schema>, context: CompileContext): PostCheck | NotEvaluated;
}

export interface AccountKind<Schema extends z.ZodObject = z.ZodObject> extends KindBase<Schema> {
  scope: 'account';
  /** `platform` judges each platform on its own; `all` judges the whole timeline at once. */
  compile(params: z.output<Schema>, context: CompileContext): AccountCheck | NotEvaluated;
}

export type RuleKind = PostKind | AccountKind;

export function definePostKind<Schema extends z.ZodObject>(kind: Omit<PostKind<Schema>, 'scope'>): PostKind {
  return { ...kind, scope: 'post' } as unknown as PostKind;
}

export function defineAccountKind<Schema extends z.ZodObject>(kind: Omit<AccountKind<Schema>, 'scope'>): AccountKind {
  return { ...kind, scope: 'account' } as unknown as AccountKind;
}

export const isNotEvaluated = (value: unknown): value is NotEvaluated => typeof value === 'object' && value !== null && 'notEvaluated' in value;
