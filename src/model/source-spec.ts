import { URL_TO_REDACT } from '../text/url-patterns.js';

/** `mastodon:…`, `bluesky:…`, `x:…` and `feed:http…` name accounts read over HTTP, not files. */
export const isAccountSpec = (spec: string): boolean => /^(?:mastodon|bluesky|x):|^feed:https?:\/\//.test(spec);

/** Query parameters that carry credentials in feed and API URLs (`?token=`, `&api_key=`, signed `sig=`). */
const SECRET_PARAM = /^(?:.*(?:token|secret|password|passwd|api[-_]?key|apikey|auth|session)|key|sig|signature|code)$/i;

/**
 * A SOURCE as it may be shown and stored: a user name and password in a URL and the values of
 * credential-like query parameters become `***`, so they reach no error line, report or snapshot.
 */
export function redactSecrets(text: string): string {
  return text.replace(URL_TO_REDACT, (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return url;
    }
    if (parsed.username || parsed.password) {
      parsed.username = '***';
      parsed.password = '';
    }
    for (const key of [...parsed.searchParams.keys()]) if (SECRET_PARAM.test(key)) parsed.searchParams.set(key, '***');
    // URL serialises *** as %2A%2A%2A: shown plainly, they read as what they are.
    return parsed.href.replace(/%2A%2A%2A/g, '***');
  });
}
