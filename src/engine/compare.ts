import type { Audit, Comparison, HabitChange } from '../model/audit.js';
import { levelRank } from '../model/names.js';
import { fingerprint } from '../model/fingerprint.js';

const DAY = 86_400_000;

/** Below this many percentage points a habit's reach has not moved: one post more or less in a window of 200. */
const SAME_SHARE = 1;

/**
 * How long an audit's window is, in words a report can show: the newest N posts (and the age
 * bound) when a count chose them, else the days from the first to the last day it covers.
 */
export function windowLength(audit: Pick<Audit, 'window' | 'stats'>): string {
  const w = audit.window;
  if (w && !w.since && !w.until && w.last !== undefined) {
    if (w.maxAgeDays === undefined) return `the newest ${w.last} posts`;
    const age = w.maxAgeDays === 365 ? '12 months' : `${w.maxAgeDays} days`;
    return `the newest ${w.last} posts, none older than ${age} before the newest`;
  }
  const from = w?.since ?? audit.stats.from;
  const to = w?.until ?? audit.stats.to;
  if (!from || !to) return 'no posts';
  return `${Math.max(1, Math.ceil((Date.parse(to) - Date.parse(from)) / DAY))} days`;
}

/** Why two audits cannot be compared habit by habit, or undefined when their windows are as long. */
export function windowMismatch(current: Pick<Audit, 'window' | 'stats'>, previous: Pick<Audit, 'window' | 'stats'>): string | undefined {
  const [after, before] = [windowLength(current), windowLength(previous)];
  if (after === before) return undefined;
  // Day counts a day apart are the same window, cut at a different hour.
  const days = (label: string) => /^(\d+) days$/.exec(label)?.[1];
  if (days(after) && days(before) && Math.abs(Number(days(after)) - Number(days(before))) <= 1) return undefined;
  return `the audits cover windows of different length (${before} before, ${after} now)`;
}

/** Before and after: score changes per family and per habit, and which findings were fixed, are new, or remain. */
export function compareAudits(current: Audit, previous: Audit): Comparison {
  const problems = (audit: Audit) => audit.findings.filter((f) => f.bucket !== 'keep');
  const before = new Map(problems(previous).map((f) => [fingerprint(f), f]));
  const after = new Map(problems(current).map((f) => [fingerprint(f), f]));
  const families = [...new Set([...Object.keys(previous.scores.byFamily), ...Object.keys(current.scores.byFamily)])].sort();
  // A post older than the new window's first post was not fixed: it left the window.
  const start = current.window?.since ?? current.stats.from;
  const since = start ? Date.parse(start) : Number.NEGATIVE_INFINITY;
  const inWindow = (f: Audit['findings'][number]) => !f.post || Date.parse(f.post.createdAt) >= since;
  const gone = [...before].filter(([key]) => !after.has(key)).map(([, f]) => f);
  return {
    previous: { generatedAt: previous.generatedAt, from: previous.stats.from, to: previous.stats.to },
    window: windowLength(current),
    habits: habitChanges(current, previous),
    overall: { before: previous.scores.overall, after: current.scores.overall },
    byFamily: Object.fromEntries(families.map((family) => [family, { before: previous.scores.byFamily[family], after: current.scores.byFamily[family] }])),
    fixed: gone.filter(inWindow),
    leftWindow: gone.filter((f) => !inWindow(f)).length,
    new: [...after].filter(([key]) => !before.has(key)).map(([, f]) => f),
    remaining: [...after.keys()].filter((key) => before.has(key)).length,
  };
}

type Reach = NonNullable<HabitChange['after']>;

/** Each rule's habits on a network, added up: a link repeated all week is one habit however many links did it. */
function reachByHabit(audit: Audit): Map<string, { rule: string; family: string; platform?: HabitChange['platform']; reach: Reach }> {
  const out = new Map<string, { rule: string; family: string; platform?: HabitChange['platform']; reach: Reach }>();
  for (const habit of audit.habits ?? []) {
    const key = `${habit.rule}|${habit.platform ?? ''}`;
    const seen = out.get(key);
    if (!seen) {
      out.set(key, { rule: habit.rule, family: habit.family, platform: habit.platform, reach: { level: habit.level, posts: habit.posts, share: habit.share } });
      continue;
    }
    seen.reach = {
      level: levelRank(habit.level) > levelRank(seen.reach.level) ? habit.level : seen.reach.level,
      posts: seen.reach.posts + habit.posts,
      share: Math.round((seen.reach.share + habit.share) * 10) / 10,
    };
  }
  return out;
}

const ORDER: readonly HabitChange['change'][] = ['new', 'worse', 'same', 'better', 'gone'];

/** Per habit, what moved: a level up or down first, else the share of posts it touches. */
function habitChanges(current: Audit, previous: Audit): HabitChange[] {
  const [now, then] = [reachByHabit(current), reachByHabit(previous)];
  const titles = new Map([...previous.rules, ...current.rules].map((r) => [r.id, r.description]));
  const changes = [...new Set([...then.keys(), ...now.keys()])].map((key): HabitChange => {
    const a = now.get(key);
    const b = then.get(key);
    const { rule, family, platform } = (a ?? b)!;
    return { rule, family, platform, title: titles.get(rule) ?? rule, before: b?.reach, after: a?.reach, change: direction(b?.reach, a?.reach) };
  });
  return changes.sort((x, y) => ORDER.indexOf(x.change) - ORDER.indexOf(y.change) || Math.abs(delta(y)) - Math.abs(delta(x)) || x.rule.localeCompare(y.rule));
}

function direction(before: Reach | undefined, after: Reach | undefined): HabitChange['change'] {
  if (!after) return 'gone';
  if (!before) return 'new';
  const level = levelRank(after.level) - levelRank(before.level);
  if (level) return level > 0 ? 'worse' : 'better';
  const share = after.share - before.share;
  return Math.abs(share) < SAME_SHARE ? 'same' : share > 0 ? 'worse' : 'better';
}

function delta(change: HabitChange): number {
  return (change.after?.share ?? 0) - (change.before?.share ?? 0);
}
