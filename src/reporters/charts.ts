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
  const attributes = {
    id,
    class: 'chart',
    viewBox: `0 0 ${width} ${height}`,
    width: '100%',
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    xmlns: 'http://www.w3.org/2000/svg',
  };
  const named = `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`;
  return element('svg', attributes, named + body);
}

/** An SVG element with its attributes in the order given; `content` is markup already escaped, and without it the element closes itself. */
function element(name: string, attributes: Record<string, string | number>, content?: string): string {
  const written = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
  return content === undefined ? `<${name}${written}/>` : `<${name}${written}>${content}</${name}>`;
}

/** The plot area every chart with a value axis shares, so axes and titles sit in the same place. */
const PLOT = { left: 56, top: 12, width: 600, height: 170 };
const INK = '#374151';

/** The title under an axis, centred at `x`; `text` is markup already escaped. */
const axisTitle = (x: number, y: number, text: string) =>
  element('text', { class: 'axis-title', x, y, 'font-size': 11, 'text-anchor': 'middle', fill: INK }, text);

/** A round top for a value axis (1, 2 or 5 × 10ⁿ), so its ticks read as plain numbers. */
function niceMax(max: number): number {
  if (max <= 5) return Math.max(1, Math.ceil(max));
  const step = 10 ** Math.floor(Math.log10(max));
  return [1, 1.5, 2, 3, 4, 5, 6, 8, 10].map((m) => m * step).find((top) => top >= max) ?? 10 * step;
}

/** A labelled value axis with gridlines at 0, ½ and the top, and the axis' title turned along it. */
function valueAxis(top: number, title: string): string {
  const { left, height, width } = PLOT;
  let out = '';
  for (const value of [0, top / 2, top]) {
    const y = PLOT.top + height - (value / top) * height;
    const label = Number.isInteger(value) ? String(value) : value.toFixed(1);
    out +=
      `<line class="grid" x1="${left}" x2="${left + width}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#d1d5db"/>` +
      `<text class="tick" x="${left - 6}" y="${(y + 4).toFixed(1)}" font-size="10" text-anchor="end" fill="${INK}">${label}</text>`;
  }
  const turned = { class: 'axis-title', transform: `translate(14 ${PLOT.top + height / 2}) rotate(-90)`, 'font-size': 11, 'text-anchor': 'middle', fill: INK };
  return out + element('text', turned, escapeHtml(title));
}

/** A time axis under the plot: its line, the tick labels given, and its title. */
function timeAxis(ticks: readonly { x: number; label: string }[], title: string): string {
  const y = PLOT.top + PLOT.height;
  const labels = ticks
    .map(
      (t) =>
        `<line x1="${t.x.toFixed(1)}" x2="${t.x.toFixed(1)}" y1="${y}" y2="${y + 4}" stroke="${INK}"/>` +
        `<text class="tick" x="${t.x.toFixed(1)}" y="${y + 16}" font-size="10" text-anchor="middle" fill="${INK}">${escapeHtml(t.label)}</text>`,
    )
    .join('');
  const axis = element('line', { class: 'axis', x1: PLOT.left, x2: PLOT.left + PLOT.width, y1: y, y2: y, stroke: INK });
  return axis + labels + axisTitle(PLOT.left + PLOT.width / 2, y + 34, escapeHtml(title));
}

/** Month keys to label on an axis of `n` months: about a dozen, every January when the span runs over years. */
function monthTicks(keys: readonly string[]): number[] {
  if (keys.length <= 12) return keys.map((_, i) => i);
  const step = keys.length <= 24 ? 2 : keys.length <= 48 ? 3 : 12;
  return keys.flatMap((key, i) => ((step === 12 ? key.endsWith('-01') : (Number(key.slice(5)) - 1) % step === 0) ? [i] : []));
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
  const left = 56;
  const top = 22;
  const opacity = (n: number) => (n === 0 ? 0.04 : 0.15 + (0.85 * n) / max).toFixed(2);
  let body =
    `<text class="axis-title" transform="translate(14 ${top + 3.5 * cell}) rotate(-90)" font-size="11" text-anchor="middle" fill="${INK}">` + `weekday</text>`;
  for (let h = 0; h < 24; h += 3)
    body += `<text class="tick" x="${left + h * cell + cell / 2}" y="14" font-size="10" text-anchor="middle" fill="${INK}">${h}h</text>`;
  counts.forEach((row, d) => {
    body += `<text class="tick" x="${left - 6}" y="${top + d * cell + 15}" font-size="11" text-anchor="end" fill="${INK}">${WEEKDAYS[d]}</text>`;
    row.forEach((n, h) => {
      const square = { class: 'heat', x: left + h * cell, y: top + d * cell, width: cell - 2, height: cell - 2, fill: '#1d4ed8', 'fill-opacity': opacity(n) };
      body += element('rect', square, `<title>${WEEKDAYS[d]} ${h}:00: ${count(n, 'post')}</title>`);
    });
  });
  const bottom = top + 7 * cell;
  body += axisTitle(left + 12 * cell, bottom + 16, `hour of day (${escapeHtml(timeZone)})`);
  // The legend gives the colour scale its numbers: the lightest cell is 0 posts, the darkest the busiest hour.
  const steps = [0, Math.ceil(max / 4), Math.ceil(max / 2), Math.ceil((3 * max) / 4), max].filter((n, i, all) => all.indexOf(n) === i);
  steps.forEach((n, i) => {
    const x = left + i * 56;
    body +=
      `<rect class="legend" x="${x}" y="${bottom + 26}" width="14" height="14" fill="#1d4ed8" fill-opacity="${opacity(n)}" stroke="#9ca3af"/>` +
      `<text x="${x + 18}" y="${bottom + 37}" font-size="10" fill="${INK}">${n}</text>`;
  });
  body += `<text x="${left + steps.length * 56 + 4}" y="${bottom + 37}" font-size="10" fill="${INK}">posts in the hour</text>`;
  const title = `When posts go out (${timeZone})`;
  const total = counts.flat().reduce((a, b) => a + b, 0);
  return {
    id: 'chart-cadence',
    title,
    description:
      `Posts by weekday and hour; darker is more, up to ${count(max, 'post')} in the busiest hour. ` + `${count(total, 'post')} in all, reposts left out.`,
    svg: svg('chart-cadence', title, `Heatmap of ${count(total, 'post')} by weekday and hour.`, left + 24 * cell + 10, bottom + 48, body),
    table: { head: ['weekday', ...Array.from({ length: 24 }, (_, h) => `${h}h`)], rows: counts.map((row, d) => [WEEKDAYS[d]!, ...row]) },
  };
}

