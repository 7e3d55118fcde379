import type { Audit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { cadenceHeatmap, contentMix, engagementOverTime, findingsByFamily, type Chart } from './charts.js';
import { escapeHtml, safeHref } from './escape.js';
import { familyScoreNote, formatDate, habitReach, reportSections, reportTitle, SCORE_METHOD, windowNote, type HabitView } from './report-sections.js';
import type { Reporter, ReporterOptions } from './reporter.js';
import { count } from '../plural.js';

const STYLE = `
:root { --ink: #111827; --muted: #6b7280; --line: #e5e7eb; --error: #b91c1c; --warning: #b45309; --suggestion: #0369a1; --keep: #15803d; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 980px; padding: 32px 24px; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.muted { color: var(--muted); } .small { font-size: 13px; }
.scores { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 12px; margin: 16px 0; }
.score { border: 1px solid var(--line); border-radius: 8px; padding: 12px; } .score b { font-size: 26px; display: block; }
.score.overall { background: #f3f4f6; } .score p { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.charts { display: grid; grid-template-columns: 1fr; gap: 24px; } figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
.chart { max-width: 100%; height: auto; font-family: inherit; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; } th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 10px 0; page-break-inside: avoid; }
.finding.error { border-color: var(--error); } .finding.warning { border-color: var(--warning); } .finding.suggestion { border-color: var(--suggestion); } .finding.keep { border-color: var(--keep); }
.habit { margin: 14px 0; } .habit > .finding ~ .finding, .habit details { margin-left: 18px; }
.level { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; }
.error .level { color: var(--error); } .warning .level { color: var(--warning); } .suggestion .level { color: var(--suggestion); } .keep .level { color: var(--keep); }
blockquote { margin: 4px 0; padding: 4px 10px; background: #f9fafb; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
details summary { cursor: pointer; color: var(--muted); font-size: 13px; }
@media print { body { max-width: none; padding: 0; } h2 { page-break-before: always; } h2.first { page-break-before: avoid; } details { display: none; } a { color: inherit; } }
`;

/** The client report: one self-contained HTML file with inline CSS and SVG, no script, no remote asset. */
export const html: Reporter = {
  name: 'html',
  description: 'the client report as one self-contained HTML file with charts',
  extension: 'html',
  render(audit, options) {
    const title = reportTitle(audit, options);
    const charts = [cadenceHeatmap(audit.posts, options.timeZone), contentMix(audit.posts, options.timeZone), engagementOverTime(audit.posts, options.timeZone), findingsByFamily(audit)].filter((c): c is Chart => c !== undefined);
    const body = [
      `<header><h1>${escapeHtml(title)}</h1>${overview(audit, options)}</header>`,
      scores(audit),
      audit.comparison ? comparison(audit, options) : '',
      `<h2>Charts</h2><div class="charts">${charts.map(chart).join('')}</div>`,
      ...reportSections(audit).map((section) => {
        const cards = section.bucket === 'keep' ? section.findings.map((f) => finding(f, options)) : section.habits.map((view) => habitCard(view, options));
        const lead = cards.length ? `${cards.length} — ${escapeHtml(section.summary)}.` : `Nothing here: ${escapeHtml(section.summary)}.`;
        return `<section id="${section.bucket}"><h2>${escapeHtml(section.title)}</h2><p class="muted">${lead}</p>${cards.join('')}</section>`;
      }),
      rules(audit),
    ].join('\n');
    return `<!doctype html>
<html lang="${escapeHtml(options.locale.split('-')[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<footer class="muted small"><p>Made by presence ${escapeHtml(audit.tool.version)} on ${escapeHtml(formatDate(audit.generatedAt, options))}.</p></footer>
</body>
</html>
`;
  },
};

function overview(audit: Audit, options: ReporterOptions): string {
  const { stats } = audit;
  const period = stats.from && stats.to ? `${formatDate(stats.from, options)} – ${formatDate(stats.to, options)}` : 'no posts';
  const platforms = Object.entries(stats.byPlatform).map(([p, n]) => `${escapeHtml(p)} ${n}`).join(', ');
  const sources = audit.sources.map((s) => `<li>${escapeHtml(s.spec)} <span class="muted">(${escapeHtml(s.format)}${s.account ? `, ${escapeHtml(s.account)}` : ''}: ${count(s.posts, 'post')}${s.skipped ? `, ${count(s.skipped, 'malformed record')} skipped` : ''})</span></li>`).join('');
  const window = windowNote(audit);
  return `<p><b>${stats.posts}</b> posts from ${escapeHtml(period)} · ${platforms}</p>${window ? `<p class="small">${escapeHtml(window)}</p>` : ''}${sources ? `<ul class="small">${sources}</ul>` : ''}`;
}

function scores(audit: Audit): string {
  const cards = Object.entries(audit.scores.byFamily)
    .map(([family, score]) => `<div class="score"><span class="muted">${escapeHtml(family)}</span><b>${score}</b><p>${escapeHtml(familyScoreNote(audit, family))}</p></div>`)
    .join('');
  return `<h2 class="first">Scores</h2><div class="scores"><div class="score overall"><span class="muted">overall</span><b>${audit.scores.overall}/100</b><p>The mean of the family scores.</p></div>${cards}</div><p class="small muted">${escapeHtml(SCORE_METHOD)}</p>`;
}

function comparison(audit: Audit, options: ReporterOptions): string {
  const change = audit.comparison!;
  const rows = [['overall', change.overall] as const, ...Object.entries(change.byFamily)]
    .map(([family, s]) => `<tr><td>${escapeHtml(family)}</td><td>${s.before ?? '–'}</td><td>${s.after ?? '–'}</td></tr>`)
    .join('');
  const list = (title: string, findings: readonly Finding[]) =>
    findings.length ? `<h3>${title}</h3><ul>${findings.slice(0, 100).map((f) => `<li>${escapeHtml(f.rule)}: ${escapeHtml(f.post?.excerpt ?? f.message)}</li>`).join('')}</ul>` : '';
  return `<h2>Since ${escapeHtml(formatDate(change.previous.generatedAt, options))}</h2><p>${count(change.fixed.length, 'finding')} fixed, ${change.new.length} new, ${change.remaining} remaining.</p><table><thead><tr><th>family</th><th>before</th><th>after</th></tr></thead><tbody>${rows}</tbody></table>${list('Fixed', change.fixed)}${list('New', change.new)}`;
}

function chart(c: Chart): string {
  const table = `<table><thead><tr>${c.table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${c.table.rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(String(v))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return `<figure><figcaption>${escapeHtml(c.title)}</figcaption><p class="small muted">${escapeHtml(c.description)}</p>${c.svg}<details><summary>The figures</summary>${table}</details></figure>`;
}

function finding(f: Finding, options: ReporterOptions): string {
  const label = f.bucket === 'keep' ? 'keep' : f.level;
  const where = f.scope === 'account' ? `${f.platform ? escapeHtml(f.platform) : 'all platforms'}` : '';
  if (!f.post) {
    return `<div class="finding ${label}"><span class="level">${label}</span> <span class="muted small">${escapeHtml(f.rule)} ${where}</span><div>${escapeHtml(f.message)}</div></div>`;
  }
  const href = safeHref(f.post.url);
  const permalink = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(href)}</a>` : f.post.url ? `<span>${escapeHtml(f.post.url)}</span>` : `<span>${escapeHtml(f.post.source.file)}</span>`;
  return `<div class="finding ${label}"><span class="level">${label}</span> <span class="muted small">${escapeHtml(formatDate(f.post.createdAt, options))} · ${escapeHtml(f.post.platform)} · ${escapeHtml(f.rule)}</span><blockquote>${escapeHtml(f.post.excerpt)}</blockquote><div>${escapeHtml(f.message)}</div><div class="small muted">${permalink}</div></div>`;
}

/** Example posts shown on a habit's card; the rest fold away. */
const EXAMPLES_PER_HABIT = 3;

/** One card per habit: an account finding as it is; a rule's posts with a few examples and the full list folded. */
function habitCard({ habit, findings }: HabitView, options: ReporterOptions): string {
  if (habit.scope === 'account' || findings.length === 1) return finding(findings[0]!, options);
  const newestFirst = [...findings].sort((a, b) => b.post!.createdAt.localeCompare(a.post!.createdAt));
  const rest = newestFirst.slice(EXAMPLES_PER_HABIT);
  const folded = rest.length
    ? `<details><summary>${count(rest.length, 'more post')}</summary>${rest.map((f) => finding(f, options)).join('')}</details>`
    : '';
  return `<div class="habit"><div class="finding ${habit.level}"><span class="level">${habit.level}</span> <span class="muted small">${escapeHtml(habit.rule)} · ${escapeHtml(habitReach(habit))}</span><div>${escapeHtml(habit.summary)}</div></div>${newestFirst.slice(0, EXAMPLES_PER_HABIT).map((f) => finding(f, options)).join('')}${folded}</div>`;
}

function rules(audit: Audit): string {
  const rows = audit.rules
    .map((r) => `<tr><td>${escapeHtml(r.id)}</td><td>${r.level}</td><td>${escapeHtml(r.threshold || '–')}</td><td>${escapeHtml(r.why)}<br><span class="muted small">${escapeHtml(r.source)}</span></td></tr>`)
    .join('');
  const skipped = audit.notEvaluated.map((n) => `<li>${escapeHtml(n.rule)}${n.platform ? ` (${escapeHtml(n.platform)})` : ''}: ${escapeHtml(n.reason)}</li>`).join('');
  return `<h2>Rules that ran</h2><table><thead><tr><th>rule</th><th>level</th><th>threshold</th><th>why</th></tr></thead><tbody>${rows}</tbody></table>${skipped ? `<h3>Not evaluated</h3><ul class="small">${skipped}</ul>` : ''}`;
}
