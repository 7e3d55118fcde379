import {
  AUDIT_VERSION,
  AuditDocument,
  AuditDocumentV1,
  POST_FIELDS,
  type Audit,
  type DocumentFinding,
  type DocumentHabit,
  type Habit,
  type PostRow,
  type PostSummary,
  type RuleSummary,
  type SourceFile,
} from './audit.js';
import type { Bucket, Finding, PostRef } from './finding.js';
import { ALL_PLATFORMS, renderMessage } from './message.js';
import type { SourceRef } from './post.js';

/**
 * The audit as a document of version 2: each post once, as a row of `posts[]`; each file once, in
 * `files[]`; findings and habits pointing at posts by their index. What a finding's rule already
 * says (its family, level, bucket, message) is left out; `toAudit` puts it back.
 */
export function toDocument(audit: Audit): AuditDocument {
  const indexOf = new Map<string, number>();
  audit.posts.forEach((post, i) => indexOf.set(post.id, i));
  // Where a reference is only spelt out when it is broken: the lookups run hundreds of thousands of times.
  const postIndex = (id: string, list: string, at: number): number => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`the audit's ${list} ${at} points at post ${id}, which is not among its posts`);
    return i;
  };
  const rules = new Map(audit.rules.map((rule) => [rule.id, rule]));
  const excerpts = new Map<string, string>();
  const findings = audit.findings.map((finding, i) => {
    if (finding.post && !excerpts.has(finding.post.id)) excerpts.set(finding.post.id, finding.post.excerpt);
    return documentFinding(finding, rules.get(finding.rule), (id) => postIndex(id, 'finding', i));
  });
  const habits = (audit.habits ?? []).map(({ postIds, ...habit }, i): DocumentHabit => ({
    ...habit,
    postIndexes: postIds.map((id) => postIndex(id, 'habit', i)),
  }));

  const files: SourceFile[] = [];
  const fileIndex = new Map<string, number>();
  const permalinks: Permalink[] = [];
  const classSets: string[][] = [];
  const classIndex = new Map<string, number>();
  // Posts with the same classes mostly share one list (the engine makes one per set): its index is found by the list first.
  const listIndex = new Map<readonly string[], number>();
  const posts = audit.posts.map((post): PostRow => {
    let file = fileIndex.get(post.source.file);
    if (file === undefined) {
      fileIndex.set(post.source.file, (file = files.length));
      files.push({ path: post.source.file });
      permalinks.push({ file: files[file]! });
    }
    let classes = listIndex.get(post.classes);
    if (classes === undefined) {
      const key = post.classes.join('\u0000');
      classes = classIndex.get(key);
      if (classes === undefined) {
        classIndex.set(key, (classes = classSets.length));
        classSets.push(post.classes);
      }
      listIndex.set(post.classes, classes);
    }
    const row: PostRow = [
      post.id,
      post.platform,
      post.kind,
      post.createdAt,
      file,
      post.source.record ?? null,
      post.source.line ?? null,
      classes,
      post.engagement ?? null,
      post.url === undefined ? null : permalinkCell(permalinks[file]!, post.id, post.url),
      excerpts.get(post.id) ?? null,
      post.scheduled ?? null,
    ];
    while (row.length > 5 && row[row.length - 1] === null) row.pop();
    return row;
  });

  const { version: _, findings: __, habits: ___, posts: ____, comparison, window, ...rest } = audit;
  return {
    ...head(rest),
    files,
    ...(window && { window }),
    stats: rest.stats,
    scores: rest.scores,
    findings,
    habits,
    notEvaluated: rest.notEvaluated,
    rules: rest.rules,
    classSets,
    postFields: [...POST_FIELDS],
    posts,
    ...(comparison && { comparison }),
  };
}

/** A file's permalink while it is written: the text around `{id}`, set by the file's first post with its id in its URL. */
interface Permalink {
  file: SourceFile;
  before?: string;
  after?: string;
}

