import { z } from 'zod';
import { inputError } from '../../errors.js';
import type { Media, Post } from '../../model/post.js';
import { toLink } from '../../text/links.js';
import { jsonHeadMatches, readJsonEntry } from '../read/json-entry.js';
import { Count, LoadCollector, TextTime, type FileSource } from '../source.js';

const Images = z.array(z.object({ alt: z.string().optional() }));

/** Facets index the text by UTF-8 byte offsets. */
const Facet = z.object({
  index: z.object({ byteStart: Count.optional(), byteEnd: Count.optional() }).optional(),
  features: z.array(z.object({ $type: z.string().optional(), uri: z.string().optional(), did: z.string().optional(), tag: z.string().optional() })).optional(),
});

const BlueskyRecord = z.object({
  text: z.string().optional(),
  createdAt: TextTime,
  facets: z.array(Facet).optional(),
  reply: z.object({ parent: z.object({ uri: z.string().optional() }).optional() }).optional(),
  embed: z
    .object({
      $type: z.string().optional(),
      images: Images.optional(),
      external: z.object({ uri: z.string().optional() }).optional(),
      record: z.object({ uri: z.string().optional() }).optional(),
      media: z.object({ images: Images.optional() }).optional(),
    })
    .optional(),
});

/** One item of an author feed, checked for every field read of it. A parent that was deleted or blocked has neither author nor record. */
export const FeedViewPost = z.object({
  post: z.object({
    uri: z.string(),
    author: z.object({ did: z.string().optional(), handle: z.string().optional() }).optional(),
    record: BlueskyRecord,
    replyCount: Count.optional(),
    repostCount: Count.optional(),
    likeCount: Count.optional(),
    quoteCount: Count.optional(),
  }),
  reason: z.object({ $type: z.string().optional(), indexedAt: TextTime.optional() }).optional(),
  reply: z
    .object({
      parent: z
        .object({
          author: z.object({ handle: z.string().optional() }).optional(),
          record: z.object({ createdAt: TextTime.optional() }).optional(),
          uri: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});
export type FeedViewPost = z.infer<typeof FeedViewPost>;

/** A saved app.bsky.feed.getAuthorFeed response (or an array of pages). */
export const blueskyFeedJson: FileSource = {
  id: 'bluesky-feed-json',
  description: 'Bluesky author feed as saved from app.bsky.feed.getAuthorFeed (one page or an array of pages)',
  async detect(input) {
    return input.container === 'file' && (await jsonHeadMatches(input, input.entries[0]!, /"feed"\s*:\s*\[[\s\S]*"uri"\s*:\s*"at:\/\//));
  },
  async load(input, options) {
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    const value = await readJsonEntry(input, entry);
    const pages = (Array.isArray(value) ? value : [value]) as { feed?: unknown[] }[];
    if (!pages.every((page) => Array.isArray(page?.feed))) throw inputError({ file }, 'expected a getAuthorFeed response: { "feed": [ … ] }');
    const items = pages.flatMap((page) => page.feed!);
    const collector = new LoadCollector(options);
    const valid = items.flatMap((value, index) => {
      const where = { file, record: index + 1 };
      const item = collector.parse(FeedViewPost, value, where);
      return item ? [{ item, where }] : [];
    });
    const handle = mostCommonAuthor(valid.map(({ item }) => item));
    collector.account = handle;
    for (const { item, where } of valid) collector.add(postFromFeedViewPost(item, handle, where));
    return collector.result();
  },
};

/** The feed's own account: reposts carry someone else's author, so take the most common one. */
function mostCommonAuthor(items: readonly FeedViewPost[]): string {
  const counts = new Map<string, number>();
  for (const item of items) if (!item.reason && item.post.author?.handle) counts.set(item.post.author.handle, (counts.get(item.post.author.handle) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}

/** Text between UTF-8 byte offsets, as facets index it. */
function byteSlice(text: string, start: number, end: number): string {
  return Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
}

/** One feed item, checked by FeedViewPost, as a Post (shared with the live Bluesky source). */
export function postFromFeedViewPost(item: FeedViewPost, feedAuthor: string, source: Post['source']): Post {
  const view = item.post;
  const record = view.record;
  const rkey = view.uri.split('/').pop()!;
  const url = `https://bsky.app/profile/${view.author?.handle ?? view.author?.did}/post/${rkey}`;
  const isRepost = item.reason?.$type === 'app.bsky.feed.defs#reasonRepost';
  const text = record.text ?? '';
  const links: string[] = [];
  const mentions: string[] = [];
  const hashtags: string[] = [];
  for (const facet of record.facets ?? []) {
    const { byteStart = 0, byteEnd = 0 } = facet.index ?? {};
    for (const feature of facet.features ?? []) {
      if (feature.$type === 'app.bsky.richtext.facet#link' && feature.uri) links.push(feature.uri);
      else if (feature.$type === 'app.bsky.richtext.facet#mention') mentions.push(byteSlice(text, byteStart, byteEnd).replace(/^@/, ''));
      else if (feature.$type === 'app.bsky.richtext.facet#tag' && feature.tag) hashtags.push(feature.tag);
    }
  }
  const embed = record.embed;
  if (embed?.external?.uri) links.push(embed.external.uri);
  const quoted = embed?.record?.uri;
  const images = embed?.images ?? embed?.media?.images ?? [];
  const media: Media[] = images.map((image) => ({ type: 'image', altText: image.alt ?? '' }));
  const parentAuthor = item.reply?.parent?.author?.handle;
  const parentUri = record.reply?.parent?.uri;
  const isOwnReply = Boolean(parentUri && parentAuthor === feedAuthor);
  const kind: Post['kind'] = isRepost ? 'repost' : parentUri && !isOwnReply ? 'reply' : quoted ? 'quote' : 'post';
  return {
    id: isRepost ? `${view.uri}#repost` : view.uri,
    platform: 'bluesky',
    author: feedAuthor,
    createdAt: isRepost && item.reason?.indexedAt ? item.reason.indexedAt : record.createdAt,
    text: isRepost ? '' : text,
    links: isRepost ? [] : [...new Set(links)].map(toLink),
    hashtags: isRepost ? [] : hashtags,
    mentions: isRepost ? [] : mentions,
    media: isRepost ? [] : media,
    kind,
    ...(parentUri &&
      !isRepost && {
        replyTo: {
          id: parentUri,
          isOwn: isOwnReply,
          ...(parentAuthor && { author: parentAuthor }),
          ...(item.reply?.parent?.record?.createdAt && { createdAt: item.reply.parent.record.createdAt }),
        },
      }),
    url,
    ...(!isRepost && { metrics: { likes: view.likeCount ?? 0, reposts: view.repostCount ?? 0, replies: view.replyCount ?? 0, quotes: view.quoteCount ?? 0 } }),
    scheduled: false,
    source,
  };
}
