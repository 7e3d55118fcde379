import type { Habit } from '../model/audit.js';
import { ACCOUNT_COST, POST_COST } from '../model/scoring.js';

/**
 * Each family starts at 100 and loses ACCOUNT_COST for each account habit, and for each post habit
 * POST_COST × the share (%) of the platform's posts it touches, never more than an account habit of
 * its level: a habit weighs by its reach, not by how many findings it gathers. Floored at 0; the
 * overall score is the mean of the families that had rules running. "Keep doing" lines cost nothing.
 */
export function scoreFamilies(habits: readonly Habit[], families: readonly string[]): { overall: number; byFamily: Record<string, number> } {
  const penalty = new Map(families.map((family) => [family, 0]));
  for (const habit of habits) {
    const cost = habit.scope === 'account' ? ACCOUNT_COST[habit.level] : Math.min(ACCOUNT_COST[habit.level], POST_COST[habit.level] * habit.share);
    penalty.set(habit.family, (penalty.get(habit.family) ?? 0) + cost);
  }
  const byFamily = Object.fromEntries(
    [...penalty].sort(([a], [b]) => a.localeCompare(b)).map(([family, cost]) => [family, Math.max(0, Math.round(100 - cost))]),
  );
  const values = Object.values(byFamily);
  const overall = values.length ? Math.round(values.reduce((sum, v) => sum + v, 0) / values.length) : 100;
  return { overall, byFamily };
}
