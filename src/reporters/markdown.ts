import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { escapeMarkdown, safeHref } from './escape.js';
import { familyScoreNote, formatDate, reportSections, reportTitle, SCORE_METHOD } from './report-sections.js';
import type { Reporter, ReporterOptions } from './reporter.js';

/** The client report as Markdown, for a document or a pull request. Post text is always escaped. */
export const markdown: Reporter = {
  name: 'markdown',
  description: 'the client report as Markdown, with tables',
  extension: 'md',
  render(audit, options) {
    const lines: string[] = [`# ${escapeMarkdown(reportTitle(audit, options))}`, '', ...overview(audit, options), '', ...scores(audit), ''];
    if (audit.comparison) lines.push(...comparison(audit, options), '');
    for (const section of reportSections(audit)) {
      lines.push(`## ${section.title}`, '', `${section.findings.length ? `${section.findings.length} — ${section.summary}.` : `Nothing here: ${section.summary}.`}`, '');
      const account = section.findings.filter((f) => f.scope === 'account');
      const posts = section.findings.filter((f) => f.scope === 'post');
      for (const f of account) lines.push(`- **${f.bucket === 'keep' ? 'keep' : f.level}** ${escapeMarkdown(f.message)} _(${escapeMarkdown(f.rule)}${f.platform ? `, ${f.platform}` : ''})_`);
      if (account.length) lines.push('');
      if (posts.length) lines.push('| level | date | platform | post | finding |', '| --- | --- | --- | --- | --- |', ...posts.map((f) => postRow(f, options)), '');
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
    `**Sources:** ${audit.sources.map((s) => `${escapeMarkdown(s.spec)} (${s.format}, ${s.posts} posts${s.skipped ? `, ${s.skipped} skipped` : ''})`).join('; ') || 'none'}`,
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
    `${change.fixed.length} findings fixed, ${change.new.length} new, ${change.remaining} remaining.`,
    '',
    '| family | before | after |',
    '| --- | --- | --- |',
    `| overall | ${change.overall.before ?? '–'} | ${change.overall.after ?? '–'} |`,
    ...Object.entries(change.byFamily).map(([family, s]) => `| ${family} | ${s.before ?? '–'} | ${s.after ?? '–'} |`),
  ];
}

function postRow(f: Finding, options: ReporterOptions): string {
  const post = f.post!;
  const href = safeHref(post.url);
  const excerpt = escapeMarkdown(post.excerpt);
  // A permalink becomes a link only when it is plain http(s); anything else stays text.
  const postCell = href ? `${excerpt} ([permalink](<${href.replace(/>/g, '%3E')}>))` : `${excerpt}${post.url ? ` (${escapeMarkdown(post.url)})` : ''}`;
  return `| ${f.bucket === 'keep' ? 'keep' : f.level} | ${formatDate(post.createdAt, options)} | ${post.platform} | ${postCell} | ${escapeMarkdown(f.message)} |`;
}
