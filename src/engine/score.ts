import type { Finding } from '../model/finding.js';
import { ACCOUNT_COST, POST_COST } from '../model/scoring.js';

/**
 * Each family starts at 100, loses ACCOUNT_COST per account finding and
 * 100 × ΣPOST_COST ÷ posts for its post findings, floored at 0. The overall score is the
 * mean of the families that had rules running. "Keep doing" lines cost nothing.
 */
export function scoreFamilies(findings: readonly Finding[], families: readonly string[], posts: number): { overall: number; byFamily: Record<string, number> } {
  const penalty = new Map(families.map((family) => [family, 0]));
  for (const finding of findings) {
    if (finding.bucket === 'keep') continue;
    const cost = finding.scope === 'account' ? ACCOUNT_COST[finding.level] : (100 * POST_COST[finding.level]) / Math.max(posts, 1);
    penalty.set(finding.family, (penalty.get(finding.family) ?? 0) + cost);
  }
  const byFamily = Object.fromEntries([...penalty].sort(([a], [b]) => a.localeCompare(b)).map(([family, cost]) => [family, Math.max(0, Math.round(100 - cost))]));
  const values = Object.values(byFamily);
  const overall = values.length ? Math.round(values.reduce((sum, v) => sum + v, 0) / values.length) : 100;
  return { overall, byFamily };
}
