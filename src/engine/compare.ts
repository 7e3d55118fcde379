import type { Audit, Comparison } from '../model/audit.js';
import { fingerprint } from '../model/fingerprint.js';

/** Before and after: score changes per family, and which findings were fixed, are new, or remain. */
export function compareAudits(current: Audit, previous: Audit): Comparison {
  const problems = (audit: Audit) => audit.findings.filter((f) => f.bucket !== 'keep');
  const before = new Map(problems(previous).map((f) => [fingerprint(f), f]));
  const after = new Map(problems(current).map((f) => [fingerprint(f), f]));
  const families = [...new Set([...Object.keys(previous.scores.byFamily), ...Object.keys(current.scores.byFamily)])].sort();
  return {
    previous: { generatedAt: previous.generatedAt, from: previous.stats.from, to: previous.stats.to },
    overall: { before: previous.scores.overall, after: current.scores.overall },
    byFamily: Object.fromEntries(families.map((family) => [family, { before: previous.scores.byFamily[family], after: current.scores.byFamily[family] }])),
    fixed: [...before].filter(([key]) => !after.has(key)).map(([, f]) => f),
    new: [...after].filter(([key]) => !before.has(key)).map(([, f]) => f),
    remaining: [...after.keys()].filter((key) => before.has(key)).length,
  };
}
