import { AUDIT_VERSION, type Audit, type PostSummary, type SourceSummary } from '../model/audit.js';
import { levelRank, type Bucket, type Finding, type FindingData, type Level, type PostRef } from '../model/finding.js';
import { PLATFORMS, type Platform, type Post, type PostKind } from '../model/post.js';
import { isNotEvaluated, type AccountCheck, type PostCheck } from '../rules/kinds/define-kind.js';
import type { Rule, RuleSet } from '../rules/load-rules.js';
import { PostFacts } from '../text/facts.js';
import { renderMessage } from './message.js';
import { scoreFamilies } from './score.js';

export interface AuditInput {
  posts: readonly Post[];
  ruleSet: RuleSet;
  sources: readonly SourceSummary[];
  brandName?: string;
  generatedAt: string;
  toolVersion: string;
  /** IANA time zone for rules about the time of day (default UTC). */
  timeZone?: string;
  /** Only these posts are judged one by one (a queue); all posts still count for account rules. */
  judged?: ReadonlySet<string>;
  /** Measures already taken, kept across audits of the same posts (a queue check runs two). */
  measured?: Map<Post, PostFacts>;
}

const BUCKET_ORDER: Record<Bucket, number> = { stop: 0, fix: 1, delete: 2, keep: 3 };

/** Turns posts and rules into an Audit: pure and synchronous, no files, no terminal. */
export function runAudit(input: AuditInput): Audit {
  // Account-level kinds read the timeline in time order.
  const facts = input.posts
    .map((post) => {
      let f = input.measured?.get(post);
      if (!f) {
        f = new PostFacts(post);
        input.measured?.set(post, f);
      }
      f.classes = input.ruleSet.classify(f);
      return f;
    })
    .sort((a, b) => a.time - b.time);
  const byId = new Map(facts.map((f) => [f.post.id, f]));
  const now = facts.at(-1)?.time ?? 0;
  const findings: Finding[] = [];
  const notEvaluated: Audit['notEvaluated'] = [];
  /** Families with at least one rule that could judge something: only these are scored. */
  const scored = new Set<string>();
  const judged = input.judged ? facts.filter((f) => input.judged!.has(f.post.id)) : facts;
  /** Account rules with the same filters read the same groups: built once, not once per rule. */
  const groupsByScope = new Map<string, ReturnType<typeof groupsFor>>();

  for (const rule of input.ruleSet.rules) {
    if (isNotEvaluated(rule.check)) {
      notEvaluated.push({ rule: rule.id, reason: rule.check.notEvaluated });
      continue;
    }
    if (rule.kind.scope === 'post') {
      scored.add(rule.family);
      const check = rule.check as PostCheck;
      for (const f of judged) {
        if (!appliesTo(rule, f)) continue;
        const data = check(f);
        if (data && !isIgnored(f.post, rule.id)) findings.push(postFinding(rule, f.post, data));
      }
      continue;
    }
    const check = rule.check as AccountCheck;
    const { platforms, 'post-kinds': postKinds, when, unless, per } = rule.header;
    const scope = JSON.stringify([platforms, postKinds, when, unless, per]);
    if (!groupsByScope.has(scope)) groupsByScope.set(scope, groupsFor(rule, facts.filter((f) => appliesTo(rule, f))));
    for (const [platform, group] of groupsByScope.get(scope)!) {
      const result = check(group, { platform, now, timeZone: input.timeZone ?? 'UTC' });
      if (result.notEvaluated) notEvaluated.push({ rule: rule.id, platform, reason: result.notEvaluated });
      else scored.add(rule.family);
      for (const hit of result.hits) {
        const single = hit.postId === undefined ? undefined : byId.get(hit.postId);
        if (single && input.judged && !input.judged.has(single.post.id)) continue;
        if (single) {
          if (!isIgnored(single.post, rule.id)) findings.push(postFinding(rule, single.post, hit.data, hit.postIds));
        } else findings.push(accountFinding(rule, platform, hit.data, hit.postIds));
      }
      if (result.pass && rule.header.keep && group.length > 0 && (result.hits.length === 0 || rule.header['keep-with-findings'])) {
        findings.push({ ...accountFinding(rule, platform, result.pass, []), bucket: 'keep', message: renderMessage(rule.header.keep, result.pass, platform ?? ALL_PLATFORMS) });
      }
    }
  }

  findings.sort(compareFindings);
  const families = [...new Set(input.ruleSet.rules.map((r) => r.family))].filter((family) => scored.has(family));
  return {
    version: AUDIT_VERSION,
    generatedAt: input.generatedAt,
    tool: { name: 'presence', version: input.toolVersion },
    brand: { ...(input.brandName && { name: input.brandName }) },
    sources: [...input.sources],
    stats: stats(input.posts, input.sources),
    scores: scoreFamilies(findings, families, input.posts.length),
    findings,
    notEvaluated,
    rules: input.ruleSet.rules.map((rule) => ({
      id: rule.id,
      family: rule.family,
      level: rule.level,
      kind: rule.kind.kind,
      description: rule.header.description,
      why: rule.header.why,
      source: rule.header.source,
      threshold: rule.threshold,
    })),
    posts: facts.map(summarise),
  };
}

