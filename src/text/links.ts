import { lazy } from '../lazy.js';
import type { Link } from '../model/post.js';
import { URL_WITH_SCHEME } from './url-patterns.js';

const tldts = lazy<typeof import('tldts')>('tldts');

/** Query parameters that only track a click; two links differing only in these go to the same page. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|ref_url|s|si|_hsenc|_hsmi)$/i;

/** A post link from any URL string; tolerant of a missing scheme (`northwind.example/x`). */
export function toLink(raw: string): Link {
  const url = parseUrl(raw);
  return { url: url ? url.href : raw, domain: url ? hostOf(url) : raw.toLowerCase() };
}

export function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return undefined;
  }
}

/** Lower-case host without a leading `www.`. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** The registrable domain (`blog.northwind.example` → `northwind.example`), or the host itself. */
export function registrableDomain(host: string): string {
  return tldts().getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** True when `host` is `domain` or one of its subdomains. */
export function isHostWithin(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 0x2e);
}

/**
 * One canonical form per destination, so the same page shared with other tracking
 * parameters, a trailing slash or `www.` counts as the same link.
 */
export function normalizeUrl(raw: string): string {
  const url = parseUrl(raw);
  if (!url) return raw.trim().toLowerCase();
  const params = [...url.searchParams].filter(([key]) => !TRACKING_PARAMS.test(key)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const pathname = url.pathname.replace(/\/+$/, '') || '';
  // A `#!` fragment is the page itself on sites of the hashbang era (twitter.com/#!/someone/status/…), not a place on it.
  const hashbang = url.hash.startsWith('#!') ? url.hash.replace(/\/+$/, '') : '';
  return `${hostOf(url)}${url.port ? `:${url.port}` : ''}${pathname}${query}${hashbang}`;
}

/** URLs written in plain text (for sources that give no link entities), each once, in order. */
export function findUrls(text: string): string[] {
  const urls = new Set<string>();
  for (const [match] of text.matchAll(URL_WITH_SCHEME)) {
    // Markdown's [label](url) puts one URL straight after another: "…/x](https://…/x)".
    for (const part of match.split('](')) {
      const url = trimUrl(part);
      if (/^https?:\/\/./i.test(url)) urls.add(url);
    }
  }
  return [...urls];
}

const TRAILING_PUNCTUATION = /[.,;:!?'"\]]+$/;

/** Punctuation after a URL is the sentence's; a `)` is the URL's only when it closes a `(` inside it (Chappie_(film)). */
function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  while (url.endsWith(')') && url.split('(').length < url.split(')').length) url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  return url;
}

/** The social networks themselves: a link there is a post or a profile, not a page of anyone's own site. */
const NETWORK_HOSTS = [
  'x.com',
  'twitter.com',
  't.co',
  'facebook.com',
  'fb.com',
  'fb.me',
  'instagram.com',
  'linkedin.com',
  'lnkd.in',
  'threads.net',
  'threads.com',
  'bsky.app',
  'bsky.social',
];

/** Where a brand's handle sits in a profile URL, on each network (and video site) with profiles at one address. */
export const PROFILE_PATHS: Readonly<Record<string, (handle: string) => RegExp>> = {
  'facebook.com': (h) => new RegExp(`^/${h}/?$`, 'i'),
  'instagram.com': (h) => new RegExp(`^/${h}/?$`, 'i'),
  'threads.net': (h) => new RegExp(`^/@${h}/?$`, 'i'),
  'threads.com': (h) => new RegExp(`^/@${h}/?$`, 'i'),
  'linkedin.com': (h) => new RegExp(`^/(?:company|in)/${h}/?$`, 'i'),
  'x.com': (h) => new RegExp(`^/${h}/?$`, 'i'),
  'twitter.com': (h) => new RegExp(`^/${h}/?$`, 'i'),
  'tiktok.com': (h) => new RegExp(`^/@${h}/?$`, 'i'),
  'youtube.com': (h) => new RegExp(`^/(?:@|c/|user/)${h}/?$`, 'i'),
  'bsky.app': (h) => new RegExp(`^/profile/${h}(?:\\.bsky\\.social)?/?$`, 'i'),
};

/** Never a brand's own site: the networks, every site with profiles, link-in-bio pages, shorteners, Mastodon's big servers. */
const NOT_OWN_HOSTS = [
  ...new Set([
    ...NETWORK_HOSTS,
    ...Object.keys(PROFILE_PATHS),
    'youtu.be',
    'pinterest.com',
    'tumblr.com',
    'reddit.com',
    'snapchat.com',
    'whatsapp.com',
    'linktr.ee',
    'bit.ly',
    'buff.ly',
    'ow.ly',
    'goo.gl',
    'tinyurl.com',
    'joinmastodon.org',
    'mastodon.social',
  ]),
];

export function isNetworkHost(domain: string): boolean {
  return NETWORK_HOSTS.some((host) => isHostWithin(domain, host));
}

/**
 * Picture hosts: a link there is nearly always the author's own picture, uploaded where a network
 * once took no images (a screenshot on Gyazo, a photo on TwitPic), not someone else's work.
 */
const PICTURE_HOSTS = ['gyazo.com', 'imgur.com', 'prnt.sc', 'prntscr.com', 'twitpic.com', 'yfrog.com', 'tinypic.com', 'ibb.co', 'postimg.cc'];

export function isPictureHost(domain: string): boolean {
  return PICTURE_HOSTS.some((host) => isHostWithin(domain, host));
}

/** A host that can never be a brand's own site, whoever links it. */
export function isNeverOwn(domain: string): boolean {
  return NOT_OWN_HOSTS.some((host) => isHostWithin(domain, host)) || /(?:^|\.)mastodon\.[a-z]+$/.test(domain);
}

/**
 * The hosts of a profile's links that can be the brand's own sites (lower-case, no `www.`), in the order given.
 * A `/@name` path is a profile on some other network, wherever it is hosted.
 */
export function ownSites(urls: Iterable<string>, notOwn: readonly string[] = []): string[] {
  const sites = new Set<string>();
  for (const raw of urls) {
    const url = /^https?:\/\//i.test(raw) ? parseUrl(raw) : undefined;
    if (!url || url.pathname.startsWith('/@')) continue;
    const host = hostOf(url);
    if (host && !isNeverOwn(host) && !notOwn.some((other) => isHostWithin(host, other))) sites.add(host);
  }
  return [...sites];
}