function mixOf(post: PostSummary): (typeof MIX)[number]['key'] {
  if (post.classes.includes('promotional')) return 'promotional';
  if (post.kind === 'reply') return 'conversation';
  if (post.classes.includes('link-post')) return 'links';
  return 'other';
}

/** Content mix per local month over the whole window, quiet months included, promotional, conversation, links and other, stacked. */
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
  const keys = seen.length ? monthsBetween(seen[0]!, seen.at(-1)!) : [];
  for (const key of keys) if (!months.has(key)) months.set(key, empty());
  const slot = PLOT.width / Math.max(1, keys.length);
  const barWidth = Math.max(1, Math.min(40, slot * 0.8));
  const top = niceMax(Math.max(1, ...keys.map((k) => Object.values(months.get(k)!).reduce((a, b) => a + b, 0))));
  let body = valueAxis(top, 'posts per month');
  keys.forEach((key, i) => {
    let y = PLOT.top + PLOT.height;
    for (const m of MIX) {
      const n = months.get(key)![m.key]!;
      const h = (n / top) * PLOT.height;
      y -= h;
      if (n)
        body += element(
          'rect',
          {
            class: 'bar',
            x: (PLOT.left + i * slot + (slot - barWidth) / 2).toFixed(1),
            y: y.toFixed(1),
            width: barWidth.toFixed(1),
            height: h.toFixed(1),
            fill: m.colour,
          },
          `<title>${key}: ${n} ${m.label}</title>`,
        );
    }
  });
  const ticks = monthTicks(keys).map((i) => ({ x: PLOT.left + i * slot + slot / 2, label: keys.length > 48 ? keys[i]!.slice(0, 4) : keys[i]! }));
  body += timeAxis(ticks, `month (${timeZone})`);
  const legendY = PLOT.top + PLOT.height + 46;
  MIX.forEach(
    (m, i) =>
      (body +=
        `<rect x="${PLOT.left + i * 150}" y="${legendY}" width="10" height="10" fill="${m.colour}"/>` +
        `<text x="${PLOT.left + i * 150 + 14}" y="${legendY + 9}" font-size="11" fill="${INK}">${m.label}</text>`),
  );
  const span = keys.length ? `${keys[0]} to ${keys.at(-1)}, ${count(keys.length, 'month')}` : 'no posts';
  return {
    id: 'chart-mix',
    title: 'Content mix by month',
    description: `Original posts and replies per month (${span}, quiet months shown as gaps), split into promotional, conversation, links and other.`,
    svg: svg(
      'chart-mix',
      'Content mix by month',
      'Stacked bars per month: promotional, conversation, links, other.',
      PLOT.left + PLOT.width + 10,
      legendY + 16,
      body,
    ),
    table: { head: ['month', ...MIX.map((m) => m.label)], rows: keys.map((k) => [k, ...MIX.map((m) => months.get(k)![m.key]!)]) },
  };
}

