import type { Audit } from '../model/audit.js';
import type { Finding, Level } from '../model/finding.js';
import { levelRank } from '../model/names.js';
import type { Post } from '../model/post.js';
import { fingerprint } from '../model/fingerprint.js';
import type { PostFacts } from '../text/facts.js';
import { runAudit, withHabits, type AuditInput } from './run.js';

export interface QueueGateInput extends Omit<AuditInput, 'posts' | 'judged' | 'measured'> {
  history: readonly Post[];
  queue: readonly Post[];
}

/**
 * Judges a scheduled queue: each queued post by the per-post rules, and the account-level rules
 * over history plus queue. An account finding that history alone already has, at the same level or
 * higher, is not the queue's doing: it is kept as a warning at most, marked `preexisting`, so it never
 * fails a gate. One the queue raises in level (a warning before, an error with the queue) is the queue's.
 */
export function gateQueue(input: QueueGateInput): Audit {
  const measured = new Map<Post, PostFacts>();
  const after = runAudit({ ...input, measured, posts: [...input.history, ...input.queue], judged: new Set(input.queue.map((post) => post.id)) });
  const problems = after.findings.filter((f) => f.bucket !== 'keep');
  // History alone is judged only by the account rules that found something with the queue.
  const fired = new Set(problems.filter((f) => f.scope === 'account').map((f) => f.rule));
  const accountRules = { ...input.ruleSet, rules: input.ruleSet.rules.filter((rule) => rule.kind.scope === 'account' && fired.has(rule.id)) };
  const before = fired.size ? runAudit({ ...input, measured, ruleSet: accountRules, posts: input.history, judged: new Set() }) : undefined;
  const levelBefore = new Map(before?.findings.filter((f) => f.scope === 'account' && f.bucket !== 'keep').map((f) => [fingerprint(f), f.level]));
  const findings = problems.map((f): Finding => {
    const was = f.scope === 'account' ? levelBefore.get(fingerprint(f)) : undefined;
    if (was === undefined) return f;
    return levelRank(was) >= levelRank(f.level) ? downgrade(f) : raised(f, was);
  });
  return withHabits({ ...after, findings: findings.sort(byFileAndLine) });
}

function raised(finding: Finding, was: Level): Finding {
  return {
    ...finding,
    data: { ...finding.data, levelBefore: was },
    message: `${finding.message} (${article(was)} before this queue: the queue makes it ${article(finding.level)})`,
  };
}

function article(level: Level): string {
  return `${level === 'error' ? 'an' : 'a'} ${level}`;
}

function downgrade(finding: Finding): Finding {
  return {
    ...finding,
    level: finding.level === 'error' ? 'warning' : finding.level,
    data: { ...finding.data, preexisting: true },
    message: `${finding.message} (already so before this queue)`,
  };
}

/** Queue findings read in file order: post findings by file and line, then account findings. */
function byFileAndLine(a: Finding, b: Finding): number {
  const place = (f: Finding) => (f.post ? ([0, f.post.source.file, f.post.source.line ?? f.post.source.record ?? 0] as const) : ([1, '', 0] as const));
  const [ka, fa, la] = place(a);
  const [kb, fb, lb] = place(b);
  return ka - kb || fa.localeCompare(fb) || la - lb || a.rule.localeCompare(b.rule) || (a.platform ?? '').localeCompare(b.platform ?? '');
}
