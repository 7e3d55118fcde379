import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { formatWhere } from '../errors.js';
import type { Audit } from '../model/audit.js';
import type { Finding, Level } from '../model/finding.js';
import { terminalText } from './escape.js';
import {
  CHANGE_WORDS,
  EXAMPLES_PER_HABIT,
  findingChangeSummary,
  habitChangeSummary,
  habitReach,
  habitReachText,
  reportSections,
  shortDate,
  sourceName,
  windowNote,
  type HabitView,
} from './report-sections.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { count } from '../plural.js';

/** No rule between body rows: a score table reads as a list. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Rows shown per section in the terminal; the rest are counted and left to file formats. */
const ROWS_PER_SECTION = 25;

/** The terminal cleanup report: scores, then Stop / Fix / Delete / Keep doing. */
export const table: Reporter = {
  name: 'table',
  description: 'the cleanup report for a terminal (default)',
  extension: 'txt',
  render(audit, options) {
    const c = new Chalk({ level: options.color ? 1 : 0 });
    const lines: string[] = [...header(audit, options, c), '', ...scores(audit, c), '', ...comparison(audit, options, c)];
    for (const section of reportSections(audit)) {
      if (section.findings.length === 0) continue;
      // Keep-doing lines are findings of their own; every other section reads as habits.
      const items = section.bucket === 'keep' ? section.findings.map((f) => accountLine(f, c)) : section.habits.map((view) => habitLines(view, options, c));
      lines.push(c.bold(`${section.title.toUpperCase()} — ${section.summary} (${items.length})`));
      const shown = items.slice(0, ROWS_PER_SECTION);
      for (const item of shown) lines.push(...item);
      const hidden = items.length - shown.length;
      if (hidden > 0) lines.push(c.dim(`  … and ${hidden} more; --format markdown, json or csv lists them all`));
      lines.push('');
    }
    if (audit.findings.length === 0) lines.push(c.green('No findings: nothing to stop, fix or delete.'), '');
    if (audit.notEvaluated.length) {
      lines.push(c.dim('Not evaluated:'));
      for (const item of audit.notEvaluated) lines.push(c.dim(`  ${item.rule}${item.platform ? ` (${item.platform})` : ''}: ${item.reason}`));
      lines.push('');
    }
    return `${lines.join('\n')}\n`;
  },
};

function header(audit: Audit, options: ReporterOptions, c: ChalkInstance): string[] {
  const name = options.brandName ?? audit.brand.name;
  const { stats } = audit;
  const period = stats.from && stats.to ? ` · ${shortDate(stats.from, options.timeZone)} → ${shortDate(stats.to, options.timeZone)}` : '';
  const platforms = Object.entries(stats.byPlatform)
    .map(([p, n]) => `${p} ${n}`)
    .join(', ');
  const kinds = Object.entries(stats.byKind)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => count(n, k))
    .join(', ');
  const lines = [
    c.bold(`${name ? `${terminalText(name)} — ` : ''}social presence audit`),
    `${count(stats.posts, 'post')}${period}${platforms ? ` · ${platforms}` : ''}${kinds ? ` · ${kinds}` : ''}`,
  ];
  const window = windowNote(audit);
  if (window) lines.push(c.dim(`  ${window}`));
  for (const source of audit.sources) {
    const excluded = Object.entries(source.excluded).map(([why, n]) => `${count(n, why)} left out`);
    const skipped = source.skipped ? [`${count(source.skipped, 'malformed record')} skipped`] : [];
    const notes = [...excluded, ...skipped];
    const account = source.account ? `, ${terminalText(source.account)}` : '';
    const noted = notes.length ? `; ${notes.join(', ')}` : '';
    lines.push(c.dim(`  ${terminalText(sourceName(source.spec))} (${source.format}${account}): ${count(source.posts, 'post')}${noted}`));
  }
  return lines;
}

function scores(audit: Audit, c: ChalkInstance): string[] {
  const colour = (score: number) => (score >= 80 ? c.green : score >= 50 ? c.yellow : c.red);
  const counts = new Map<string, number>();
  for (const f of audit.findings) if (f.bucket !== 'keep') counts.set(f.family, (counts.get(f.family) ?? 0) + 1);
  const t = new Table({ head: ['family', 'score', 'findings'], style: { head: [], border: [] }, colAligns: ['left', 'right', 'right'], chars: COMPACT });
  for (const [family, score] of Object.entries(audit.scores.byFamily)) t.push([family, colour(score)(String(score)), String(counts.get(family) ?? 0)]);
  return [c.bold(`Score ${colour(audit.scores.overall)(String(audit.scores.overall))}/100`), t.toString()];
}

