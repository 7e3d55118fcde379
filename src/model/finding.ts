import { z } from 'zod';
import { LEVELS } from './names.js';
import { Platform, SourceRef } from './post.js';

export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/**
 * Where a finding sends the reader: Stop a habit (account level), Fix a post,
 * Delete a post, or Keep doing what works.
 */
export const Bucket = z.enum(['stop', 'fix', 'delete', 'keep']);
export type Bucket = z.infer<typeof Bucket>;

export const FindingData = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type FindingData = z.infer<typeof FindingData>;

export const PostRef = z.object({
  id: z.string(),
  platform: Platform,
  url: z.string().optional(),
  createdAt: z.string(),
  excerpt: z.string(),
  source: SourceRef,
});
export type PostRef = z.infer<typeof PostRef>;

export const Finding = z.object({
  rule: z.string(),
  family: z.string(),
  level: Level,
  bucket: Bucket,
  scope: z.enum(['post', 'account']),
  /** Rendered once, from the rule's message template and `data`. */
  message: z.string(),
  /** The measured values behind the finding; tests and tools read these, not the wording. */
  data: FindingData,
  /** For a post finding: the post. */
  post: PostRef.optional(),
  /** For an account finding: the platform it was judged on (absent when judged across platforms). */
  platform: Platform.optional(),
  /** For an account finding: the posts it is based on. */
  postIds: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof Finding>;
