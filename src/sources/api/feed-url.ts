import { redactSecrets } from '../../model/source-spec.js';
import { parseFeed } from '../formats/feed.js';
import type { AccountSource } from '../source.js';
import { get } from './http.js';

/** An RSS or Atom feed over HTTP: feed:https://… */
export const feedUrl: AccountSource = {
  id: 'feed',
  description: 'an RSS or Atom feed over HTTP: feed:https://…',
  async load(target, options) {
    const spec = redactSecrets(`feed:${target}`);
    const response = await get(target, { source: spec, timeoutMs: options.timeoutMs, userAgent: options.userAgent, ...options.http });
    const result = parseFeed(response.text, spec, options);
    const posts = result.posts.slice(0, options.limit);
    options.progress?.(posts.length, options.limit);
    return { ...result, posts };
  },
};
