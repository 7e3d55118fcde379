import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { escapeMarkdown, safeHref } from './escape.js';
import { familyScoreNote, formatDate, habitReach, reportSections, reportTitle, SCORE_METHOD, windowNote } from './report-sections.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { count } from '../plural.js';

/** The client report as Markdown, for a document or a pull request. Post text is always escaped. */
export const markdown: Reporter = {
  name: 'markdown',
  description: 'the client report as Markdown, with tables',
  extension: 'md',
  render(audit, options) {
    const lines: string[] = [`# ${escapeMarkdown(reportTitle(audit, options))}`, '', ...overview(audit, options), '', ...scores(audit), ''];
    if (audit.comparison) lines.push(...comparison(audit, options), '');
    for (const section of reportSections(audit)) {
      const count = section.bucket === 'keep' ? section.findings.length : section.habits.length;
      lines.push(`## ${section.title}`, '', `${count ? `${count} — ${section.summary}.` : `Nothing here: ${section.summary}.`}`, '');
      if (section.bucket === 'keep') {
        for (const f of section.findings) lines.push(accountLine(f));
        if (section.findings.length) lines.push('');
        continue;
      }
      // Account habits read as a list; each habit of post findings is a line and the table of its posts.
      const account = section.habits.filter((view) => view.habit.scope === 'account');
      for (const view of account) lines.push(accountLine(view.findings[0]!));
      if (account.length) lines.push('');
      for (const { habit, findings } of section.habits.filter((view) => view.habit.scope === 'post')) {
        lines.push(`**${habit.level}** · ${escapeMarkdown(habit.summary)}: ${habitReach(habit)} _(${escapeMarkdown(habit.rule)})_`, '');
        lines.push('| level | date | platform | post | finding |', '| --- | --- | --- | --- | --- |', ...findings.map((f) => postRow(f, options)), '');
      }
    }
    lines.push('## Rules that ran', '', '| rule | level | threshold | why | source |', '| --- | --- | --- | --- | --- |');
    for (const rule of audit.rules) lines.push(`| ${escapeMarkdown(rule.id)} | ${rule.level} | ${escapeMarkdown(rule.threshold || '–')} | ${escapeMarkdown(rule.why)} | ${escapeMarkdown(rule.source)} |`);
    if (audit.notEvaluated.length) {
      lines.push('', '## Not evaluated', '');
      for (const item of audit.notEvaluated) lines.push(`- ${escapeMarkdown(item.rule)}${item.platform ? ` (${item.platform})` : ''}: ${escapeMarkdown(item.reason)}`);
    }
    return `${lines.join('\n')}\n`;
  },
};

function overview(audit: Audit, options: ReporterOptions): string[] {
  const { stats } = audit;
  const period = stats.from && stats.to ? `${formatDate(stats.from, options)} – ${formatDate(stats.to, options)}` : 'no posts';
  return [
    `**Period:** ${period} · **Posts:** ${stats.posts} (${Object.entries(stats.byPlatform).map(([p, n]) => `${p} ${n}`).join(', ')})`,
    '',
    ...(windowNote(audit) ? [escapeMarkdown(windowNote(audit)), ''] : []),
    `**Sources:** ${audit.sources.map((s) => `${escapeMarkdown(s.spec)} (${s.format}, ${count(s.posts, 'post')}${s.skipped ? `, ${s.skipped} skipped` : ''})`).join('; ') || 'none'}`,
  ];
}

function scores(audit: Audit): string[] {
  return [
    `## Score: ${audit.scores.overall}/100`,
    '',
    SCORE_METHOD,
    '',
    '| family | score | how |',
    '| --- | --- | --- |',
    ...Object.entries(audit.scores.byFamily).map(([family, score]) => `| ${family} | ${score} | ${escapeMarkdown(familyScoreNote(audit, family))} |`),
  ];
}

function comparison(audit: Audit, options: ReporterOptions): string[] {
  const change = audit.comparison!;
  return [
    `## Since ${formatDate(change.previous.generatedAt, options)}`,
    '',
    `${count(change.fixed.length, 'finding')} fixed, ${change.new.length} new, ${change.remaining} remaining.`,
    '',
    '| family | before | after |',
    '| --- | --- | --- |',
    `| overall | ${change.overall.before ?? '–'} | ${change.overall.after ?? '–'} |`,
    ...Object.entries(change.byFamily).map(([family, s]) => `| ${family} | ${s.before ?? '–'} | ${s.after ?? '–'} |`),
  ];
}

function accountLine(f: Finding): string {
  return `- **${f.bucket === 'keep' ? 'keep' : f.level}** ${escapeMarkdown(f.message)} _(${escapeMarkdown(f.rule)}${f.platform ? `, ${f.platform}` : ''})_`;
}

function postRow(f: Finding, options: ReporterOptions): string {
  const post = f.post!;
  const href = safeHref(post.url);
  const excerpt = escapeMarkdown(post.excerpt);
  // A permalink becomes a link only when it is plain http(s); anything else stays text.
  const postCell = href ? `${excerpt} ([permalink](<${href.replace(/>/g, '%3E')}>))` : `${excerpt}${post.url ? ` (${escapeMarkdown(post.url)})` : ''}`;
  return `| ${f.bucket === 'keep' ? 'keep' : f.level} | ${formatDate(post.createdAt, options)} | ${post.platform} | ${postCell} | ${escapeMarkdown(f.message)} |`;
}
