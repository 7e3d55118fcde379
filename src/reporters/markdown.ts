import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { escapeMarkdown, safeHref } from './escape.js';
import {
  accountName,
  CHANGE_WORDS,
  familyScoreNote,
  formatDate,
  goingWell,
  groupReach,
  findingChangeSummary,
  habitChangeSummary,
  habitGroups,
  habitReachText,
  platformName,
  reportTitle,
  SCORE_METHOD,
  sourceName,
  topChanges,
  verdict,
  windowNote,
  EXAMPLES_PER_HABIT,
  type HabitGroup,
} from './report-sections.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { count } from '../plural.js';

const SECTIONS = [
  { bucket: 'stop', title: 'Stop', lead: 'habits across the account to stop' },
  { bucket: 'fix', title: 'Fix', lead: 'posts to edit, or to write differently next time' },
  { bucket: 'delete', title: 'Delete', lead: 'posts to remove: copies, dead links, clutter' },
] as const;

/** The client report as Markdown, for a document or a pull request: the story first, post lists in the appendix. Post text is always escaped. */
export const markdown: Reporter = {
  name: 'markdown',
  description: 'the client report as Markdown, with tables',
  extension: 'md',
  render(audit, options) {
    const groups = habitGroups(audit);
    const lines: string[] = [`# ${escapeMarkdown(reportTitle(audit, options))}`, '', ...overview(audit, groups, options), ''];
    lines.push('## What to change first', '');
    const top = topChanges(groups);
    top.forEach((g, i) => lines.push(`${i + 1}. ${change(g)}`));
    lines.push(...(top.length ? [''] : ['Nothing: no habit to stop, no post to fix or delete.', '']));
    const well = goingWell(audit);
    lines.push('## What is going well', '', ...(well.length ? well.map((w) => `- ${escapeMarkdown(w)}`) : ['No rule found a strength to keep.']), '');
    if (audit.comparison) lines.push(...comparison(audit, options), '');
    for (const section of SECTIONS) {
      const mine = groups.filter((g) => g.bucket === section.bucket);
      const counted = section.bucket === 'stop' ? count(mine.length, 'habit') : count(mine.length, 'kind of post');
      const lead = mine.length ? `${counted}: ${section.lead.replace(/^habits /, '')}.` : `Nothing here: ${section.lead}.`;
      lines.push(`## ${section.title}`, '', lead, '');
      for (const group of mine) lines.push(...habit(group, options), '');
    }
    const keep = audit.findings.filter((f) => f.bucket === 'keep');
    lines.push(
      '## Keep doing',
      '',
      ...(keep.length ? keep.map((f) => `- ${escapeMarkdown(f.message)} _(${escapeMarkdown(f.rule)})_`) : ['Nothing here: no rule found a strength to keep.']),
      '',
    );
    lines.push(...scores(audit), '');
    lines.push('## Appendix', '');
    for (const [bucket, title] of [
      ['delete', 'Posts to delete'],
      ['fix', 'Posts to fix'],
    ] as const) {
      const findings = audit.findings.filter((f) => f.bucket === bucket && f.post).sort((a, b) => b.post!.createdAt.localeCompare(a.post!.createdAt));
      if (!findings.length) continue;
      const byPost = new Map<string, Finding[]>();
      for (const f of findings) byPost.set(f.post!.id, [...(byPost.get(f.post!.id) ?? []), f]);
      lines.push(
        `### ${title}: ${count(byPost.size, 'post')}`,
        '',
        '| date | network | post | why |',
        '| --- | --- | --- | --- |',
        ...[...byPost.values()].map((list) => postRow(list, options)),
        '',
      );
    }
    lines.push('### Rules that ran', '', '| rule | level | threshold | why | source |', '| --- | --- | --- | --- | --- |');
    for (const rule of audit.rules)
      lines.push(
        `| ${escapeMarkdown(rule.id)} | ${rule.level} | ${escapeMarkdown(rule.threshold || '–')} | ${escapeMarkdown(rule.why)} | ` +
          `${escapeMarkdown(rule.source)} |`,
      );
    if (audit.notEvaluated.length) {
      lines.push('', '### Not evaluated', '');
      for (const item of audit.notEvaluated)
        lines.push(`- ${escapeMarkdown(item.rule)}${item.platform ? ` (${platformName(item.platform)})` : ''}: ${escapeMarkdown(item.reason)}`);
    }
    return `${lines.join('\n')}\n`;
  },
};