/** Engagement per post over time, where the source gave counts; its figures are monthly, a table of every post would read for minutes. */
export function engagementOverTime(posts: readonly PostSummary[], timeZone: string): Chart | undefined {
  const points = posts.filter((p) => p.engagement !== undefined).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (points.length < 2) return undefined;
  const monthOf = (post: PostSummary) => localDate(post.createdAt, timeZone).slice(0, 7);
  const keys = monthsBetween(monthOf(points[0]!), monthOf(points.at(-1)!));
  const byMonth = new Map<string, number[]>(keys.map((k) => [k, []]));
  for (const p of points) byMonth.get(monthOf(p))!.push(p.engagement!);
  // The axis runs from the first day of the first month to the end of the last, so months are equally wide.
  const [y0, m0] = keys[0]!.split('-').map(Number) as [number, number];
  const start = Date.UTC(y0, m0 - 1, 1);
  const [y1, m1] = keys.at(-1)!.split('-').map(Number) as [number, number];
  const span = Date.UTC(y1, m1, 1) - start;
  const top = niceMax(Math.max(1, ...points.map((p) => p.engagement!)));
  let body = valueAxis(top, 'engagement per post');
  for (const p of points) {
    const x = PLOT.left + ((Date.parse(p.createdAt) - start) / span) * PLOT.width;
    const y = PLOT.top + PLOT.height - (p.engagement! / top) * PLOT.height;
    const dot = {
      class: 'dot',
      cx: x.toFixed(1),
      cy: y.toFixed(1),
      r: 2.5,
      fill: p.classes.includes('promotional') ? '#c2410c' : '#1d4ed8',
      'fill-opacity': 0.7,
    };
    body += element('circle', dot, `<title>${localDate(p.createdAt, timeZone)} ${p.platform}: ${p.engagement}</title>`);
  }
  const slot = PLOT.width / keys.length;
  body += timeAxis(
    monthTicks(keys).map((i) => ({ x: PLOT.left + i * slot, label: keys.length > 48 ? keys[i]!.slice(0, 4) : keys[i]! })),
    `month the post went out (${timeZone})`,
  );
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2 : 0;
  };
  const legendY = PLOT.top + PLOT.height + 46;
  body +=
    `<circle cx="${PLOT.left + 5}" cy="${legendY + 5}" r="4" fill="#1d4ed8"/>` +
    `<text x="${PLOT.left + 14}" y="${legendY + 9}" font-size="11" fill="${INK}">post</text>` +
    `<circle cx="${PLOT.left + 85}" cy="${legendY + 5}" r="4" fill="#c2410c"/>` +
    `<text x="${PLOT.left + 94}" y="${legendY + 9}" font-size="11" fill="${INK}">promotional post</text>`;
  return {
    id: 'chart-engagement',
    title: 'Engagement per post',
    description: `Likes, reposts, replies and quotes of each of ${count(points.length, 'post')} with counts, over time (promotional posts in orange).`,
    svg: svg(
      'chart-engagement',
      'Engagement per post',
      `${count(points.length, 'post')} with engagement counts, over time.`,
      PLOT.left + PLOT.width + 10,
      legendY + 16,
      body,
    ),
    table: {
      head: ['month', 'posts with counts', 'median engagement', 'highest'],
      rows: keys.map((k) => {
        const v = byMonth.get(k)!;
        return [k, v.length, median(v), v.length ? Math.max(...v) : 0];
      }),
    },
  };
}

/** Findings by family, as horizontal bars: a post finding counts once per post, an account finding once. */
export function findingsByFamily(audit: Pick<Audit, 'findings' | 'scores'>): Chart {
  const families = Object.keys(audit.scores.byFamily);
  const counts = families.map((family) => audit.findings.filter((f) => f.family === family && f.bucket !== 'keep').length);
  const top = niceMax(Math.max(1, ...counts));
  const row = 24;
  const left = 130;
  const width = 420;
  let body = '';
  families.forEach((family, i) => {
    const w = (counts[i]! / top) * width;
    body +=
      `<text x="${left - 8}" y="${i * row + 16}" font-size="12" text-anchor="end" fill="${INK}">${escapeHtml(family)}</text>` +
      `<rect class="bar" x="${left}" y="${i * row + 4}" width="${Math.max(w, 1).toFixed(1)}" height="16" fill="#7c3aed"/>` +
      `<text x="${left + w + 6}" y="${i * row + 16}" font-size="11" fill="${INK}">${counts[i]}</text>`;
  });
  const axisY = families.length * row + 6;
  body += `<line class="axis" x1="${left}" x2="${left + width}" y1="${axisY}" y2="${axisY}" stroke="${INK}"/>`;
  for (const value of [0, top / 2, top])
    body += `<text class="tick" x="${left + (value / top) * width}" y="${axisY + 14}" font-size="10" text-anchor="middle" fill="${INK}">${value}</text>`;
  body += axisTitle(left + width / 2, axisY + 30, 'findings (one per post, or one per account habit)');
  return {
    id: 'chart-families',
    title: 'Findings by family',
    description: 'How many findings each family of rules raised: a post finding counts once per post, an account-level finding once.',
    svg: svg('chart-families', 'Findings by family', 'Bar chart of findings per rule family.', 600, axisY + 38, body),
    table: { head: ['family', 'findings'], rows: families.map((f, i) => [f, counts[i]!]) },
  };
}
