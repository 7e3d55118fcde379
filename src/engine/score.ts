import type { Finding, Level } from '../model/finding.js';

/** Points an account-level finding costs its family. */
const ACCOUNT_COST: Record<Level, number> = { error: 25, warning: 15, suggestion: 5 };
/** Points a post finding costs, before dividing by the posts audited (so a big account is not punished for size). */
const POST_COST: Record<Level, number> = { error: 1, warning: 0.5, suggestion: 0.2 };

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
