import { formatWhere } from '../errors.js';
import type { Audit, Comparison, Habit } from '../model/audit.js';
import type { Bucket, Finding, PostRef } from '../model/finding.js';
import { formatLocalDate, localDate } from '../local-time.js';
import type { ReporterOptions } from './reporter.js';
import { count } from '../plural.js';

export { SCORE_METHOD } from '../model/scoring.js';

export interface ReportSection {
  bucket: Bucket;
  title: string;
  /** One line on what the section asks of the reader. */
  summary: string;
  findings: Finding[];
  /** The section's habits by impact, each with the findings it gathers (the "keep" section has none). */
  habits: HabitView[];
}

export interface HabitView {
  habit: Habit;
  findings: Finding[];
}

const SECTIONS: readonly Omit<ReportSection, 'findings' | 'habits'>[] = [
  { bucket: 'stop', title: 'Stop', summary: 'habits across the account to stop' },
  { bucket: 'fix', title: 'Fix', summary: 'posts to edit, or to write differently next time' },
  { bucket: 'delete', title: 'Delete', summary: 'posts to remove: copies, dead links, clutter' },
  { bucket: 'keep', title: 'Keep doing', summary: 'what already works' },
];

/** The cleanup report's four sections, in reading order, each with its findings (already sorted by the engine). */
export function reportSections(audit: Pick<Audit, 'findings' | 'habits'>): ReportSection[] {
  const habits = (audit.habits ?? []).map((habit) => ({ habit, findings: habit.findings.map((i) => audit.findings[i]!).filter(Boolean) }));
  return SECTIONS.map((section) => ({
    ...section,
    findings: audit.findings.filter((f) => f.bucket === section.bucket),
    habits: habits.filter((view) => view.habit.bucket === section.bucket),
  }));
}

/** What the audit covers and how to widen it, in one sentence; empty for documents that did not record it. */
export function windowNote(audit: Pick<Audit, 'window'>): string {
  const w = audit.window;
  if (!w) return '';
  const parts: string[] = [];
  if (w.last !== undefined) parts.push(`the newest ${w.last} posts of each account`);
  if (w.maxAgeDays !== undefined) parts.push(`no older than ${w.maxAgeDays === 365 ? '12 months' : `${w.maxAgeDays} days`} before its newest post`);
  if (w.since) parts.push(`from ${w.since.slice(0, 10)}`);
  if (w.until) parts.push(`up to ${w.until.slice(0, 10)}`);
  const scope = parts.length ? `Audited: ${parts.join(', ')}` : 'Audited: every post';
  const left = w.olderLeftOut ? `; ${count(w.olderLeftOut, 'older post')} left out (--all or --since to widen)` : '';
  return `${scope}${left}.`;
}

/** "12 posts (8% of x)" for a habit of post findings. */
export function habitReach(habit: Habit): string {
  return `${count(habit.posts, 'post')}${habit.platform ? ` (${habit.share}% of ${habit.platform})` : ''}`;
}

/** A finding's date as YYYY-MM-DD, in UTC unless a time zone is given. */
export function shortDate(iso: string, timeZone = 'UTC'): string {
  return localDate(iso, timeZone);
}

/** The report's title: --brand-name, else the profile's brand name, else the handles the exports name. */
export function reportTitle(audit: Pick<Audit, 'brand' | 'sources'>, options: Pick<ReporterOptions, 'brandName'>): string {
  const handles = [...new Set(audit.sources.map((s) => accountName(s.account)).filter((a): a is string => a !== undefined))];
  const name = options.brandName ?? audit.brand.name ?? (handles.length ? list(handles.slice(0, 3)) + (handles.length > 3 ? ' and others' : '') : undefined);
  return name ? `${name}: social presence audit` : 'Social presence audit';
}

/** A date in the reader's locale and time zone. */
export function formatDate(iso: string, options: Pick<ReporterOptions, 'locale' | 'timeZone'>): string {
  return formatLocalDate(iso, options.locale, options.timeZone);
}

/** One sentence on what drove a family's score. */
export function familyScoreNote(audit: Pick<Audit, 'habits'>, family: string): string {
  const mine = (audit.habits ?? []).filter((h) => h.family === family);
  if (mine.length === 0) return 'No findings: full marks.';
  const account = mine.filter((h) => h.scope === 'account').length;
  const posts = new Set(mine.filter((h) => h.scope === 'post').flatMap((h) => h.postIds)).size;
  return `${count(account, 'account-level habit')}; ${count(mine.length - account, 'habit')} of post findings touching ${count(posts, 'post')}.`;
}

/** A rule's habits on one network as one card: a link posted again and again is one habit, not one card per link. */
export interface HabitGroup {
  rule: string;
  family: string;
  level: Habit['level'];
  bucket: Habit['bucket'];
  scope: Habit['scope'];
  platform?: Habit['platform'];
  /** The rule's description. */
  title: string;
  /** Posts touched, and their share (%) of the network's audited posts. */
  posts: number;
  share: number;
  views: HabitView[];
  /** The post findings it gathers, newest first (empty for account habits). */
  postFindings: Finding[];
}

