import { AUDIT_VERSION, type Audit, type AuditWindow, type Evidence, type PostSummary, type SourceSummary } from '../model/audit.js';
import { type Bucket, type Finding, type FindingData, type Level, type PostRef } from '../model/finding.js';
import { levelRank, PLATFORMS } from '../model/names.js';
import { isAuthored, type Platform, type Post, type PostKind } from '../model/post.js';
import { isNotEvaluated, type AccountCheck, type PostCheck } from '../rules/kinds/define-kind.js';
import type { Rule, RuleSet } from '../rules/compile-rule.js';
import { PostFacts } from '../text/facts.js';
import { ALL_PLATFORMS, renderMessage } from '../model/message.js';
import { habitsOf } from './habits.js';
import { scoreFamilies } from './score.js';

export interface AuditInput {
  posts: readonly Post[];
  ruleSet: RuleSet;
  sources: readonly SourceSummary[];
  /** How the posts were chosen, recorded in the document. */
  window?: AuditWindow;
  brandName?: string;
  generatedAt: string;
  toolVersion: string;
  /** IANA time zone for rules about the time of day (default UTC). */
  timeZone?: string;
  /** Only these posts are judged one by one (a queue); all posts still count for account rules. */
  judged?: ReadonlySet<string>;
  /** Measures already taken, kept across audits of the same posts and classes (a queue check runs two). */
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
        f = new PostFacts(post, input.ruleSet.classify);
        input.measured?.set(post, f);
      }
      return f;
    })
    .sort((a, b) => a.time - b.time);
  const byId = new Map(facts.map((f) => [f.post.id, f]));
  const now = facts.at(-1)?.time ?? 0;
  const findings: Finding[] = [];
  const notEvaluated: Audit['notEvaluated'] = [];
  /** Families with at least one rule that could judge something: only these are scored. */
  const scored = new Set<string>();
  const auditedAt = Date.parse(input.generatedAt);
  // Per-post rules judge words the brand wrote: never a repost of someone else, nor a post the platform generated.
  const judged = facts.filter((f) => isAuthored(f.post) && (!input.judged || input.judged.has(f.post.id)));
  const lacking = inputFacts(input.sources);
  /** Account rules with the same filters read the same groups: built once, not once per rule. */
  const groupsByScope = new Map<string, ReturnType<typeof groupsFor>>();
  const postRules: { rule: Rule; check: PostCheck; unseen: Map<Platform, string> }[] = [];

  for (const rule of input.ruleSet.rules) {
    if (isNotEvaluated(rule.check)) {
      notEvaluated.push({ rule: rule.id, reason: rule.check.notEvaluated });
      continue;
    }
    const unseen = unseenPlatforms(rule, lacking, facts);
    for (const [platform, reason] of unseen) notEvaluated.push({ rule: rule.id, platform, reason });
    if (rule.kind.scope === 'post') {
      if (unseen.size === 0 || judged.some((f) => !unseen.has(f.post.platform))) scored.add(rule.family);
      postRules.push({ rule, check: rule.check as PostCheck, unseen });
      continue;
    }
    const check = rule.check as AccountCheck;
    const { platforms, 'post-kinds': postKinds, when, unless, per } = rule.header;
    const scope = JSON.stringify([platforms, postKinds, when, unless, per]);
    // What the platform generated (check-ins, "… recommends …") is not the account's posting habit.
    if (!groupsByScope.has(scope))
      groupsByScope.set(
        scope,
        groupsFor(
          rule,
          facts.filter((f) => !f.post.generated && appliesTo(rule, f)),
        ),
      );
    for (const [platform, group] of groupsByScope.get(scope)!) {
      if (platform && unseen.has(platform)) continue;
      const exportedAt = platform ? lacking.get(platform)?.exportedAt : undefined;
      const result = check(group, { platform, now, auditedAt, ...(exportedAt && { exportedAt }), timeZone: input.timeZone ?? 'UTC' });
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
        findings.push({
          ...accountFinding(rule, platform, result.pass, []),
          bucket: 'keep',
          message: renderMessage(rule.header.keep, result.pass, platform ?? ALL_PLATFORMS),
        });
      }
    }
  }

  // Post by post rather than rule by rule: every rule reads a post's facts while they are still in
  // the processor's cache (about a tenth faster at 100k posts). Findings are sorted below, so the order is the same.
  for (const f of judged)
    for (const { rule, check, unseen } of postRules) {
      if (unseen.has(f.post.platform) || !appliesTo(rule, f)) continue;
      const data = check(f);
      if (data && !isIgnored(f.post, rule.id)) findings.push(postFinding(rule, f.post, data));
    }

  findings.sort(compareFindings);
  const families = [...new Set(input.ruleSet.rules.map((r) => r.family))].filter((family) => scored.has(family));
  const audit: Audit = {
    version: AUDIT_VERSION,
    generatedAt: input.generatedAt,
    tool: { name: 'presence', version: input.toolVersion },
    brand: { ...(input.brandName && { name: input.brandName }) },
    sources: [...input.sources],
    ...(input.window && { window: input.window }),
    stats: stats(input.posts, input.sources),
    // Both filled in by withHabits below; placed here so the document reads scores, findings, then habits.
    scores: { overall: 100, byFamily: Object.fromEntries(families.map((family) => [family, 100])) },
    findings,
    habits: [],
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
      ...(rule.builtin && { builtin: true }),
      message: rule.header.message,
      ...(rule.header.bucket && { bucket: rule.header.bucket }),
    })),
    posts: facts.map(summarise),
  };
  return withHabits(audit);
}

