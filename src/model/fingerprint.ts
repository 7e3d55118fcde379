import { fnv64Hex } from '../fnv.js';
import type { Finding } from './finding.js';

/**
 * A finding's identity across runs: its rule, its platform and, for a post finding, a hash of
 * the post's text. Not the line or the record: those move when a queue or an export is edited.
 */
export function fingerprint(finding: Pick<Finding, 'rule' | 'platform' | 'post'>): string {
  const platform = finding.platform ?? finding.post?.platform ?? '';
  const text = finding.post ? fnv64Hex(finding.post.excerpt.toLowerCase().replace(/\s+/g, ' ').trim()) : '';
  return `${finding.rule}|${platform}|${text}`;
}
