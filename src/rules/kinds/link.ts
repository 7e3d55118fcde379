import { z } from 'zod';
import { isHostWithin, parseUrl, PROFILE_PATHS } from '../../text/links.js';
import type { BrandContext } from '../brand-context.js';
import type { PostFacts } from '../../text/facts.js';
import { definePostKind } from './define-kind.js';

/** `goo.gl/maps/x` from `https://www.goo.gl/maps/x?y`: the host without www., then the path. */
function hostAndPath(url: string): string {
  const parsed = parseUrl(url);
  return parsed ? `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname}`.toLowerCase() : url.toLowerCase();
}

/** Link checks: destinations on a listed set of domains, or links to the brand's own social profiles. */
export const link = definePostKind({
  kind: 'link',
  description: 'checks where links go: listed domains (shorteners, aggregators) or the brand’s own profiles on other networks',
  params: z.object({
    check: z.enum(['domains', 'own-profile']),
    /** For `domains`: hosts whose links (and their subdomains' links) are flagged. */
    domains: z.array(z.string()).default([]),
    /** Hosts or host/path prefixes under those domains that are not flagged (maps.app.goo.gl still works). */
    except: z.array(z.string()).default([]),
  }),
  thresholds: ['check', 'domains'],
  compile(params, { brand }) {
    if (params.check === 'domains') {
      const domains = params.domains.map((d) => d.toLowerCase());
      const spared = params.except.map((e) => e.toLowerCase());
      const isSpared = (url: string, domain: string) => spared.some((e) => (e.includes('/') ? hostAndPath(url).startsWith(e) : isHostWithin(domain, e)));
      // A link inside what the post quotes (a manual "RT @someone: …") is the quoted account's choice, not the brand's.
      const isQuoted = (facts: PostFacts, url: string) =>
        facts.voiceText !== facts.post.text && facts.post.text.includes(url) && !facts.voiceText.includes(url);
      return (facts) => {
        const hit = facts.post.links.find((l) => domains.some((d) => isHostWithin(l.domain, d)) && !isSpared(l.url, l.domain) && !isQuoted(facts, l.url));
        return hit && { url: hit.url, domain: hit.domain };
      };
    }
    const handles = [...new Set(Object.values(brand.handles).map((h) => h!.split('@')[0]!.toLowerCase()))];
    if (handles.length === 0) return { notEvaluated: 'the brand profile names no handles' };
    return (facts) => {
      const hit = facts.post.links.find((l) => isOwnProfile(l.url, handles, brand));
      return hit && { url: hit.url, domain: hit.domain };
    };
  },
});

function isOwnProfile(raw: string, handles: readonly string[], brand: BrandContext): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  const host = url.hostname.replace(/^(?:www|m|mobile)\./, '');
  if (brand.domains.some((d) => isHostWithin(host, d))) return false;
  const path = PROFILE_PATHS[host];
  return path !== undefined && handles.some((h) => path(h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).test(url.pathname));
}
