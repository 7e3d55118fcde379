import { z } from 'zod';
import type { Finding } from '../model/finding.js';
import { fingerprint } from '../model/fingerprint.js';

/** Accepted findings: reviewed once, so that only new problems fail the gate. */
export const Baseline = z.object({
  presence: z.literal('baseline'),
  version: z.literal(1),
  findings: z.array(z.object({ fingerprint: z.string(), rule: z.string(), excerpt: z.string().optional() })),
});
export type Baseline = z.infer<typeof Baseline>;

export function makeBaseline(findings: readonly Finding[]): Baseline {
  const entries = new Map(
    findings
      .filter((f) => f.bucket !== 'keep')
      .map((f) => [fingerprint(f), { fingerprint: fingerprint(f), rule: f.rule, ...(f.post && { excerpt: f.post.excerpt }) }]),
  );
  return { presence: 'baseline', version: 1, findings: [...entries.values()].sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)) };
}

/** Splits findings into those the baseline does not cover and a count of those it does. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { findings: Finding[]; suppressed: number } {
  const accepted = new Set(baseline.findings.map((entry) => entry.fingerprint));
  const kept = findings.filter((f) => !accepted.has(fingerprint(f)));
  return { findings: kept, suppressed: findings.length - kept.length };
}
