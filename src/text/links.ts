import { lazy } from '../lazy.js';
import type { Link } from '../model/post.js';

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
  return `${hostOf(url)}${url.port ? `:${url.port}` : ''}${pathname}${query}`;
}

/** URLs written in plain text (for sources that give no link entities). */
export function findUrls(text: string): string[] {
  return [...text.matchAll(URL_IN_TEXT)].map((match) => match[0].replace(/[.,;:!?)\]'"]+$/, ''));
}
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi;
