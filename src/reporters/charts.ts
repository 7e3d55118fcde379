import type { Audit, PostSummary } from '../model/audit.js';
import { localClock, localDate, monthsBetween, WEEKDAYS } from '../local-time.js';
import { escapeHtml } from './escape.js';
import { count } from '../plural.js';

/** Inline SVG charts for the HTML report: no script, no remote asset, readable without colour. */

const MIX = [
  { key: 'promotional', label: 'promotional', colour: '#c2410c' },
  { key: 'conversation', label: 'conversation (replies)', colour: '#15803d' },
  { key: 'links', label: 'links', colour: '#1d4ed8' },
  { key: 'other', label: 'other', colour: '#9ca3af' },
] as const;

export interface Chart {
  id: string;
  title: string;
  description: string;
  svg: string;
  /** The same figures as a table, for screen readers and print. */
  table: { head: string[]; rows: (string | number)[][] };
}

function svg(id: string, title: string, description: string, width: number, height: number, body: string): string {
  return `<svg id="${id}" class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${body}</svg>`;
}

/** Posting cadence: posts per weekday × hour cell. */
export function cadenceHeatmap(posts: readonly PostSummary[], timeZone: string): Chart {
  const counts = WEEKDAYS.map(() => new Array<number>(24).fill(0));
  const clock = localClock(timeZone);
  for (const post of posts) {
    if (post.kind === 'repost') continue;
    const { weekday, hour } = clock(Date.parse(post.createdAt));
    counts[weekday]![hour]!++;
  }
  const max = Math.max(1, ...counts.flat());
  const cell = 22;
  const left = 40;
  const top = 20;
  let body = '';
  for (let h = 0; h < 24; h += 3) body += `<text x="${left + h * cell + cell / 2}" y="14" font-size="10" text-anchor="middle">${h}h</text>`;
  counts.forEach((row, d) => {
    body += `<text x="${left - 6}" y="${top + d * cell + 15}" font-size="11" text-anchor="end">${WEEKDAYS[d]}</text>`;
    row.forEach((n, h) => {
      const alpha = n === 0 ? 0.04 : 0.15 + (0.85 * n) / max;
      body += `<rect class="heat" x="${left + h * cell}" y="${top + d * cell}" width="${cell - 2}" height="${cell - 2}" fill="#1d4ed8" fill-opacity="${alpha.toFixed(2)}"><title>${WEEKDAYS[d]} ${h}:00: ${count(n, 'post')}</title></rect>`;
    });
  });
  const title = `When posts go out (${timeZone})`;
  const total = counts.flat().reduce((a, b) => a + b, 0);
  return {
    id: 'chart-cadence',
    title,
    description: `Posts by weekday and hour; darker is more. ${count(total, 'post')} in all.`,
    svg: svg('chart-cadence', title, `Heatmap of ${count(total, 'post')} by weekday and hour.`, left + 24 * cell + 10, top + 7 * cell + 10, body),
    table: { head: ['weekday', ...Array.from({ length: 24 }, (_, h) => `${h}h`)], rows: counts.map((row, d) => [WEEKDAYS[d]!, ...row]) },
  };
}

function mixOf(post: PostSummary): (typeof MIX)[number]['key'] {
  if (post.classes.includes('promotional')) return 'promotional';
  if (post.kind === 'reply') return 'conversation';
  if (post.classes.includes('link-post')) return 'links';
  return 'other';
}

