import type { Finding } from './finding.js';

/**
 * A finding's identity across runs: its rule, its platform and, for a post finding, a hash of
 * the post's text. Not the line or the record: those move when a queue or an export is edited.
 */
export function fingerprint(finding: Pick<Finding, 'rule' | 'platform' | 'post'>): string {
  const platform = finding.platform ?? finding.post?.platform ?? '';
  const text = finding.post ? hash(finding.post.excerpt.toLowerCase().replace(/\s+/g, ' ').trim()) : '';
  return `${finding.rule}|${platform}|${text}`;
}

/** 64-bit FNV-1a as 16 hex digits: stable, dependency-free, plenty for telling findings apart. */
export function hash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}