function appliesTo(rule: Rule, f: PostFacts): boolean {
  const { header } = rule;
  if (header.platforms && !header.platforms.includes(f.post.platform)) return false;
  if (header['post-kinds'] && !header['post-kinds'].includes(f.post.kind)) return false;
  if (header.when && !header.when.every((c) => f.classes.has(c))) return false;
  if (header.unless && header.unless.some((c) => f.classes.has(c))) return false;
  return true;
}

function groupsFor(rule: Rule, scoped: PostFacts[]): [Platform | undefined, PostFacts[]][] {
  if (rule.header.per === 'all') return [[undefined, scoped]];
  const groups = new Map<Platform, PostFacts[]>();
  for (const f of scoped) {
    const group = groups.get(f.post.platform);
    if (group) group.push(f);
    else groups.set(f.post.platform, [f]);
  }
  return [...groups].sort(([a], [b]) => PLATFORMS.indexOf(a) - PLATFORMS.indexOf(b));
}

function isIgnored(post: Post, ruleId: string): boolean {
  return post.ignore?.some((entry) => entry.rule === ruleId || ruleId.startsWith(`${entry.rule}/`)) ?? false;
}

/** Account-level kinds may raise their finding to an error beyond a second threshold. */
function levelOf(rule: Rule, data: FindingData): Level {
  return data.level === 'error' || data.level === 'warning' || data.level === 'suggestion' ? data.level : rule.level;
}

/** What `{platform}` reads in the message of a finding about every network at once. */
const ALL_PLATFORMS = 'all platforms';

function postFinding(rule: Rule, post: Post, data: FindingData, postIds?: string[]): Finding {
  return {
    rule: rule.id,
    family: rule.family,
    level: (post.scheduled && rule.header['scheduled-level']) || levelOf(rule, data),
    bucket: rule.header.bucket ?? 'fix',
    scope: 'post',
    message: renderMessage(rule.header.message, data, post.platform),
    data,
    post: postRef(post),
    ...(postIds && { postIds }),
  };
}

function accountFinding(rule: Rule, platform: Platform | undefined, data: FindingData, postIds: string[]): Finding {
  return {
    rule: rule.id,
    family: rule.family,
    level: levelOf(rule, data),
    bucket: rule.header.bucket ?? 'stop',
    scope: 'account',
    message: renderMessage(rule.header.message, data, platform ?? ALL_PLATFORMS),
    data,
    ...(platform && { platform }),
    postIds,
  };
}

export function postRef(post: Post): PostRef {
  return {
    id: post.id,
    platform: post.platform,
    ...(post.url && { url: post.url }),
    createdAt: post.createdAt,
    excerpt: excerpt(post.text),
    source: post.source,
  };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // 140 UTF-16 units or fewer are 140 characters or fewer: only longer texts need counting.
  if (flat.length <= 140) return flat;
  const chars = [...flat];
  return chars.length > 140 ? `${chars.slice(0, 139).join('')}…` : flat;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    BUCKET_ORDER[a.bucket] - BUCKET_ORDER[b.bucket] ||
    levelRank(b.level) - levelRank(a.level) ||
    a.rule.localeCompare(b.rule) ||
    (a.platform ?? '').localeCompare(b.platform ?? '') ||
    (a.post?.createdAt ?? '').localeCompare(b.post?.createdAt ?? '') ||
    (a.post?.id ?? '').localeCompare(b.post?.id ?? '')
  );
}

function stats(posts: readonly Post[], sources: readonly SourceSummary[]): Audit['stats'] {
  const byPlatform: Partial<Record<Platform, number>> = {};
  const byKind: Record<PostKind, number> = { post: 0, reply: 0, repost: 0, quote: 0 };
  let from: string | undefined;
  let to: string | undefined;
  for (const post of posts) {
    byPlatform[post.platform] = (byPlatform[post.platform] ?? 0) + 1;
    byKind[post.kind]++;
    if (!from || post.createdAt < from) from = post.createdAt;
    if (!to || post.createdAt > to) to = post.createdAt;
  }
  return {
    posts: posts.length,
    // In the catalogue's order, so reports read the same whatever order the sources came in.
    byPlatform: Object.fromEntries(PLATFORMS.filter((p) => byPlatform[p] !== undefined).map((p) => [p, byPlatform[p]!])),
    byKind,
    skipped: sources.reduce((sum, s) => sum + s.skipped, 0),
    ...(from && { from }),
    ...(to && { to }),
  };
}

/** Each shared set of classes (see the classifier) listed once, in order. */
const sortedClasses = new WeakMap<ReadonlySet<string>, string[]>();

function summarise(f: PostFacts): PostSummary {
  const { post } = f;
  const summary: PostSummary = { id: post.id, platform: post.platform, kind: post.kind, createdAt: post.createdAt } as PostSummary;
  if (post.url) summary.url = post.url;
  let classes = sortedClasses.get(f.classes);
  if (!classes) sortedClasses.set(f.classes, (classes = [...f.classes].sort()));
  summary.classes = classes;
  const m = post.metrics;
  if (m && post.kind !== 'repost' && (m.likes ?? m.reposts ?? m.replies ?? m.quotes) !== undefined) summary.engagement = (m.likes ?? 0) + (m.reposts ?? 0) + (m.replies ?? 0) + (m.quotes ?? 0);
  if (post.scheduled) summary.scheduled = true;
  summary.source = post.source;
  return summary;
}
