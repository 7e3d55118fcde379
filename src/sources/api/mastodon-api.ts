import { z } from 'zod';
import { networkError, usageError } from '../../errors.js';
import type { Media, Post } from '../../model/post.js';
import { htmlToText } from '../../text/html-to-text.js';
import { botDeclaration, MASTODON_BOT } from '../read/bot-profile.js';
import { toLink } from '../../text/links.js';
import { Count, LoadCollector, TextTime, type AccountSource } from '../source.js';
import { getJson, PageCursors, samePageOrigin, type HttpOptions } from './http.js';

/** A status as the API sends it, checked for every field read of it; Mastodon writes null for what a status does not have. */
const Status = z.object({
  id: z.string().min(1),
  created_at: TextTime,
  url: z.string().nullish(),
  content: z.string().nullish(),
  spoiler_text: z.string().nullish(),
  visibility: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  in_reply_to_account_id: z.string().nullish(),
  // A boost is the booster's own record; of the boosted status only its address is read.
  reblog: z.object({ url: z.string().nullish() }).nullish(),
  media_attachments: z.array(z.object({ type: z.string().nullish(), description: z.string().nullish() })).nullish(),
  tags: z.array(z.object({ name: z.string() })).nullish(),
  mentions: z.array(z.object({ acct: z.string() })).nullish(),
  replies_count: Count.optional(),
  reblogs_count: Count.optional(),
  favourites_count: Count.optional(),
  quotes_count: Count.optional(),
});
type Status = z.infer<typeof Status>;

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
    const http: HttpOptions = {
      source: spec,
      timeoutMs: options.timeoutMs,
      userAgent: options.userAgent,
      token: options.env.MASTODON_TOKEN,
      tokenOrigin: origin,
      tokenHint: 'set MASTODON_TOKEN in the environment',
      ...options.http,
    };
    const account = (await getJson(`${origin}/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`, http)).body as {
      id?: unknown;
      bot?: unknown;
      note?: unknown;
    } | null;
    const accountId = account?.id;
    if (typeof accountId !== 'string' || !accountId) throw networkError(spec, 'unexpected answer to the account lookup (no id)');
    const handle = `${acct}@${new URL(origin).host}`;
    const collector = new LoadCollector(options);
    collector.account = handle;
    collector.bot = account?.bot === true ? MASTODON_BOT : botDeclaration(typeof account?.note === 'string' ? htmlToText(account.note).text : undefined);
    let next: string | undefined = `${origin}/api/v1/accounts/${accountId}/statuses?limit=${Math.min(40, options.limit)}`;
    let read = 0;
    const pages = new PageCursors(spec);
    while (next && read < options.limit) {
      const { body, headers } = await getJson(next, http);
      if (!Array.isArray(body)) throw networkError(spec, 'unexpected answer: expected a list of statuses');
      for (const value of body) {
        if (read >= options.limit) break;
        read++;
        const where = { file: spec, record: read };
        const status = collector.parse(Status, value, where);
        if (!status) continue;
        if (status.visibility === 'direct') collector.exclude('direct message');
        else collector.add(toPost(status, accountId, handle, where));
      }
      options.progress?.(read, options.limit);
      next = pages.next(samePageOrigin(body.length ? /<([^>]+)>;\s*rel="next"/.exec(headers.link ?? '')?.[1] : undefined, origin, spec));
    }
    return collector.result();
  },
};

function toPost(status: Status, accountId: string, handle: string, source: Post['source']): Post {
  const base = { platform: 'mastodon' as const, author: handle, createdAt: status.created_at, scheduled: false, source };
  if (status.reblog)
    return {
      ...base,
      id: status.id,
      kind: 'repost',
      text: '',
      links: [],
      hashtags: [],
      mentions: [],
      media: [],
      ...(status.reblog.url && { url: status.reblog.url }),
    };
  const { text, links } = htmlToText(status.content ?? '');
  const isOwnReply = status.in_reply_to_account_id === accountId;
  const media: Media[] = (status.media_attachments ?? []).map((m) => ({
    type: m.type === 'image' ? 'image' : m.type === 'video' ? 'video' : m.type === 'gifv' ? 'gif' : m.type === 'audio' ? 'audio' : 'other',
    altText: m.description ?? '',
  }));
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
    metrics: {
      replies: status.replies_count ?? 0,
      reposts: status.reblogs_count ?? 0,
      likes: status.favourites_count ?? 0,
      ...(status.quotes_count !== undefined && { quotes: status.quotes_count }),
    },
  };
}
