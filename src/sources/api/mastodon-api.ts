import { networkError, usageError } from '../../errors.js';
import type { Media, Post } from '../../model/post.js';
import { htmlToText } from '../../text/html-to-text.js';
import { toLink } from '../../text/links.js';
import { LoadCollector, type AccountSource } from '../source.js';
import { getJson, PageCursors, samePageOrigin, type HttpOptions } from './http.js';

interface Status {
  id: string;
  created_at: string;
  url?: string | null;
  uri?: string;
  content?: string;
  spoiler_text?: string;
  visibility?: string;
  in_reply_to_id?: string | null;
  in_reply_to_account_id?: string | null;
  reblog?: Status | null;
  media_attachments?: { type?: string; description?: string | null }[];
  tags?: { name: string }[];
  mentions?: { acct: string }[];
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
  quotes_count?: number;
}

/** `@user@host`, `user@host` or `https://host/@user` → the server's origin and the account. */
export function parseMastodonTarget(target: string): { origin: string; acct: string } {
  const url = /^(https?:\/\/[^/]+)\/@([^/@]+)\/?$/.exec(target);
  if (url) return { origin: url[1]!, acct: url[2]! };
  const handle = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(target);
  if (handle) return { origin: `https://${handle[2]}`, acct: handle[1]! };
  throw usageError(`mastodon: expects @user@server or https://server/@user; got "${target}"`);
}

/** A Mastodon account over its REST API: lookup, then its statuses page by page (Link headers). */
export const mastodonApi: AccountSource = {
  id: 'mastodon',
  description: 'a Mastodon account over the API: mastodon:@user@server (MASTODON_TOKEN used where set)',
  async load(target, options) {
    const spec = `mastodon:${target}`;
    const { origin, acct } = parseMastodonTarget(target);
    const http: HttpOptions = { source: spec, timeoutMs: options.timeoutMs, userAgent: options.userAgent, token: options.env.MASTODON_TOKEN, tokenOrigin: origin, tokenHint: 'set MASTODON_TOKEN in the environment', ...options.http };
    const account = (await getJson(`${origin}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`, http)).body as { id?: string; acct?: string };
    if (!account?.id) throw networkError(spec, 'unexpected answer to the account lookup (no id)');
    const handle = `${acct}@${new URL(origin).host}`;
    const collector = new LoadCollector(options);
    collector.account = handle;
    let next: string | undefined = `${origin}/api/v1/accounts/${account.id}/statuses?limit=${Math.min(40, options.limit)}`;
    let read = 0;
    const pages = new PageCursors(spec);
    while (next && read < options.limit) {
      const { body, headers } = await getJson(next, http);
      if (!Array.isArray(body)) throw networkError(spec, 'unexpected answer: expected a list of statuses');
      for (const status of body as Status[]) {
        if (read >= options.limit) break;
        read++;
        const post = toPost(status, account.id, handle, { file: spec, record: read });
        if (typeof post === 'string') post.startsWith('skip:') ? collector.skip({ file: spec, record: read }, post.slice(5)) : collector.exclude(post);
        else collector.add(post);
      }
      options.progress?.(read, options.limit);
      next = pages.next(samePageOrigin(body.length ? /<([^>]+)>;\s*rel="next"/.exec(headers.link ?? '')?.[1] : undefined, origin, spec));
    }
    return collector.result();
  },
};

function toPost(status: Status, accountId: string, handle: string, source: Post['source']): Post | string {
  if (!status?.id || !status.created_at || Number.isNaN(Date.parse(status.created_at))) return 'skip:expected a status with id and created_at';
  if (status.visibility === 'direct') return 'direct message';
  const base = { platform: 'mastodon' as const, author: handle, createdAt: new Date(status.created_at).toISOString(), scheduled: false, source };
  if (status.reblog) return { ...base, id: status.id, kind: 'repost', text: '', links: [], hashtags: [], mentions: [], media: [], ...(status.reblog.url && { url: status.reblog.url }) };
  const { text, links } = htmlToText(status.content ?? '');
  const isOwnReply = status.in_reply_to_account_id === accountId;
  const media: Media[] = (status.media_attachments ?? []).map((m) => ({ type: m.type === 'image' ? 'image' : m.type === 'video' ? 'video' : m.type === 'gifv' ? 'gif' : m.type === 'audio' ? 'audio' : 'other', altText: m.description ?? '' }));
  return {
    ...base,
    id: status.id,
    kind: status.in_reply_to_id && !isOwnReply ? 'reply' : 'post',
    text: status.spoiler_text ? `${status.spoiler_text}\n\n${text}` : text,
    links: links.map(toLink),
    hashtags: (status.tags ?? []).map((t) => t.name),
    mentions: (status.mentions ?? []).map((m) => m.acct),
    media,
    ...(status.in_reply_to_id && { replyTo: { id: status.in_reply_to_id, isOwn: isOwnReply } }),
    ...(status.url && { url: status.url }),
    metrics: { replies: status.replies_count ?? 0, reposts: status.reblogs_count ?? 0, likes: status.favourites_count ?? 0, ...(status.quotes_count !== undefined && { quotes: status.quotes_count }) },
  };
}
