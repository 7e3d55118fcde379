import type { Audit, Habit } from '../model/audit.js';
import type { Bucket, Finding } from '../model/finding.js';
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

/** The report's title: --brand-name, else the profile's brand name. */
export function reportTitle(audit: Pick<Audit, 'brand'>, options: Pick<ReporterOptions, 'brandName'>): string {
  const name = options.brandName ?? audit.brand.name;
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
