import type { AccountSource } from '../source.js';
import { blueskyApi } from './bluesky-api.js';
import { feedUrl } from './feed-url.js';
import { mastodonApi } from './mastodon-api.js';
import { xApi } from './x-api.js';

/** Sources read over HTTP, by the scheme before the colon. */
export const accountSources: readonly AccountSource[] = [mastodonApi, blueskyApi, xApi, feedUrl];

/** The account source a SOURCE names, if it names one (`feed:` only with an http(s) URL, else it is a file). */
export function accountSourceFor(spec: string): { source: AccountSource; target: string } | undefined {
  const match = /^([a-z]+):(.+)$/.exec(spec);
  const source = match && accountSources.find((s) => s.id === match[1]);
  if (!source || (source.id === 'feed' && !/^https?:\/\//.test(match[2]!))) return undefined;
  return { source, target: match[2]! };
}
