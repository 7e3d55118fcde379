import type { Audit, PostSummary } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { cadenceHeatmap, contentMix, engagementOverTime, findingsByFamily, type Chart } from './charts.js';
import { cssString, escapeHtml, safeHref } from './escape.js';
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
  postSource,
  reportSections,
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

/** Rows of an appendix list that print; the screen shows them all, the CSV holds every post to delete. */
const PRINTED_ROWS = 30;

// Colours keep 4.5:1 contrast on white and on the card backgrounds (WCAG AA); print sets A4 pages with numbers in the margin.
// One line of CSS to each entry; a longer line is a list of rules joined by a space.
const STYLE = [
  '',
  [
    ':root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --soft: #f3f4f6; --error: #b91c1c; --warning: #92400e;',
    '--suggestion: #075985; --keep: #166534; }',
  ],
  '* { box-sizing: border-box; }',
  [
    'body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff;',
    'margin: 0 auto; max-width: 980px; padding: 24px; }',
  ],
  [
    'h1 { font-size: 26px; margin: 0 0 2px; }',
    'h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 3px; break-after: avoid; }',
    'h3 { font-size: 15px; margin: 0 0 2px; break-after: avoid; }',
  ],
  'a { color: #1d4ed8; } .muted { color: var(--muted); } h2 + p { break-after: avoid; } .small { font-size: 13px; }',
  '.meta { margin: 0; color: var(--muted); }',
  ['.verdict { display: flex; gap: 20px; align-items: center; background: var(--soft); border-radius: 8px; padding: 12px 16px; margin: 14px 0 8px; }'],
  [
    '.verdict .score { font-size: 40px; font-weight: 700; line-height: 1; } .verdict .score span { font-size: 16px; color: var(--muted); }',
    '.verdict h2 { border: 0; margin: 0; padding: 0; font-size: 20px; } .verdict p { margin: 2px 0 0; }',
  ],
  [
    '.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; font-size: 14px; }',
    '.facts dt { font-weight: 600; } .facts dd { margin: 0; }',
  ],
  '.top { padding-left: 22px; margin: 6px 0; } .top li { margin: 0 0 8px; break-inside: avoid; } .top p { margin: 0; font-size: 14px; }',
  [
    '.evidence { font-size: 13px; color: var(--muted); overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical;',
    '-webkit-line-clamp: 2; line-clamp: 2; }',
  ],
  '.plain { list-style: none; padding: 0; margin: 0; }',
  '.well { margin: 6px 0; padding-left: 22px; font-size: 14px; }',
  [
    '.card { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; padding: 8px 12px;',
    'margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }',
  ],
  [
    '.card.error { border-left-color: var(--error); } .card.warning { border-left-color: var(--warning); }',
    '.card.suggestion { border-left-color: var(--suggestion); } .card.keep { border-left-color: var(--keep); }',
  ],
  '.level { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em; margin-right: 6px; }',
  [
    '.error .level { color: var(--error); } .warning .level { color: var(--warning); } .suggestion .level { color: var(--suggestion); }',
    '.keep .level { color: var(--keep); }',
  ],
  '.example { margin: 6px 0 0; } .example .when { font-size: 12px; color: var(--muted); }',
  [
    'blockquote { margin: 2px 0; padding: 4px 10px; background: var(--soft); border-radius: 4px; white-space: pre-wrap;',
    'overflow-wrap: anywhere; font-size: 14px; }',
  ],
  '.scores { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 10px 0; }',
  [
    '.family { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; break-inside: avoid; }',
    '.family b { font-size: 22px; display: block; } .family p { margin: 2px 0 0; font-size: 12px; color: var(--muted); }',
  ],
  ['figure { margin: 0 0 18px; break-inside: avoid; } figcaption { font-weight: 600; }', '.chart { max-width: 100%; height: auto; font-family: inherit; }'],
  [
    'table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }',
    'th, td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; } tr { break-inside: avoid; }',
  ],
  'td.post { overflow-wrap: anywhere; }',
  [
    '.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0);',
    'white-space: nowrap; border: 0; }',
  ],
  'details summary { cursor: pointer; color: var(--muted); font-size: 13px; margin-top: 4px; }',
  '.print-only { display: none; }',
  ['table.changes tr.worse b, table.changes tr.new b { color: var(--error); }', 'table.changes tr.better b, table.changes tr.gone b { color: var(--keep); }'],
  [
    '@page { size: A4; margin: 16mm 14mm 18mm;',
    '@bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt system-ui, sans-serif; color: #4b5563; }',
    '@bottom-left { content: TITLE; font: 9pt system-ui, sans-serif; color: #4b5563; } }',
  ],
  '@media print {',
  '  body { max-width: none; padding: 0; font-size: 12.5px; } h2 { margin-top: 18px; } a { color: inherit; text-decoration: none; }',
  '  details, .screen-only, tr.beyond-print { display: none; } .print-only { display: block; }',
  '  #appendix { break-before: page; } .verdict { print-color-adjust: exact; -webkit-print-color-adjust: exact; }',
  '}',
  '',
]
  .map((line) => (Array.isArray(line) ? line.join(' ') : line))
  .join('\n');