/** Gathers the audit's findings into habits and scores the families from them; again whenever findings change. */
export function withHabits(audit: Audit, families: readonly string[] = Object.keys(audit.scores.byFamily)): Audit {
  const habits = habitsOf(audit);
  return { ...audit, habits, scores: scoreFamilies(habits, families) };
}

interface PlatformInput {
  lacks: Set<Evidence>;
  formats: string[];
  exportedAt?: number;
  /** Why the account on this platform is a bot, when every source of it says so. */
  bot?: string;
}

/**
 * What each platform's input cannot show (evidence every source with posts of that platform lacks),
 * when its newest export was made, and whether its account says it is a bot.
 * A source that names no platforms (an older document) is taken to show everything.
 */
function inputFacts(sources: readonly SourceSummary[]): Map<Platform, PlatformInput> {
  const byPlatform = new Map<Platform, PlatformInput>();
  for (const source of sources) {
    const exportedAt = source.exportedAt ? Date.parse(source.exportedAt) : undefined;
    for (const platform of source.platforms ?? []) {
      const lacks = new Set(source.lacks ?? []);
      const known = byPlatform.get(platform);
      if (!known) byPlatform.set(platform, { lacks, formats: [source.format], ...(exportedAt && { exportedAt }), ...(source.bot && { bot: source.bot }) });
      else {
        if (!source.bot) delete known.bot;
        for (const evidence of known.lacks) if (!lacks.has(evidence)) known.lacks.delete(evidence);
        if (!known.formats.includes(source.format)) known.formats.push(source.format);
        if (exportedAt && exportedAt > (known.exportedAt ?? 0)) known.exportedAt = exportedAt;
      }
    }
  }
  return byPlatform;
}

/** Every export that lacks replies lacks the comments that hold them (a Facebook post on a friend's timeline is no comment). */
const EVIDENCE_WORDS: Record<Evidence, string> = {
  replies: 'comments on other people’s posts (its replies)',
  'alt-text': 'alt text',
  engagement: 'engagement counts',
  reshares: 'mark of a reshare with a comment',
};

/**
 * The platforms with posts this rule applies to that it cannot judge, with the reason: their input
 * lacks what the rule needs, or the rule is about people's habits and the account is a bot.
 */
function unseenPlatforms(rule: Rule, lacking: ReturnType<typeof inputFacts>, facts: readonly PostFacts[]): Map<Platform, string> {
  const unseen = new Map<Platform, string>();
  const needs = rule.header.needs ?? [];
  const skipBots = rule.header['skip-bots'] === true;
  if (needs.length === 0 && !skipBots) return unseen;
  for (const [platform, { lacks, formats, bot }] of lacking) {
    if (rule.header.platforms && !rule.header.platforms.includes(platform)) continue;
    if (!facts.some((f) => f.post.platform === platform)) continue;
    const missing = needs.filter((evidence) => lacks.has(evidence));
    if (missing.length > 0) unseen.set(platform, `the ${formats.join(' and ')} export holds no ${missing.map((e) => EVIDENCE_WORDS[e]).join(' or ')}`);
    else if (skipBots && bot) unseen.set(platform, `${bot}: a bot is not held to people's habits`);
  }
  return unseen;
}

function appliesTo(rule: Rule, f: PostFacts): boolean {
  const { header } = rule;
  if (header['only-scheduled'] && !f.post.scheduled) return false;
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
    excerpt: excerpt(post.text || wordlessExcerpt(post)),
    source: post.source,
  };
}

/** A post without words is shown by what it shared, so a reader can tell which post is meant. */
function wordlessExcerpt(post: Post): string {
  const link = post.links[0]?.url;
  if (link) return link;
  return post.media.length ? `[${post.media.length === 1 ? post.media[0]!.type : `${post.media.length} media`}]` : '';
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
  if (m && post.kind !== 'repost' && (m.likes ?? m.reposts ?? m.replies ?? m.quotes) !== undefined)
    summary.engagement = (m.likes ?? 0) + (m.reposts ?? 0) + (m.replies ?? 0) + (m.quotes ?? 0);
  if (post.scheduled) summary.scheduled = true;
  summary.source = post.source;
  return summary;
}