/** `true` when the URL is the file's permalink with the post's id, else the URL. */
function permalinkCell(permalink: Permalink, id: string, url: string): string | true {
  if (permalink.before === undefined) {
    const at = id ? url.indexOf(id) : -1;
    if (at < 0 || url.includes('{id}')) return url;
    permalink.before = url.slice(0, at);
    permalink.after = url.slice(at + id.length);
    permalink.file.permalink = `${permalink.before}{id}${permalink.after}`;
  }
  return url.length === permalink.before.length + id.length + permalink.after!.length &&
    url.startsWith(permalink.before) &&
    url.endsWith(permalink.after!) &&
    url.startsWith(id, permalink.before.length)
    ? true
    : url;
}

const expand = (permalink: string, id: string): string => permalink.split('{id}').join(id);

/** What a finding without its own bucket reads: the rule's, or fix for a post and stop for the account. */
const defaultBucket = (rule: RuleSummary | undefined, scope: Finding['scope']): Bucket => rule?.bucket ?? (scope === 'post' ? 'fix' : 'stop');

const messageOf = (rule: RuleSummary | undefined, finding: Pick<Finding, 'data' | 'platform'>, platform: string | undefined): string | undefined =>
  rule?.message === undefined ? undefined : renderMessage(rule.message, finding.data, platform ?? finding.platform ?? ALL_PLATFORMS);

function documentFinding(finding: Finding, rule: RuleSummary | undefined, postIndex: (id: string) => number): DocumentFinding {
  const scope = finding.post ? 'post' : 'account';
  return {
    rule: finding.rule,
    ...(finding.family !== rule?.family && { family: finding.family }),
    ...(finding.level !== rule?.level && { level: finding.level }),
    ...(finding.bucket !== defaultBucket(rule, finding.scope) && { bucket: finding.bucket }),
    ...(finding.scope !== scope && { scope: finding.scope }),
    ...(finding.message !== messageOf(rule, finding, finding.post?.platform) && { message: finding.message }),
    data: finding.data,
    ...(finding.post && { post: postIndex(finding.post.id) }),
    ...(finding.platform && { platform: finding.platform }),
    ...(finding.postIds && { postIndexes: finding.postIds.map(postIndex) }),
  };
}

/** Where a document is not what it claims, and what is wrong there. */
export interface DocumentProblem {
  path: string;
  message: string;
}

export type ReadDocument = { audit: Audit; problem?: undefined } | { audit?: undefined; problem: DocumentProblem };

/**
 * Reads an audit document of version 1 or 2 (already parsed JSON) into the audit every reporter
 * reads, the same from either version. A document of version 1 saved before habits were recorded
 * has none: the caller gathers them from its findings.
 */
export function readAuditDocument(value: unknown): ReadDocument {
  const version = (value as { version?: unknown } | null)?.version;
  if (version === 1) {
    const result = AuditDocumentV1.safeParse(value);
    return result.success ? { audit: result.data } : { problem: firstIssue(result.error.issues) };
  }
  const result = AuditDocument.safeParse(value);
  if (!result.success) return { problem: firstIssue(result.error.issues) };
  try {
    return { audit: toAudit(result.data) };
  } catch (error) {
    if (error instanceof DocumentError) return { problem: { path: error.path, message: error.message } };
    throw error;
  }
}

const firstIssue = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): DocumentProblem => ({
  path: issues[0]!.path.map(String).join('.') || 'the document',
  message: issues[0]!.message,
});