/** The client report: one self-contained HTML file with inline CSS and SVG, no script, no remote asset. */
export const html: Reporter = {
  name: 'html',
  description: 'the client report as one self-contained HTML file with charts',
  extension: 'html',
  render(audit, options) {
    const title = reportTitle(audit, options);
    const groups = habitGroups(audit);
    const charts = [
      contentMix(audit.posts, options.timeZone),
      cadenceHeatmap(audit.posts, options.timeZone),
      engagementOverTime(audit.posts, options.timeZone),
      findingsByFamily(audit),
    ].filter((c): c is Chart => c !== undefined);
    const body = [
      summary(audit, groups, options),
      audit.comparison ? comparison(audit, options) : '',
      ...(['stop', 'fix', 'delete'] as const).map((bucket) =>
        habitSection(
          bucket,
          groups.filter((g) => g.bucket === bucket),
          audit,
          options,
        ),
      ),
      keepSection(audit),
      scores(audit),
      `<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Charts</h2>${charts.map(chart).join('')}</section>`,
      appendix(audit, options),
    ].join('\n');
    return `<!doctype html>
<html lang="${escapeHtml(options.locale.split('-')[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE.replace('TITLE', cssString(title))}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1>${meta(audit, options)}</header>
<main>
${body}
</main>
<footer class="muted small"><p>Made by presence ${escapeHtml(audit.tool.version)} on ${escapeHtml(formatDate(audit.generatedAt, options))}.</p></footer>
</body>
</html>
`;
  },
};

function period(audit: Audit, options: ReporterOptions): string {
  const { from, to } = audit.stats;
  if (!from || !to) return 'no posts';
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return `${formatDate(from, options)} – ${formatDate(to, options)} (${count(days, 'day')})`;
}

function meta(audit: Audit, options: ReporterOptions): string {
  return `<p class="meta">${escapeHtml(period(audit, options))} · ${count(audit.stats.posts, 'post')} audited</p>`;
}

