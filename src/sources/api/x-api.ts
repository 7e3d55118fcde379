import { z } from 'zod';
import { networkError, usageError } from '../../errors.js';
import type { Media, Post } from '../../model/post.js';
import { toLink } from '../../text/links.js';
import { Count, firstIssue, LoadCollector, TextTime, type AccountSource } from '../source.js';
import { snowflakeTime } from '../read/snowflake.js';
import { getJson, PageCursors } from './http.js';

export const X_API_BASE = 'https://api.x.com';

/** X's ids are decimal numbers too large for JSON numbers, so they come as strings of digits. */
const XId = z.string().regex(/^\d{1,20}$/, 'expected a post id of digits');

/** A post as API v2 sends it, checked for every field read of it. */
const Tweet = z.object({
  id: XId,
  text: z.string(),
  created_at: TextTime,
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: XId })).optional(),
  entities: z
    .object({
      urls: z.array(z.object({ url: z.string(), expanded_url: z.string().optional() })).optional(),
      hashtags: z.array(z.object({ tag: z.string() })).optional(),
      mentions: z.array(z.object({ username: z.string() })).optional(),
    })
    .optional(),
  public_metrics: z
    .object({
      like_count: Count.optional(),
      retweet_count: Count.optional(),
      reply_count: Count.optional(),
      quote_count: Count.optional(),
      impression_count: Count.optional(),
    })
    .optional(),
  note_tweet: z.object({ text: z.string().optional() }).optional(),
  attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional(),
});
type Tweet = z.infer<typeof Tweet>;

/** The pictures and videos a page's posts name by key; a page whose list is broken is an unexpected answer, not a post. */
const Includes = z
  .object({ media: z.array(z.object({ media_key: z.string(), type: z.string().optional(), alt_text: z.string().nullish() })).optional() })
  .optional();
type MediaItem = NonNullable<NonNullable<z.infer<typeof Includes>>['media']>[number];

const FIELDS = [
  'tweet.fields=created_at,public_metrics,entities,referenced_tweets,in_reply_to_user_id,note_tweet,attachments',
  'expansions=attachments.media_keys',
  'media.fields=alt_text,type',
].join('&');

/** An X account's timeline over API v2; needs X_BEARER_TOKEN. */
export const xApi: AccountSource = {
  id: 'x',
  description: 'an X account over API v2: x:handle (needs X_BEARER_TOKEN; --x-api-base or PRESENCE_X_API_BASE to change the base)',
  async load(target, options) {
    const spec = `x:${target}`;
    const token = options.env.X_BEARER_TOKEN;
    if (!token) throw usageError(`${spec}: reading X needs an API bearer token`, 'set X_BEARER_TOKEN in the environment');
    const base = (options.services.xApi ?? options.env.PRESENCE_X_API_BASE ?? X_API_BASE).replace(/\/+$/, '');
    const http = { source: spec, timeoutMs: options.timeoutMs, userAgent: options.userAgent, token, tokenOrigin: base, ...options.http };
    const handle = target.replace(/^@/, '');
    const user = ((await getJson(`${base}/2/users/by/username/${encodeURIComponent(handle)}`, http)).body as { data?: { id?: unknown } } | null)?.data;
    const userId = user?.id;
    if (typeof userId !== 'string' || !userId) throw networkError(spec, 'X did not return the account (no data.id)', 'check the handle');
    const collector = new LoadCollector(options);
    collector.account = handle;
    let nextPage: string | undefined;
    let read = 0;
    const pages = new PageCursors(spec);
    do {
      const max = Math.max(5, Math.min(100, options.limit - read));
      const { body } = await getJson(
        `${base}/2/users/${userId}/tweets?max_results=${max}&${FIELDS}${nextPage ? `&pagination_token=${encodeURIComponent(nextPage)}` : ''}`,
        http,
      );
      const page = body as { data?: unknown[]; includes?: unknown; meta?: { next_token?: unknown } } | null;
      if (page?.data !== undefined && !Array.isArray(page.data)) throw networkError(spec, 'unexpected answer: expected { data: [...] }');
      const includes = Includes.safeParse(page?.includes);
      if (!includes.success) throw networkError(spec, `unexpected answer: includes.${firstIssue(includes.error)}`);
      const media = new Map((includes.data?.media ?? []).map((m) => [m.media_key, m]));
      for (const value of page?.data ?? []) {
        if (read >= options.limit) break;
        read++;
        const where = { file: spec, record: read };
        const tweet = collector.parse(Tweet, value, where);
        if (tweet) collector.add(toPost(tweet, userId, handle, media, where));
      }
      options.progress?.(read, options.limit);
      nextPage = pages.next(page?.data?.length && typeof page.meta?.next_token === 'string' ? page.meta.next_token : undefined);
    } while (nextPage && read < options.limit);
    return collector.result();
  },
};

function toPost(tweet: Tweet, userId: string, handle: string, media: Map<string, MediaItem>, source: Post['source']): Post {
  let text = tweet.note_tweet?.text ?? tweet.text;
  const links: string[] = [];
  for (const url of tweet.entities?.urls ?? []) {
    if (!url.expanded_url) continue;
    text = text.split(url.url).join(url.expanded_url);
    links.push(url.expanded_url);
  }
  const refs = new Set((tweet.referenced_tweets ?? []).map((r) => r.type));
  const repliedTo = tweet.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
  const isOwn = tweet.in_reply_to_user_id === userId;
  const kind: Post['kind'] = refs.has('retweeted') ? 'repost' : repliedTo && !isOwn ? 'reply' : refs.has('quoted') ? 'quote' : 'post';
  const m = tweet.public_metrics;
  return {
    id: tweet.id,
    platform: 'x',
    author: handle,
    createdAt: tweet.created_at,
    text,
    links: links.map(toLink),
    hashtags: (tweet.entities?.hashtags ?? []).map((h) => h.tag),
    mentions: (tweet.entities?.mentions ?? []).map((h) => h.username),
    media: (tweet.attachments?.media_keys ?? []).map((key): Media => {
      const item = media.get(key);
      return {
        type: item?.type === 'photo' ? 'image' : item?.type === 'animated_gif' ? 'gif' : item?.type === 'video' ? 'video' : 'other',
        altText: item?.alt_text ?? '',
      };
    }),
    kind,
    ...(repliedTo && { replyTo: { id: repliedTo, isOwn, createdAt: snowflakeTime(repliedTo) } }),
    url: `https://x.com/${handle}/status/${tweet.id}`,
    ...(m &&
      kind !== 'repost' && {
        metrics: {
          likes: m.like_count ?? 0,
          reposts: m.retweet_count ?? 0,
          replies: m.reply_count ?? 0,
          quotes: m.quote_count ?? 0,
          ...(m.impression_count !== undefined && { impressions: m.impression_count }),
        },
      }),
    scheduled: false,
    source,
  };
}
