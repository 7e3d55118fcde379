import { Audit, type PostSummary } from '../../src/model/audit.js';
import { readAuditDocument } from '../../src/model/audit-document.js';
import type { Finding } from '../../src/model/finding.js';
import { habitsOf } from '../../src/engine/habits.js';
import { runCli } from './run-cli.js';

/** The audit a saved document (JSON text of version 1 or 2) reads as, as `presence report` reads it. */
export function auditOf(text: string): Audit {
  const { audit, problem } = readAuditDocument(JSON.parse(text));
  if (problem) throw new Error(`not a valid audit document: ${problem.path}: ${problem.message}`);
  return audit;
}

/** A real audit: the queue check of fixtures/queue/over-limit.csv against the bundled X archive. */
export async function checkAudit(): Promise<Audit> {
  const result = await runCli(['check', 'fixtures/queue/over-limit.csv', '--history', 'fixtures/x/archive.zip', '--queue-platform', 'x', '--format', 'json']);
  return auditOf(result.stdout);
}

/** Post text a reporter must never let act: markup, scripts, formulas, workflow commands, escapes. */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script> big news',
  '<img src=x onerror=alert(1)> look',
  '=HYPERLINK("http://evil.example","click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  'fine\n::error file=x,line=1::injected\n%0A::warning::also injected',
  '\u001b[31mred\u001b[0m and \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007',
  'bidi \u202eevil\u202c text',
  '[click](javascript:alert(1)) | table | break ![img](http://evil.example/x.png) # heading',
  '🎉'.repeat(10_000),
];

/** An audit whose posts carry hostile text, with a javascript: permalink, for every reporter. */
export function hostileAudit(base: Audit): Audit {
  const findings: Finding[] = HOSTILE_TEXTS.map((text, i) => ({
    // A rule each, so that every hostile text is shown rather than gathered under one habit's few examples.
    rule: `link-blasting/hostile-${i}`,
    family: 'link-blasting',
    level: (['error', 'warning', 'suggestion'] as const)[i % 3]!,
    bucket: 'delete',
    scope: 'post',
    message: `Finding about ${text}`,
    data: { value: i },
    post: {
      id: `h${i}`,
      platform: 'x',
      url: i === 0 ? 'javascript:alert(1)' : `https://x.com/northwindlamps/status/${1000 + i}`,
      createdAt: '2024-06-17T09:30:00.000Z',
      excerpt: text,
      source: { file: 'fixtures/queue/hostile.csv', line: i + 1 },
    },
  }));
  const posts: PostSummary[] = findings.map((f) => ({
    id: f.post!.id,
    platform: 'x',
    kind: 'post',
    createdAt: f.post!.createdAt,
    url: f.post!.url,
    classes: [],
    source: f.post!.source,
    scheduled: true,
  }));
  const audit = Audit.parse({ ...base, findings: [...findings, ...base.findings], posts: [...base.posts, ...posts] });
  return { ...audit, habits: habitsOf(audit) };
}