/** The first page: the verdict, what was audited, the changes that matter most with their evidence, and what works. */
function summary(audit: Audit, groups: HabitGroup[], options: ReporterOptions): string {
  const buckets = (['stop', 'fix', 'delete'] as const).map((bucket) => groups.filter((g) => g.bucket === bucket));
  const [stop, fix, del] = buckets;
  const tally = [
    stop!.length ? `${count(stop!.length, 'habit')} to stop` : '',
    fix!.length ? `${count(fix!.length, 'kind')} of post to fix` : '',
    del!.length
      ? `${count(del!.length, 'kind')} of post to delete (${count(new Set(del!.flatMap((g) => g.postFindings.map((f) => f.post!.id))).size, 'post')})`
      : '',
  ].filter(Boolean);
  const accounts = audit.sources
    .map((s) => {
      const who = accountName(s.account);
      const networks = (s.platforms ?? []).map(platformName).join(', ');
      return (
        `<li>${who ? `<b>${escapeHtml(who)}</b>${networks ? ` on ${escapeHtml(networks)}` : ''}: ` : ''}${count(s.posts, 'post')} from ` +
        `${escapeHtml(sourceName(s.spec))}${s.skipped ? `, ${count(s.skipped, 'malformed record')} skipped` : ''}</li>`
      );
    })
    .join('');
  const window = windowNote(audit);
  const top = topChanges(groups);
  const well = goingWell(audit);
  const score = `<div class="score">${audit.scores.overall}<span>/100</span></div>`;
  const tallyLine = tally.length ? `${escapeHtml(tally.join(', '))}.` : 'Nothing to stop, fix or delete.';
  const verdictBox = `<div class="verdict">${score}<div><h2 id="summary-h">${escapeHtml(verdict(audit.scores.overall))}</h2><p>${tallyLine}</p></div></div>`;
  const facts =
    `<dl class="facts"><dt>Period</dt><dd>${escapeHtml(period(audit, options))}</dd>` +
    `<dt>Accounts</dt><dd><ul class="plain">${accounts || '<li>none</li>'}</ul></dd>` +
    `${window ? `<dt>Window</dt><dd>${escapeHtml(window)}</dd>` : ''}</dl>`;
  return `<section id="summary" aria-labelledby="summary-h">
${verdictBox}
${facts}
<h2 id="top-h">What to change first</h2>
${
  top.length
    ? `<ol class="top" aria-labelledby="top-h">${top.map((g) => change(g, audit, options)).join('')}</ol>`
    : '<p>Nothing: no habit to stop, no post to fix or delete.</p>'
}
<h2>What is going well</h2>
${well.length ? `<ul class="well">${well.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : '<p class="muted">No rule found a strength to keep.</p>'}
</section>`;
}

/** One change on the first page: what to do, how far it reaches, the evidence in one line, and the posts behind it. */
function change(group: HabitGroup, audit: Audit, options: ReporterOptions): string {
  const evidence =
    group.scope === 'account'
      ? `${group.views[0]!.findings[0]?.message ?? group.views[0]!.habit.summary}` +
        `${group.views.length > 1 ? ` And ${group.views.length - 1} more like it.` : ''}`
      : group.postFindings
          .slice(0, 2)
          .map((f) => `“${f.post!.excerpt}”`)
          .join(' · ');
  const behind = postsBehind(group, audit, options);
  // An account habit's reach is the posts its ratio was measured on, so its own figures are the evidence, not a post count.
  const reach = group.scope === 'post' ? ` — ${escapeHtml(groupReach(group, options.locale))}` : '';
  return (
    `<li class="${group.level}"><p><span class="level">${group.level}</span>` +
    `<b>${escapeHtml(sentence(group.title))}</b>${reach}. <a href="#${anchor(group)}">Details</a></p>` +
    `<p class="evidence">${escapeHtml(evidence)}</p>${behind ? `<p class="evidence">Posts behind it: ${behind}</p>` : ''}</li>`
  );
}

/** Up to three posts a habit rests on, as dated permalinks. */
function postsBehind(group: HabitGroup, audit: Audit, options: ReporterOptions): string {
  const ids = group.scope === 'post' ? group.postFindings.map((f) => f.post!.id) : group.views.flatMap((v) => v.habit.postIds);
  const byId = new Map(audit.posts.map((p) => [p.id, p] as const));
  return ids
    .slice(0, 3)
    .map((id) => byId.get(id))
    .filter((p): p is PostSummary => p !== undefined)
    .map((p) => link(p.url, formatDate(p.createdAt, options)))
    .join(', ');
}

function link(url: string | undefined, text: string): string {
  const href = safeHref(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function anchor(group: HabitGroup): string {
  return `habit-${group.bucket}-${group.rule.replace(/[^a-z0-9-]/gi, '-')}-${group.platform ?? 'all'}`;
}

const SECTION_LEADS = { stop: 'Stop', fix: 'Fix', delete: 'Delete' } as const;

function habitSection(bucket: 'stop' | 'fix' | 'delete', groups: HabitGroup[], audit: Audit, options: ReporterOptions): string {
  const section = reportSections(audit).find((s) => s.bucket === bucket)!;
  const posts = new Set(groups.flatMap((g) => g.postFindings.map((f) => f.post!.id))).size;
  const what = bucket === 'stop' ? count(groups.length, 'habit') : `${count(groups.length, 'kind of post')} (${count(posts, 'post')})`;
  const lead = groups.length ? `${what}: ${escapeHtml(section.summary.replace(/^habits /, ''))}.` : `Nothing here: ${escapeHtml(section.summary)}.`;
  return (
    `<section id="${bucket}" aria-labelledby="${bucket}-h"><h2 id="${bucket}-h">${SECTION_LEADS[bucket]}</h2>` +
    `<p class="muted">${lead}</p>${groups.map((g) => card(g, audit, options)).join('')}</section>`
  );
}

/** One card per habit: its reach, its evidence or a few example posts, and every post folded away. */
function card(group: HabitGroup, audit: Audit, options: ReporterOptions): string {
  const reach =
    group.scope === 'post' ? `${escapeHtml(groupReach(group, options.locale))} · ` : group.platform ? `${escapeHtml(platformName(group.platform))} · ` : '';
  const head =
    `<h3><span class="level">${group.level}</span>${escapeHtml(sentence(group.title))}</h3>` + `<p class="small muted">${reach}${escapeHtml(group.rule)}</p>`;
  if (group.scope === 'account') {
    const messages = group.views.map((v) => v.findings[0]?.message ?? v.habit.summary);
    const shown = messages
      .slice(0, EXAMPLES_PER_HABIT)
      .map((m) => `<li>${escapeHtml(m)}</li>`)
      .join('');
    const rest = messages.slice(EXAMPLES_PER_HABIT);
    const folded = rest.length
      ? `<details><summary>${count(rest.length, 'more like this', 'more like this')}</summary>` +
        `<ul>${rest.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul></details>`
      : '';
    const behind = postsBehind(group, audit, options);
    return (
      `<article class="card ${group.level}" id="${anchor(group)}">${head}<ul>${shown}</ul>` +
      `${rest.length ? `<p class="print-only small muted">And ${rest.length} more like this.</p>` : ''}${folded}` +
      `${behind ? `<p class="small muted">Posts behind it: ${behind}</p>` : ''}</article>`
    );
  }
  const examples = group.postFindings
    .slice(0, EXAMPLES_PER_HABIT)
    .map((f) => example(f, options))
    .join('');
  const rest = group.postFindings.length - EXAMPLES_PER_HABIT;
  // The folded list is light (date and words); the appendix has each post's every reason.
  const everyPost = group.postFindings
    .map((f) => `<li>${link(f.post!.url, formatDate(f.post!.createdAt, options))} ${escapeHtml(f.post!.excerpt)}</li>`)
    .join('');
  const all =
    rest > 0
      ? `<details><summary>All ${count(group.postFindings.length, 'post')}</summary><ol class="small">${everyPost}</ol></details>` +
        `<p class="print-only small muted">And ${count(rest, 'more post')}: see the appendix${group.bucket === 'delete' ? ' and the CSV delete list' : ''}.</p>`
      : '';
  return `<article class="card ${group.level}" id="${anchor(group)}">${head}${examples}${all}</article>`;
}

function example(f: Finding, options: ReporterOptions): string {
  const post = f.post!;
  const when = `${formatDate(post.createdAt, options)} · ${platformName(post.platform)}`;
  return (
    `<div class="example"><span class="when">${link(post.url, when)}</span>` +
    `<blockquote>${escapeHtml(post.excerpt)}</blockquote>${f.message ? `<span class="small">${escapeHtml(f.message)}</span>` : ''}</div>`
  );
}

/** Posts one row each, with every reason on it; beyond the printed rows the screen alone shows them. */
function postTable(findings: readonly Finding[], options: ReporterOptions): string {
  const byPost = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byPost.get(f.post!.id);
    if (list) list.push(f);
    else byPost.set(f.post!.id, [f]);
  }
  const rows = [...byPost.values()].map((list, i) => {
    const post = list[0]!.post!;
    const where = safeHref(post.url) ? link(post.url, 'open') : escapeHtml(post.url ?? postSource(post.source));
    return (
      `<tr${i >= PRINTED_ROWS ? ' class="beyond-print"' : ''}><td>${escapeHtml(formatDate(post.createdAt, options))}</td>` +
      `<td class="post">${escapeHtml(post.excerpt)}</td><td>${escapeHtml([...new Set(list.map((f) => f.message))].join('; '))}</td><td>${where}</td></tr>`
    );
  });
  const note =
    rows.length > PRINTED_ROWS
      ? `<p class="print-only small muted">The first ${PRINTED_ROWS} of ${count(rows.length, 'post')} are printed; the report on screen lists them all.</p>`
      : '';
  return (
    `<table><thead><tr><th scope="col">date</th><th scope="col">post</th><th scope="col">why</th><th scope="col">link</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${note}`
  );
}

function keepSection(audit: Audit): string {
  const keep = audit.findings.filter((f) => f.bucket === 'keep');
  const cards = keep.map(
    (f) =>
      `<article class="card keep"><h3><span class="level">keep</span>${escapeHtml(f.message)}</h3>` +
      `<p class="small muted">${escapeHtml(f.rule)}${f.platform ? ` · ${escapeHtml(platformName(f.platform))}` : ''}</p></article>`,
  );
  return (
    `<section id="keep" aria-labelledby="keep-h"><h2 id="keep-h">Keep doing</h2>` +
    `<p class="muted">${cards.length ? `${count(cards.length, 'strength')}: what already works.` : 'Nothing here: no rule found a strength to keep.'}</p>` +
    `${cards.join('')}</section>`
  );
}

function scores(audit: Audit): string {
  const cards = Object.entries(audit.scores.byFamily)
    .map(
      ([family, score]) =>
        `<div class="family"><span class="muted">${escapeHtml(family)}</span><b>${score}</b><p>${escapeHtml(familyScoreNote(audit, family))}</p></div>`,
    )
    .join('');
  return (
    `<section id="scores" aria-labelledby="scores-h"><h2 id="scores-h">Scores by family</h2>` +
    `<p>Overall ${audit.scores.overall}/100, the mean of the family scores.</p><div class="scores">${cards}</div>` +
    `<p class="small muted">${escapeHtml(SCORE_METHOD)}</p></section>`
  );
}

function comparison(audit: Audit, options: ReporterOptions): string {
  const change = audit.comparison!;
  const rows = [['overall', change.overall] as const, ...Object.entries(change.byFamily)]
    .map(([family, s]) => `<tr><th scope="row">${escapeHtml(family)}</th><td>${s.before ?? '–'}</td><td>${s.after ?? '–'}</td></tr>`)
    .join('');
  const habits = change.habits ?? [];
  const habitRows = habits
    .map(
      (h) =>
        `<tr class="${h.change}"><th scope="row">${escapeHtml(sentence(h.title))}<br>` +
        `<span class="small muted">${escapeHtml(h.rule)}${h.platform ? ` · ${escapeHtml(platformName(h.platform))}` : ''}</span></th>` +
        `<td>${escapeHtml(habitReachText(h.before))}</td><td>${escapeHtml(habitReachText(h.after))}</td><td><b>${CHANGE_WORDS[h.change]}</b></td></tr>`,
    )
    .join('');
  const list = (title: string, findings: readonly Finding[]) =>
    findings.length
      ? `<h3>${title}</h3><ul>${findings
          .slice(0, 100)
          .map((f) => `<li>${escapeHtml(f.rule)}: ${escapeHtml(f.post?.excerpt ?? f.message)}</li>`)
          .join('')}</ul>`
      : '';
  const window = change.window ? ` Both cover ${escapeHtml(change.window)}.` : '';
  const since = escapeHtml(formatDate(change.previous.generatedAt, options));
  const scoreTable =
    `<table><caption class="sr-only">Scores before and after</caption>` +
    `<thead><tr><th scope="col">score</th><th scope="col">before</th><th scope="col">now</th></tr></thead><tbody>${rows}</tbody></table>`;
  const fixedAndNew = `<details><summary>The findings fixed and new</summary>${list('Fixed', change.fixed)}${list('New', change.new)}</details>`;
  return `<section id="comparison" aria-labelledby="comparison-h"><h2 id="comparison-h">Since the audit of ${since}</h2>
<p>${habits.length ? `${escapeHtml(habitChangeSummary(habits))}.` : ''}${window} ${escapeHtml(findingChangeSummary(change))}.</p>
${
  habits.length
    ? `<table class="changes"><caption class="sr-only">Each habit before and after: the share of posts it touches</caption><thead><tr>` +
      `<th scope="col">habit</th><th scope="col">before</th><th scope="col">now</th><th scope="col">change</th></tr></thead><tbody>${habitRows}</tbody>` +
      `</table>`
    : ''
}
${scoreTable}${fixedAndNew}</section>`;
}

function chart(c: Chart): string {
  const table =
    `<table class="sr-only"><caption>${escapeHtml(c.title)}: the figures</caption><thead>` +
    `<tr>${c.table.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${c.table.rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(String(v))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  return `<figure><figcaption>${escapeHtml(c.title)}</figcaption><p class="small muted">${escapeHtml(c.description)}</p>${c.svg}${table}</figure>`;
}

/** Post by post, for whoever does the cleanup: the lists, then the rules behind every finding. */
function appendix(audit: Audit, options: ReporterOptions): string {
  const list = (bucket: 'delete' | 'fix', title: string, note: string) => {
    const findings = audit.findings.filter((f) => f.bucket === bucket && f.post).sort((a, b) => b.post!.createdAt.localeCompare(a.post!.createdAt));
    if (!findings.length) return '';
    const posts = new Set(findings.map((f) => f.post!.id)).size;
    return `<h3>${title}: ${count(posts, 'post')}</h3><p class="small muted">${note}</p>${postTable(findings, options)}`;
  };
  const rows = audit.rules
    .map((r) => `<tr><td>${escapeHtml(r.id)}</td><td>${r.level}</td><td>${escapeHtml(r.threshold || '–')}</td><td>${escapeHtml(r.why)}</td></tr>`)
    .join('');
  const skipped = audit.notEvaluated
    .map((n) => `<li>${escapeHtml(n.rule)}${n.platform ? ` (${escapeHtml(platformName(n.platform))})` : ''}: ${escapeHtml(n.reason)}</li>`)
    .join('');
  const rulesHead = `<thead><tr><th scope="col">rule</th><th scope="col">level</th><th scope="col">threshold</th><th scope="col">why</th></tr></thead>`;
  const rulesTable = `<table>${rulesHead}<tbody>${rows}</tbody></table>`;
  const notEvaluated = skipped ? `<h3>Not evaluated</h3><ul class="small">${skipped}</ul>` : '';
  return `<section id="appendix" aria-labelledby="appendix-h"><h2 id="appendix-h">Appendix</h2>
${list('delete', 'Posts to delete', 'Newest first. The CSV delete list (--format csv) holds every one, for a spreadsheet.')}
${list('fix', 'Posts to fix', 'Newest first: edit them, or write the next ones differently.')}
<h3>Rules that ran</h3>${rulesTable}${notEvaluated}</section>`;
}
