import { networkError } from '../../errors.js';
import { FeedViewPost, postFromFeedViewPost } from '../formats/bluesky-feed-json.js';
import { LoadCollector, type AccountSource } from '../source.js';
import { getJson, PageCursors } from './http.js';

export const BLUESKY_SERVICE = 'https://public.api.bsky.app';

/** A Bluesky account's author feed from the public AppView, page by page with its cursor. */
export const blueskyApi: AccountSource = {
  id: 'bluesky',
  description: 'a Bluesky account over the public AppView: bluesky:handle (--bluesky-service or PRESENCE_BLUESKY_SERVICE to change it)',
  async load(target, options) {
    const spec = `bluesky:${target}`;
    const service = (options.services.bluesky ?? options.env.PRESENCE_BLUESKY_SERVICE ?? BLUESKY_SERVICE).replace(/\/+$/, '');
    const handle = target.replace(/^@/, '');
    const collector = new LoadCollector(options);
    collector.account = handle;
    let cursor: string | undefined;
    let read = 0;
    const pages = new PageCursors(spec);
    do {
      const limit = Math.min(100, options.limit - read);
      const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const url = `${service}/xrpc/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(handle)}&limit=${limit}${after}`;
      const { body } = await getJson(url, { source: spec, timeoutMs: options.timeoutMs, userAgent: options.userAgent, ...options.http });
      const page = body as { feed?: unknown[]; cursor?: string };
      if (!Array.isArray(page?.feed)) throw networkError(spec, 'unexpected answer: expected { feed: [...] }');
      for (const item of page.feed) {
        if (read >= options.limit) break;
        read++;
        const where = { file: spec, record: read };
        const valid = collector.parse(FeedViewPost, item, where);
        if (valid) collector.add(postFromFeedViewPost(valid, handle, where));
      }
      options.progress?.(read, options.limit);
      cursor = pages.next(page.feed.length && typeof page.cursor === 'string' ? page.cursor : undefined);
    } while (cursor && read < options.limit);
    return collector.result();
  },
};
