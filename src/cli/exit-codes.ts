import type { LevelName as Level } from '../model/names.js';
import type { Audit } from '../model/audit.js';
import { failsGate } from '../model/gate.js';
import { count } from '../plural.js';

/** The one place exit codes are defined; README and --help quote these. */
export const EXIT = {
  /** Nothing at or above the fail level, and no more warnings than allowed. */
  ok: 0,
  /** Findings at or above --fail-on, or more warnings than --max-warnings. */
  findings: 1,
  /** Usage, configuration or input error (one line on stderr). */
  error: 2,
} as const;

export interface GatePolicy {
  failOn: Level;
  /** Undefined: no limit. */
  maxWarnings?: number;
}

export interface GateResult {
  exitCode: number;
  /** Why the gate failed, for a closing line on stderr. */
  reason?: string;
}

/** Decides the exit code from the findings, as failsGate counts them. */
export function gate(findings: Audit['findings'], policy: GatePolicy): GateResult {
  const failing = findings.filter((f) => failsGate(f, policy.failOn)).length;
  if (failing > 0) return { exitCode: EXIT.findings, reason: `${count(failing, 'finding')} at or above ${policy.failOn}` };
  const warnings = findings.filter((f) => f.level === 'warning' && failsGate(f, 'warning')).length;
  if (policy.maxWarnings !== undefined && warnings > policy.maxWarnings) {
    return { exitCode: EXIT.findings, reason: `${count(warnings, 'warning')}, more than --max-warnings ${policy.maxWarnings}` };
  }
  return { exitCode: EXIT.ok };
}