/** Habits gathered per rule and network, in the engine's order of impact. */
export function habitGroups(audit: Pick<Audit, 'findings' | 'habits' | 'rules'>, buckets: readonly Bucket[] = ['stop', 'fix', 'delete']): HabitGroup[] {
  const groups = new Map<string, HabitGroup>();
  for (const view of reportSections(audit).flatMap((s) => s.habits)) {
    const { habit } = view;
    if (!buckets.includes(habit.bucket)) continue;
    const key = `${habit.rule}|${habit.platform ?? ''}|${habit.bucket}`;
    const group = groups.get(key);
    if (group) {
      group.views.push(view);
      group.posts += habit.posts;
      group.share = Math.round((group.share + habit.share) * 10) / 10;
      continue;
    }
    const title = audit.rules.find((r) => r.id === habit.rule)?.description ?? habit.summary;
    groups.set(key, {
      rule: habit.rule,
      family: habit.family,
      level: habit.level,
      bucket: habit.bucket,
      scope: habit.scope,
      platform: habit.platform,
      title,
      posts: habit.posts,
      share: habit.share,
      views: [view],
      postFindings: [],
    });
  }
  for (const group of groups.values()) {
    group.postFindings = group.views
      .flatMap((v) => v.findings)
      .filter((f) => f.post)
      .sort((a, b) => b.post!.createdAt.localeCompare(a.post!.createdAt));
  }
  return [...groups.values()];
}

/** The changes that matter most, for the first page: errors and warnings first, three to five of them. */
export function topChanges(groups: readonly HabitGroup[], most = 5): HabitGroup[] {
  const serious = groups.filter((g) => g.level !== 'suggestion');
  return (serious.length >= 3 ? serious : groups).slice(0, most);
}

/** What already works: the "keep doing" findings, and the families whose rules found nothing. */
export function goingWell(audit: Pick<Audit, 'findings' | 'scores' | 'habits'>): string[] {
  const keep = audit.findings.filter((f) => f.bucket === 'keep').map((f) => f.message);
  const clean = Object.keys(audit.scores.byFamily).filter((family) => !(audit.habits ?? []).some((h) => h.family === family));
  return clean.length ? [...keep, `Nothing to change in ${list(clean.map((f) => f.replace(/-/g, ' ')))}.`] : keep;
}

/** The overall verdict in a few words, from the overall score. */
export function verdict(overall: number): string {
  if (overall >= 90) return 'In good shape';
  if (overall >= 75) return 'Sound, with habits to change';
  if (overall >= 50) return 'Needs work';
  return 'Needs an overhaul';
}

/** "a, b and c". */
export function list(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Example posts shown under each habit in every report; the rest are in the appendix, the CSV and the JSON. */
export const EXAMPLES_PER_HABIT = 3;

/**
 * A source as a report names it: the file name, never the directory it was read from (a report
 * goes to a client; a path would show the consultant's disk). Accounts and URLs stay as given.
 */
export function sourceName(spec: string): string {
  if (spec === '-') return 'standard input';
  if (spec.includes('://') || !/[\\/]/.test(spec)) return spec;
  return spec.replace(/[\\/]+$/, '').replace(/^.*[\\/]/, '');
}

/** A post's place in its export, by file name: `archive.zip:data/tweets.js#12`. */
export function postSource(source: PostRef['source']): string {
  return formatWhere({ ...source, file: source.file.replace(/^(?:[A-Za-z]:)?[^:]*[\\/]/, '') });
}

/** "@northwindlamps", "@acme@mastodon.social": an account as its audience knows it (none for a bare DID). */
export function accountName(account: string | undefined): string | undefined {
  if (!account || account.startsWith('did:')) return undefined;
  return account.startsWith('@') || !/^[\w.-]+$/.test(account) ? account : `@${account}`;
}

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  feed: 'a feed',
  other: 'another network',
};

/** A network as a client reads it: "X", "LinkedIn". */
export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform;
}

/** "1,100 posts (55% of X)": how far a group of habits reaches. */
export function groupReach(group: Pick<HabitGroup, 'posts' | 'share' | 'platform'>, locale = 'en'): string {
  const n = new Intl.NumberFormat(locale).format(group.posts);
  return `${n} ${group.posts === 1 ? 'post' : 'posts'}${group.platform ? ` (${group.share}% of ${platformName(group.platform)})` : ''}`;
}

/** Before and after of a habit, in words: "12.5% (25 posts)", or "–" when it was not there. */
export function habitReachText(reach: { posts: number; share: number } | undefined): string {
  return reach ? `${reach.share}% (${count(reach.posts, 'post')})` : '–';
}

export const CHANGE_WORDS: Readonly<Record<string, string>> = { gone: 'gone', better: 'better', same: 'unchanged', worse: 'worse', new: 'new' };

/** "3 habits better or gone, 1 worse or new, 2 unchanged" over a comparison's habits. */
/** "3 findings fixed, 2 new, 5 remaining; 4 on posts older than this window", as every report says it. */
export function findingChangeSummary(change: Pick<Comparison, 'fixed' | 'new' | 'remaining' | 'leftWindow'>): string {
  const left = change.leftWindow ? `; ${change.leftWindow} on posts older than this window, neither fixed nor counted` : '';
  return `${count(change.fixed.length, 'finding')} fixed, ${change.new.length} new, ${change.remaining} remaining${left}`;
}

export function habitChangeSummary(changes: readonly { change: string }[]): string {
  const n = (...kinds: string[]) => changes.filter((c) => kinds.includes(c.change)).length;
  return `${count(n('better', 'gone'), 'habit')} better or gone, ${n('worse', 'new')} worse or new, ${n('same')} unchanged`;
}