class DocumentError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** A document of version 2 as the audit reporters read: each finding with its post, each habit with its posts' ids. */
export function toAudit(document: AuditDocument): Audit {
  const { files, classSets, posts: rows, findings, habits, postFields: _, comparison, window, ...rest } = document;
  const cell = <T>(list: readonly T[], at: number, path: string, what: string): T => {
    if (at >= list.length) throw new DocumentError(path, `no ${what} ${at} in this document`);
    return list[at]!;
  };
  const sources: SourceRef[] = [];
  const posts = rows.map((row, i): PostSummary => {
    const [id, platform, kind, createdAt, file, record, line, classes, engagement, url, , scheduled] = row;
    const source: SourceRef = { file: cell(files, file, `posts.${i}.4`, 'file').path };
    if (record != null) source.record = record;
    if (line != null) source.line = line;
    sources.push(source);
    const post = { id, platform, kind, createdAt } as PostSummary;
    const address = url === true ? permalinkOf(files[file]!, `posts.${i}.9`, id) : url;
    if (address != null) post.url = address;
    post.classes = classes === undefined ? [] : cell(classSets, classes, `posts.${i}.7`, 'class set');
    if (engagement != null) post.engagement = engagement;
    if (scheduled) post.scheduled = true;
    post.source = source;
    return post;
  });
  const postAt = (at: number, path: string): number => (cell(posts, at, path, 'post'), at);
  const refs = new Map<number, PostRef>();
  const refOf = (at: number, path: string): PostRef => {
    let ref = refs.get(postAt(at, path));
    if (!ref) {
      const post = posts[at]!;
      const excerpt = rows[at]![10];
      if (excerpt == null) throw new DocumentError(path, `post ${at} has no excerpt, yet a finding is about it`);
      ref = {
        id: post.id,
        platform: post.platform,
        ...(post.url !== undefined && { url: post.url }),
        createdAt: post.createdAt,
        excerpt,
        source: sources[at]!,
      };
      refs.set(at, ref);
    }
    return ref;
  };
  const rules = new Map(rest.rules.map((rule) => [rule.id, rule]));
  const viewFindings = findings.map((f, i): Finding => {
    const path = `findings.${i}`;
    const rule = rules.get(f.rule);
    const post = f.post === undefined ? undefined : refOf(f.post, `${path}.post`);
    const scope = f.scope ?? (post ? 'post' : 'account');
    const family = f.family ?? rule?.family;
    const level = f.level ?? rule?.level;
    const message = f.message ?? messageOf(rule, f, post?.platform);
    if (family === undefined || level === undefined || message === undefined)
      throw new DocumentError(path, `rule ${f.rule} is not in rules[], so the finding must give its family, level and message`);
    return {
      rule: f.rule,
      family,
      level,
      bucket: f.bucket ?? defaultBucket(rule, scope),
      scope,
      message,
      data: f.data,
      ...(post && { post }),
      ...(f.platform && { platform: f.platform }),
      ...(f.postIndexes && { postIds: f.postIndexes.map((at, j) => posts[postAt(at, `${path}.postIndexes.${j}`)]!.id) }),
    };
  });
  const viewHabits = habits.map(({ postIndexes, findings: indexes, newest, ...habit }, i): Habit => ({
    ...habit,
    postIds: postIndexes.map((at, j) => posts[postAt(at, `habits.${i}.postIndexes.${j}`)]!.id),
    ...(newest !== undefined && { newest }),
    findings: indexes,
  }));
  return {
    ...head(rest),
    ...(window && { window }),
    stats: rest.stats,
    scores: rest.scores,
    findings: viewFindings,
    habits: viewHabits,
    notEvaluated: rest.notEvaluated,
    rules: rest.rules,
    posts,
    ...(comparison && { comparison }),
  };
}

function permalinkOf(file: SourceFile, path: string, id: string): string {
  if (file.permalink === undefined) throw new DocumentError(path, `the post's URL is its file's permalink, but ${file.path} has none`);
  return expand(file.permalink, id);
}

/** What opens a document and its in-memory view alike, in the order the document keeps. */
function head({ generatedAt, tool, brand, sources }: Pick<Audit, 'generatedAt' | 'tool' | 'brand' | 'sources'>) {
  return { version: AUDIT_VERSION as typeof AUDIT_VERSION, generatedAt, tool, brand, sources };
}