function comparison(audit: Audit, options: ReporterOptions, c: ChalkInstance): string[] {
  const change = audit.comparison;
  if (!change) return [];
  const delta = (before?: number, after?: number) =>
    before === undefined || after === undefined ? '' : after >= before ? c.green(`+${after - before}`) : c.red(String(after - before));
  const t = new Table({
    head: ['family', 'before', 'after', 'change'],
    style: { head: [], border: [] },
    colAligns: ['left', 'right', 'right', 'right'],
    chars: COMPACT,
  });
  t.push(['overall', String(change.overall.before ?? '–'), String(change.overall.after ?? '–'), delta(change.overall.before, change.overall.after)]);
  for (const [family, s] of Object.entries(change.byFamily)) t.push([family, String(s.before ?? '–'), String(s.after ?? '–'), delta(s.before, s.after)]);
  const lines = [c.bold(`Since the audit of ${shortDate(change.previous.generatedAt, options.timeZone)}: ${findingChangeSummary(change)}`), t.toString()];
  const habits = change.habits ?? [];
  if (habits.length) {
    const h = new Table({ head: ['habit', 'before', 'now', 'change'], style: { head: [], border: [] }, chars: COMPACT });
    const colour = (word: string) => (word === 'worse' || word === 'new' ? c.red(word) : word === 'better' || word === 'gone' ? c.green(word) : word);
    for (const x of habits)
      h.push([`${x.rule}${x.platform ? ` [${x.platform}]` : ''}`, habitReachText(x.before), habitReachText(x.after), colour(CHANGE_WORDS[x.change]!)]);
    lines.push(`${habitChangeSummary(habits)}${change.window ? ` (both: ${change.window})` : ''}`, h.toString());
  }
  for (const f of change.fixed.slice(0, ROWS_PER_SECTION)) lines.push(`  ${c.green('fixed')}  ${c.dim(f.rule)}  ${terminalText(f.post?.excerpt ?? f.message)}`);
  for (const f of change.new.slice(0, ROWS_PER_SECTION)) lines.push(`  ${c.red('new')}    ${c.dim(f.rule)}  ${terminalText(f.post?.excerpt ?? f.message)}`);
  return [...lines, ''];
}

const LEVEL_STYLE: Record<Level, (c: ChalkInstance) => ChalkInstance> = {
  error: (c) => c.red,
  warning: (c) => c.yellow,
  suggestion: (c) => c.cyan,
};

function levelLabel(finding: Finding, c: ChalkInstance): string {
  return finding.bucket === 'keep' ? c.green('keep') : LEVEL_STYLE[finding.level](c)(finding.level);
}

function accountLine(finding: Finding, c: ChalkInstance): string[] {
  const where = finding.platform ? ` [${finding.platform}]` : '';
  return [`  ${levelLabel(finding, c)}  ${c.dim(finding.rule)}${where}`, `    ${terminalText(finding.message)}`];
}

/** A habit: an account finding as one line, a lone post finding as its block, or a rule's posts with a few examples. */
function habitLines({ habit, findings }: HabitView, options: ReporterOptions, c: ChalkInstance): string[] {
  if (habit.scope === 'account') return accountLine(findings[0]!, c);
  if (findings.length === 1) return postLines(findings[0]!, options, c);
  const lines = [
    `  ${LEVEL_STYLE[habit.level](c)(habit.level)}  ${c.dim(habit.rule)} [${habit.platform}]  ${habitReach(habit)}`,
    `    ${terminalText(habit.summary)}`,
  ];
  const newestFirst = [...findings].sort((a, b) => b.post!.createdAt.localeCompare(a.post!.createdAt));
  for (const finding of newestFirst.slice(0, EXAMPLES_PER_HABIT)) lines.push(...postLines(finding, options, c, '    '));
  if (findings.length > EXAMPLES_PER_HABIT)
    lines.push(c.dim(`      … and ${findings.length - EXAMPLES_PER_HABIT} more posts; --format csv or json lists them`));
  return lines;
}

/** One block per post finding; the permalink stays whole on its own line so it can be clicked or copied. */
function postLines(finding: Finding, options: ReporterOptions, c: ChalkInstance, indent = '  '): string[] {
  const post = finding.post!;
  const where = post.url ?? formatWhere(post.source);
  // Under a habit the rule is named once, above: each example shows only its date and post.
  const head =
    indent === '  '
      ? `${levelLabel(finding, c)}  ${shortDate(post.createdAt, options.timeZone)}  ${post.platform}  ${c.dim(finding.rule)}`
      : shortDate(post.createdAt, options.timeZone);
  return [
    `${indent}${head}`,
    `${indent}  “${terminalText(post.excerpt)}”`,
    `${indent}  ${terminalText(finding.message)}`,
    `${indent}  ${c.dim(terminalText(where))}`,
  ];
}
