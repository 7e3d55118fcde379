import type { Audit, Habit } from '../model/audit.js';
import type { Finding } from '../model/finding.js';
import { levelRank } from '../model/names.js';
import type { Platform } from '../model/post.js';

interface HabitContext {
  describe(rule: string): string;
  createdAt(postId: string): string | undefined;
  postsOn(platform: Platform | undefined): number;
}

/** The habits of an audit, from what the document itself holds: so a changed finding list (a baseline, a gate) regroups alike. */
export function habitsOf(audit: Pick<Audit, 'findings' | 'rules' | 'posts' | 'stats'>): Habit[] {
  const descriptions = new Map(audit.rules.map((rule) => [rule.id, rule.description]));
  const times = new Map(audit.posts.map((post) => [post.id, post.createdAt]));
  return gatherHabits(audit.findings, {
    describe: (rule) => descriptions.get(rule) ?? rule,
    createdAt: (id) => times.get(id),
    postsOn: (platform) => (platform ? (audit.stats.byPlatform[platform] ?? 0) : audit.stats.posts),
  });
}

/**
 * Gathers findings into habits: a rule's post findings on one platform become one habit listing
 * its posts; an account finding is a habit of its own. Ordered by impact: level, posts touched, newest.
 */
export function gatherHabits(findings: readonly Finding[], context: HabitContext): Habit[] {
  const byRule = new Map<string, { indexes: number[]; postIds: Set<string> }>();
  const habits: Habit[] = [];
  findings.forEach((finding, index) => {
    if (finding.bucket === 'keep') return;
    if (finding.scope === 'account') {
      habits.push(habit(finding, finding.message, [index], finding.postIds ?? [], finding.platform, context));
      return;
    }
    const key = `${finding.rule}\u0000${finding.post!.platform}`;
    let group = byRule.get(key);
    if (!group) byRule.set(key, (group = { indexes: [], postIds: new Set() }));
    group.indexes.push(index);
    group.postIds.add(finding.post!.id);
  });
  for (const { indexes, postIds } of byRule.values()) {
    const first = findings[indexes[0]!]!;
    const level = indexes.reduce((top, i) => (levelRank(findings[i]!.level) > levelRank(top) ? findings[i]!.level : top), first.level);
    habits.push({ ...habit(first, context.describe(first.rule), indexes, [...postIds], first.post!.platform, context), level });
  }
  return habits.sort(byImpact);
}

function habit(finding: Finding, summary: string, indexes: number[], postIds: string[], platform: Platform | undefined, context: HabitContext): Habit {
  const dated = postIds.map((id) => ({ id, at: context.createdAt(id) ?? '' })).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const total = context.postsOn(platform);
  return {
    rule: finding.rule,
    family: finding.family,
    level: finding.level,
    bucket: finding.bucket as Habit['bucket'],
    scope: finding.scope,
    ...(platform && { platform }),
    summary,
    posts: dated.length,
    share: total ? Math.round((1000 * dated.length) / total) / 10 : 0,
    postIds: dated.map((d) => d.id),
    ...(dated[0]?.at && { newest: dated[0].at }),
    findings: indexes,
  };
}

function byImpact(a: Habit, b: Habit): number {
  return (
    levelRank(b.level) - levelRank(a.level) ||
    b.posts - a.posts ||
    (b.newest ?? '').localeCompare(a.newest ?? '') ||
    a.rule.localeCompare(b.rule) ||
    (a.platform ?? '').localeCompare(b.platform ?? '')
  );
}
