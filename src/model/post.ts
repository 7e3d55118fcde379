import { z } from 'zod';
import { PLATFORMS } from './names.js';

/** Networks a post can come from; `other` is for generic files that name none. */
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/**
 * A self-thread's next part is kind `post` with `replyTo.isOwn`. A comment answering someone under
 * one's own post (LinkedIn, Facebook comments) is kind `reply` with `replyTo.isOwn`: it talks to a person.
 */
export const PostKind = z.enum(['post', 'reply', 'repost', 'quote']);
export type PostKind = z.infer<typeof PostKind>;

export const Link = z.object({
  url: z.string(),
  /** Lower-case host without `www.`. */
  domain: z.string(),
});
export type Link = z.infer<typeof Link>;

export const Media = z.object({
  type: z.enum(['image', 'video', 'gif', 'audio', 'other']),
  altText: z.string().optional(),
});
export type Media = z.infer<typeof Media>;

/** Only what the source gives: an absent count is unknown, never zero. */
export const Metrics = z.object({
  likes: z.number().optional(),
  reposts: z.number().optional(),
  replies: z.number().optional(),
  quotes: z.number().optional(),
  impressions: z.number().optional(),
  clicks: z.number().optional(),
});
export type Metrics = z.infer<typeof Metrics>;

/** Where a post came from, so every finding points back to its record. */
export const SourceRef = z.object({
  file: z.string(),
  record: z.number().int().optional(),
  line: z.number().int().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Post = z.object({
  id: z.string(),
  platform: Platform,
  author: z.string(),
  /** ISO 8601 UTC; for a queued post, its scheduled time. */
  createdAt: z.string(),
  /** Plain text: HTML stripped, entities decoded, shortened links expanded where the source allows. */
  text: z.string(),
  links: z.array(Link),
  hashtags: z.array(z.string()),
  mentions: z.array(z.string()),
  media: z.array(Media),
  kind: PostKind,
  replyTo: z
    .object({
      id: z.string().optional(),
      author: z.string().optional(),
      /** True when the post answered is the account's own: with kind `post`, a thread continuation. */
      isOwn: z.boolean(),
      /** When the post replied to was published, where the source tells. */
      createdAt: z.string().optional(),
    })
    .optional(),
  url: z.string().optional(),
  /**
   * For a quote: the post quoted. Its link is not among `links` and its words are not in `text`,
   * which hold only what the brand added.
   */
  quoted: z.object({ url: z.string(), author: z.string().optional() }).optional(),
  /**
   * Written by the platform, not by the account: a check-in, "updated the profile picture",
   * "… recommends …". Never judged on its words, never counted as a burst of posting.
   */
  generated: z.boolean().optional(),
  /** The app that published the post, where the export names it (X's `source`: "twitterfeed", "Buffer"). */
  app: z.string().optional(),
  /** Who could see it, where the network has more than public (Mastodon's unlisted and followers-only). */
  visibility: z.enum(['public', 'unlisted', 'followers']).optional(),
  metrics: Metrics.optional(),
  /** Only the day is known: old X tweets that the archive stamps 00:00:00, so no rule reads their time of day. */
  dayOnly: z.boolean().optional(),
  scheduled: z.boolean(),
  /** Reviewed exceptions carried by the input itself (a queue's ignore column). */
  ignore: z.array(z.object({ rule: z.string(), reason: z.string() })).optional(),
  source: SourceRef,
});
export type Post = z.infer<typeof Post>;

/** Posts whose words the brand wrote: not reposts of others, not posts the platform generated. */
export const isAuthored = (post: Post): boolean => post.kind !== 'repost' && !post.generated;
/** Original posts: posts and quotes, not replies to others and not reposts. */
export const isOriginal = (post: Post): boolean => post.kind === 'post' || post.kind === 'quote';
