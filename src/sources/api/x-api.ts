import { networkError, usageError } from '../../errors.js';
import type { Media, Post } from '../../model/post.js';
import { toLink } from '../../text/links.js';
import { LoadCollector, type AccountSource } from '../source.js';
import { snowflakeTime } from '../x-tweet.js';
import { getJson, PageCursors } from './http.js';

export const X_API_BASE = 'https://api.x.com';

interface Tweet {
  id: string;
  text: string;
  created_at?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: 'replied_to' | 'retweeted' | 'quoted'; id: string }[];
  entities?: { urls?: { url: string; expanded_url?: string }[]; hashtags?: { tag: string }[]; mentions?: { username: string }[] };
  public_metrics?: { like_count?: number; retweet_count?: number; reply_count?: number; quote_count?: number; impression_count?: number };
  note_tweet?: { text?: string };
  attachments?: { media_keys?: string[] };
}

const FIELDS = 'tweet.fields=created_at,public_metrics,entities,referenced_tweets,in_reply_to_user_id,note_tweet,attachments&expansions=attachments.media_keys&media.fields=alt_text,type';

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
    const user = ((await getJson(`${base}/2/users/by/username/${encodeURIComponent(handle)}`, http)).body as { data?: { id?: string } }).data;
    if (!user?.id) throw networkError(spec, 'X did not return the account (no data.id)', 'check the handle');
    const collector = new LoadCollector(options);
    collector.account = handle;
    let nextPage: string | undefined;
    let read = 0;
    const pages = new PageCursors(spec);
    do {
      const max = Math.max(5, Math.min(100, options.limit - read));
      const { body } = await getJson(`${base}/2/users/${user.id}/tweets?max_results=${max}&${FIELDS}${nextPage ? `&pagination_token=${encodeURIComponent(nextPage)}` : ''}`, http);
      const page = body as { data?: Tweet[]; includes?: { media?: { media_key: string; type?: string; alt_text?: string }[] }; meta?: { next_token?: string } };
      if (page?.data !== undefined && !Array.isArray(page.data)) throw networkError(spec, 'unexpected answer: expected { data: [...] }');
      const media = new Map((page.includes?.media ?? []).map((m) => [m.media_key, m]));
      for (const tweet of page.data ?? []) {
        if (read >= options.limit) break;
        read++;
        if (!tweet?.id || !tweet.created_at) {
          collector.skip({ file: spec, record: read }, 'expected a post with id and created_at');
          continue;
        }
        collector.add(toPost(tweet, user.id, handle, media, { file: spec, record: read }));
      }
      options.progress?.(read, options.limit);
      nextPage = pages.next(page.data?.length && typeof page.meta?.next_token === 'string' ? page.meta.next_token : undefined);
    } while (nextPage && read < options.limit);
    return collector.result();
  },
};

function toPost(tweet: Tweet, userId: string, handle: string, media: Map<string, { type?: string; alt_text?: string }>, source: Post['source']): Post {
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
    createdAt: new Date(tweet.created_at!).toISOString(),
    text,
    links: links.map(toLink),
    hashtags: (tweet.entities?.hashtags ?? []).map((h) => h.tag),
    mentions: (tweet.entities?.mentions ?? []).map((h) => h.username),
    media: (tweet.attachments?.media_keys ?? []).map((key): Media => {
      const item = media.get(key);
      return { type: item?.type === 'photo' ? 'image' : item?.type === 'animated_gif' ? 'gif' : item?.type === 'video' ? 'video' : 'other', altText: item?.alt_text ?? '' };
    }),
    kind,
    ...(repliedTo && { replyTo: { id: repliedTo, isOwn, createdAt: snowflakeTime(repliedTo) } }),
    url: `https://x.com/${handle}/status/${tweet.id}`,
    ...(m && kind !== 'repost' && { metrics: { likes: m.like_count ?? 0, reposts: m.retweet_count ?? 0, replies: m.reply_count ?? 0, quotes: m.quote_count ?? 0, ...(m.impression_count !== undefined && { impressions: m.impression_count }) } }),
    scheduled: false,
    source,
  };
}
