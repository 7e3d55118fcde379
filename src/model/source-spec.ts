/** `mastodon:…`, `bluesky:…`, `x:…` and `feed:http…` name accounts read over HTTP, not files. */
export const isAccountSpec = (spec: string): boolean => /^(?:mastodon|bluesky|x):|^feed:https?:\/\//.test(spec);