/** Content mix per local month (the last 24 with posts at the end), promotional, conversation, links and other, stacked. */
export function contentMix(posts: readonly PostSummary[], timeZone: string): Chart {
  const months = new Map<string, Record<string, number>>();
  const empty = () => Object.fromEntries(MIX.map((m) => [m.key, 0]));
  for (const post of posts) {
    if (post.kind === 'repost') continue;
    const month = localDate(post.createdAt, timeZone).slice(0, 7);
    const counts = months.get(month) ?? empty();
    counts[mixOf(post)]!++;
    months.set(month, counts);
  }
  const seen = [...months.keys()].sort();
  const keys = seen.length ? monthsBetween(seen[0]!, seen.at(-1)!).slice(-24) : [];
  for (const key of keys) if (!months.has(key)) months.set(key, empty());
  const barWidth = 28;
  const height = 180;
  const left = 30;
  const max = Math.max(1, ...keys.map((k) => Object.values(months.get(k)!).reduce((a, b) => a + b, 0)));
  let body = '';
  keys.forEach((key, i) => {
    let y = height;
    for (const m of MIX) {
      const n = months.get(key)![m.key]!;
      const h = (n / max) * (height - 20);
      y -= h;
      if (n) body += `<rect class="bar" x="${left + i * (barWidth + 8)}" y="${y.toFixed(1)}" width="${barWidth}" height="${h.toFixed(1)}" fill="${m.colour}"><title>${key}: ${n} ${m.label}</title></rect>`;
    }
    body += `<text x="${left + i * (barWidth + 8) + barWidth / 2}" y="${height + 14}" font-size="9" text-anchor="middle">${key.slice(2)}</text>`;
  });
  MIX.forEach((m, i) => (body += `<rect x="${left + i * 150}" y="${height + 24}" width="10" height="10" fill="${m.colour}"/><text x="${left + i * 150 + 14}" y="${height + 33}" font-size="11">${m.label}</text>`));
  const width = Math.max(620, left + keys.length * (barWidth + 8) + 10);
  return {
    id: 'chart-mix',
    title: 'Content mix by month',
    description: 'Original posts and replies per month, split into promotional, conversation, links and other.',
    svg: svg('chart-mix', 'Content mix by month', 'Stacked bars per month: promotional, conversation, links, other.', width, height + 44, body),
    table: { head: ['month', ...MIX.map((m) => m.label)], rows: keys.map((k) => [k, ...MIX.map((m) => months.get(k)![m.key]!)]) },
  };
}

/** Engagement per post over time, where the source gave counts. */
export function engagementOverTime(posts: readonly PostSummary[], timeZone: string): Chart | undefined {
  const dateOf = (post: PostSummary) => localDate(post.createdAt, timeZone);
  const points = posts.filter((p) => p.engagement !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (points.length < 2) return undefined;
  const width = 620;
  const height = 180;
  const left = 40;
  const first = Date.parse(points[0]!.createdAt);
  const span = Math.max(1, Date.parse(points.at(-1)!.createdAt) - first);
  const max = Math.max(1, ...points.map((p) => p.engagement!));
  let body = `<line x1="${left}" y1="${height}" x2="${width - 10}" y2="${height}" stroke="#9ca3af"/><text x="${left - 6}" y="14" font-size="10" text-anchor="end">${max}</text><text x="${left - 6}" y="${height}" font-size="10" text-anchor="end">0</text>`;
  body += `<text x="${left}" y="${height + 14}" font-size="10">${dateOf(points[0]!)}</text><text x="${width - 10}" y="${height + 14}" font-size="10" text-anchor="end">${dateOf(points.at(-1)!)}</text>`;
  for (const p of points) {
    const x = left + ((Date.parse(p.createdAt) - first) / span) * (width - left - 20);
    const y = height - (p.engagement! / max) * (height - 10);
    body += `<circle class="dot" cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3" fill="${p.classes.includes('promotional') ? '#c2410c' : '#1d4ed8'}"><title>${dateOf(p)} ${p.platform}: ${p.engagement}</title></circle>`;
  }
  return {
    id: 'chart-engagement',
    title: 'Engagement per post',
    description: 'Likes, reposts, replies and quotes per post over time (promotional posts in orange).',
    svg: svg('chart-engagement', 'Engagement per post', `${count(points.length, 'post')} with engagement counts, over time.`, width, height + 20, body),
    table: { head: ['date', 'platform', 'engagement'], rows: points.slice(-50).map((p) => [dateOf(p), p.platform, p.engagement!]) },
  };
}

/** Findings by family, as horizontal bars. */
export function findingsByFamily(audit: Pick<Audit, 'findings' | 'scores'>): Chart {
  const families = Object.keys(audit.scores.byFamily);
  const counts = families.map((family) => audit.findings.filter((f) => f.family === family && f.bucket !== 'keep').length);
  const max = Math.max(1, ...counts);
  const row = 24;
  const left = 120;
  let body = '';
  families.forEach((family, i) => {
    const w = (counts[i]! / max) * 420;
    body += `<text x="${left - 8}" y="${i * row + 16}" font-size="12" text-anchor="end">${escapeHtml(family)}</text><rect class="bar" x="${left}" y="${i * row + 4}" width="${Math.max(w, 1).toFixed(1)}" height="16" fill="#7c3aed"/><text x="${left + w + 6}" y="${i * row + 16}" font-size="11">${counts[i]}</text>`;
  });
  return {
    id: 'chart-families',
    title: 'Findings by family',
    description: 'How many findings each family of rules raised.',
    svg: svg('chart-families', 'Findings by family', 'Bar chart of findings per rule family.', 600, families.length * row + 8, body),
    table: { head: ['family', 'findings'], rows: families.map((f, i) => [f, counts[i]!]) },
  };
}