function overview(audit: Audit, groups: HabitGroup[], options: ReporterOptions): string[] {
  const { stats } = audit;
  const days = stats.from && stats.to ? Math.round((Date.parse(stats.to) - Date.parse(stats.from)) / 86_400_000) + 1 : 0;
  const period = stats.from && stats.to ? `${formatDate(stats.from, options)} – ${formatDate(stats.to, options)} (${count(days, 'day')})` : 'no posts';
  const accounts = audit.sources.map((s) => {
    const who = accountName(s.account);
    const networks = (s.platforms ?? []).map(platformName).join(', ');
    return (
      `${who ? `${escapeMarkdown(who)}${networks ? ` on ${networks}` : ''}: ` : ''}${count(s.posts, 'post')} from ${escapeMarkdown(sourceName(s.spec))}` +
      `${s.skipped ? `, ${count(s.skipped, 'malformed record')} skipped` : ''}`
    );
  });
  const per = (bucket: string) => groups.filter((g) => g.bucket === bucket).length;
  const score = `**${escapeMarkdown(verdict(audit.scores.overall))}: ${audit.scores.overall}/100.**`;
  const tally = `${count(per('stop'), 'habit')} to stop, ${count(per('fix'), 'kind')} of post to fix, ${count(per('delete'), 'kind')} of post to delete.`;
  return [
    `${score} ${tally}`,
    '',
    `**Period:** ${period} · **Posts:** ${stats.posts}`,
    '',
    `**Accounts:** ${accounts.join('; ') || 'none'}`,
    ...(windowNote(audit) ? ['', escapeMarkdown(windowNote(audit))] : []),
  ];
}

function change(group: HabitGroup): string {
  const title = `**${group.level}** ${escapeMarkdown(sentence(group.title))}`;
  if (group.scope === 'account') return `${title}: ${escapeMarkdown(group.views[0]?.findings[0]?.message ?? group.views[0]!.habit.summary)}`;
  const example = group.postFindings[0]?.post;
  return `${title}: ${groupReach(group)}${example ? `, e.g. “${escapeMarkdown(example.excerpt)}”${permalink(example.url)}` : ''}`;
}

function habit(group: HabitGroup, options: ReporterOptions): string[] {
  const head = `### ${escapeMarkdown(sentence(group.title))}`;
  const where = group.scope === 'post' ? `${groupReach(group)} · ` : group.platform ? `${platformName(group.platform)} · ` : '';
  const reach = `**${group.level}** · ${where}_${escapeMarkdown(group.rule)}_`;
  if (group.scope === 'account') return [head, '', reach, '', ...group.views.map((v) => `- ${escapeMarkdown(v.findings[0]?.message ?? v.habit.summary)}`)];
  const examples = group.postFindings
    .slice(0, EXAMPLES_PER_HABIT)
    .map((f) => `- ${formatDate(f.post!.createdAt, options)}: “${escapeMarkdown(f.post!.excerpt)}”${permalink(f.post!.url)}`);
  const rest = group.postFindings.length - EXAMPLES_PER_HABIT;
  return [head, '', reach, '', ...examples, ...(rest > 0 ? ['', `And ${count(rest, 'more post')}: see the appendix.`] : [])];
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A permalink becomes a link only when it is plain http(s); anything else stays text. */
function permalink(url: string | undefined): string {
  const href = safeHref(url);
  return href ? ` ([permalink](<${href.replace(/>/g, '%3E')}>))` : url ? ` (${escapeMarkdown(url)})` : '';
}

function scores(audit: Audit): string[] {
  return [
    `## Scores by family: ${audit.scores.overall}/100 overall`,
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
  const habits = change.habits ?? [];
  return [
    `## Since the audit of ${formatDate(change.previous.generatedAt, options)}`,
    '',
    `${habits.length ? `${habitChangeSummary(habits)}. ` : ''}${change.window ? `Both cover ${escapeMarkdown(change.window)}. ` : ''}` +
      `${findingChangeSummary(change)}.`,
    '',
    ...(habits.length
      ? [
          '| habit | network | before | now | change |',
          '| --- | --- | --- | --- | --- |',
          ...habits.map(
            (h) =>
              `| ${escapeMarkdown(sentence(h.title))} _(${escapeMarkdown(h.rule)})_ | ${h.platform ? platformName(h.platform) : 'all'} | ` +
              `${habitReachText(h.before)} | ${habitReachText(h.after)} | **${CHANGE_WORDS[h.change]}** |`,
          ),
          '',
        ]
      : []),
    '| score | before | now |',
    '| --- | --- | --- |',
    `| overall | ${change.overall.before ?? '–'} | ${change.overall.after ?? '–'} |`,
    ...Object.entries(change.byFamily).map(([family, s]) => `| ${family} | ${s.before ?? '–'} | ${s.after ?? '–'} |`),
  ];
}

function postRow(findings: Finding[], options: ReporterOptions): string {
  const post = findings[0]!.post!;
  const messages = [...new Set(findings.map((f) => f.message))].join('; ');
  const postCell = `${escapeMarkdown(post.excerpt)}${permalink(post.url)}`;
  return `| ${formatDate(post.createdAt, options)} | ${platformName(post.platform)} | ${postCell} | ${escapeMarkdown(messages)} |`;
}
