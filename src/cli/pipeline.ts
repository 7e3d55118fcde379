import { usageError } from '../errors.js';
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { selectPosts, type Selection } from '../engine/select.js';
import { runAudit } from '../engine/run.js';
import type { Audit, SourceSummary } from '../model/audit.js';
import { redactSecrets } from '../model/source-spec.js';
import { PLATFORMS } from '../model/names.js';
import type { Post } from '../model/post.js';
import type { RuleSet } from '../rules/compile-rule.js';
import { loadRuleSet } from '../rules/load-rules.js';
import { loadSource } from '../sources/index.js';
import type { Io } from './io.js';
import { createProgress } from './progress.js';
import { VERSION } from './version.js';
import { count } from '../plural.js';

export interface LoadOptionsFromCli {
  strict: boolean;
  quiet: boolean;
  map?: Record<string, string>;
  /** For accounts read over HTTP. */
  timeoutMs?: number;
  services?: { bluesky?: string; xApi?: string };
  limit?: number;
}

export interface LoadedPosts {
  posts: Post[];
  sources: SourceSummary[];
}

const REPEATED = 'repeat of a post already read (the same id)';

/** Loads every SOURCE in turn into one timeline, with a progress line on a terminal. */
export async function loadPosts(specs: readonly string[], options: LoadOptionsFromCli, io: Io): Promise<LoadedPosts> {
  const progress = createProgress(io, options.quiet);
  const posts: Post[] = [];
  const sources: SourceSummary[] = [];
  const ids = new Set<string>();
  if (specs.filter((spec) => spec === '-' || spec.endsWith(':-')).length > 1) throw usageError('standard input (-) can be read only once');
  try {
    for (const given of specs) {
      // Shown and stored without the credentials a URL may carry; read with them.
      const spec = redactSecrets(given);
      progress.update(`Reading ${spec}…`);
      const loaded = await loadSource(given, {
        cwd: io.cwd,
        ...(io.stdin && { stdin: io.stdin }),
        strict: options.strict,
        map: options.map,
        env: io.env,
        timeoutMs: options.timeoutMs,
        services: options.services,
        limit: options.limit,
        userAgent: `presence/${VERSION} (social presence auditor)`,
        progress: (done, total) =>
          progress.update(
            `Reading ${spec}… ${done.toLocaleString('en')}${total ? ` of ${total.toLocaleString('en')}` : ''} post${(total ?? done) === 1 ? '' : 's'}`,
          ),
      });
      // A post is in the timeline once: some exports repeat a record (one tweet nine times), and two
      // exports of one account overlap. A second post with an id already read is the same post.
      const before = posts.length;
      for (const post of loaded.posts) if (!ids.has(post.id) && ids.add(post.id)) posts.push(post);
      const repeats = loaded.posts.length - (posts.length - before);
      sources.push({
        spec,
        format: loaded.format,
        ...(loaded.account && { account: loaded.account }),
        posts: posts.length - before,
        excluded: repeats ? { ...loaded.excluded, [REPEATED]: repeats } : loaded.excluded,
        skipped: loaded.skipped.count,
        platforms: PLATFORMS.filter((platform) => posts.slice(before).some((post) => post.platform === platform)),
        ...(loaded.lacks && { lacks: loaded.lacks }),
        ...(loaded.sites && { sites: loaded.sites }),
        ...(loaded.exportedAt && { exportedAt: loaded.exportedAt }),
        ...(loaded.bot && { bot: loaded.bot }),
      });
    }
  } finally {
    progress.done();
  }
  return { posts, sources };
}

export interface AuditSettings {
  configPath?: string | false;
  ruleFiles: readonly string[];
  selection: Selection;
}

export interface PreparedRules {
  config: LoadedConfig;
  ruleSet: RuleSet;
}

/** Reads the brand profile and rules: everything an audit needs besides the posts. */
export async function prepareRules(settings: Pick<AuditSettings, 'configPath' | 'ruleFiles'>, io: Io): Promise<PreparedRules> {
  const config = await loadConfig(settings.configPath, io.cwd);
  return { config, ruleSet: await compileRules(config, settings, io) };
}

/**
 * Without own domains in the brand profile, the sites the account's own profile names in the
 * export (its website, the links in its bio) are its own pages: links there are self-promotion.
 */
export async function withOwnSites(prepared: PreparedRules, loaded: LoadedPosts, settings: Pick<AuditSettings, 'ruleFiles'>, io: Io): Promise<PreparedRules> {
  const sites = [...new Set(loaded.sources.flatMap((source) => source.sites ?? []))].sort();
  if (prepared.config.brand.domains.length > 0 || sites.length === 0) return prepared;
  const config = { ...prepared.config, brand: { ...prepared.config.brand, domains: sites } };
  return { config, ruleSet: await compileRules(config, settings, io) };
}

async function compileRules(config: LoadedConfig, settings: Pick<AuditSettings, 'ruleFiles'>, io: Io): Promise<RuleSet> {
  return loadRuleSet({
    builtin: config.profile.builtin,
    files: [...config.ruleFiles, ...settings.ruleFiles],
    overrides: config.overrides,
    overridesSource: config.source,
    overridesPath: ['rules'],
    brand: config.brand,
    cwd: io.cwd,
  });
}

/** Posts, window and rules in; the Audit out. */
export function auditPosts(loaded: LoadedPosts, selection: Selection, prepared: PreparedRules, now: Date, timeZone = 'UTC'): Audit {
  const { posts, window } = selectPosts(loaded.posts, selection);
  return runAudit({
    posts,
    window,
    ruleSet: prepared.ruleSet,
    sources: loaded.sources,
    brandName: prepared.config.brand.name,
    generatedAt: now.toISOString(),
    toolVersion: VERSION,
    timeZone,
  });
}
