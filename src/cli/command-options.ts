import { Option, type Command } from 'commander';
import { LEVELS, type LevelName as Level } from '../model/names.js';
import { repositoryRoot } from './repository-root.js';
import type { PlatformName as Platform } from '../model/names.js';
import { usageError } from '../errors.js';
import { EXIT } from './exit-codes.js';
import { wantsColor, type Io } from './io.js';
import { collect, collectFormats, collectPlatforms, parseCount, parseDate, parseLevel, type FormatRequest } from './options.js';
import type { ReporterOptions } from '../reporters/reporter.js';
import type { Selection } from '../engine/select.js';

/** Option groups shared by `audit` and `check`, declared once so their help and parsing agree. */

export interface SourceOptions {
  config?: string | false;
  rules: string[];
  strict: boolean;
  map?: string;
  quiet: boolean;
  timeout: number;
  blueskyService?: string;
  xApiBase?: string;
}

export function addSourceOptions(command: Command): Command {
  return command
    .option('--config <file>', 'brand profile (default: the nearest presence.yaml, from here up to the repository root)')
    .option('--no-config', 'use no brand profile, even if a presence.yaml is found')
    .option('--rules <file>', 'extra rule file (repeatable)', collect, [])
    .option('--strict', 'fail (exit 2) on a malformed record instead of skipping and counting it', false)
    .option('--map <fields>', 'column mapping for generic CSV/JSON, e.g. text=Message,createdAt=Date')
    .option('-q, --quiet', 'no progress indicator', false)
    .option('--timeout <seconds>', 'per-request timeout for accounts read over HTTP', parseCount('--timeout'), 30)
    .option('--bluesky-service <url>', 'Bluesky AppView for bluesky: sources (default https://public.api.bsky.app, or PRESENCE_BLUESKY_SERVICE)')
    .option('--x-api-base <url>', 'X API base for x: sources (default https://api.x.com, or PRESENCE_X_API_BASE)');
}

/** How loaders read accounts over HTTP, from the shared options; tokens come only from the environment. */
export function httpSettings(options: SourceOptions & Partial<WindowOptions>) {
  return {
    timeoutMs: options.timeout * 1000,
    services: { ...(options.blueskyService && { bluesky: options.blueskyService }), ...(options.xApiBase && { xApi: options.xApiBase }) },
    ...(options.last !== undefined && !options.all && { limit: options.last }),
  };
}

export interface WindowOptions {
  last: number;
  all: boolean;
  since?: Date;
  until?: Date;
  platform?: Platform[];
}

/** Without --all or --since, an audit is about the account as it is now: its last year of posts at most. */
export const DEFAULT_MAX_AGE_DAYS = 365;

export function addWindowOptions(command: Command): Command {
  return command
    .option('--last <n>', 'audit the newest N posts of each account, no older than 12 months before its newest post', parseCount('--last'), 200)
    .option('--all', 'audit every post, however old (overrides --last and the 12-month bound)', false)
    .option('--since <date>', 'only posts from this date (YYYY-MM-DD or ISO time, UTC); replaces the 12-month bound', parseDate('--since'))
    .option('--until <date>', 'only posts up to this date (a date takes in the whole day, UTC)', parseDate('--until', true))
    .option('--platform <names>', 'only these platforms, comma-separated or repeated', collectPlatforms);
}

/** The audit window the options ask for; see DEFAULT_MAX_AGE_DAYS. */
export function selectionOf(options: WindowOptions): Selection {
  return {
    ...(!options.all && { last: options.last }),
    ...(!options.all && !options.since && { maxAgeDays: DEFAULT_MAX_AGE_DAYS }),
    ...(options.since && { since: options.since }),
    ...(options.until && { until: options.until }),
    ...(options.platform && { platforms: options.platform }),
  };
}

export interface ReportOptions {
  format: FormatRequest[];
  output?: string;
  failOn: Level;
  maxWarnings?: number;
  brandName?: string;
  locale?: string;
  timezone?: string;
  /** --color or --no-color; unset, the terminal and NO_COLOR/FORCE_COLOR decide. */
  color?: boolean;
}

/** The options of every command that writes reports: where, in which formats, and how dates read. */
export function addRenderOptions(command: Command, formats: readonly string[]): Command {
  return command
    .option('-f, --format <name[=path]>', `output format, repeatable; NAME=PATH writes to a file (${formats.join(', ')})`, collectFormats, [])
    .option('-o, --output <file>', 'write the (single) report to this file instead of standard output')
    .option('--brand-name <name>', "title reports with this name (default: the brand profile's name)")
    .option('--locale <bcp47>', 'locale for dates in reports, such as en-GB or de (default: the system locale)', parseLocale)
    .option('--timezone <iana>', 'time zone for dates, charts and best times to post (default: UTC)', parseTimeZone)
    .option('--color', 'colour the terminal report even when not a terminal (as FORCE_COLOR does)')
    .option('--no-color', 'never colour it (as NO_COLOR does); default: colour on a terminal only');
}

/** The render options and the gate: which findings fail the run. */
export function addReportOptions(command: Command, formats: readonly string[]): Command {
  return addRenderOptions(command, formats)
    .addOption(
      new Option('--fail-on <level>', `exit ${EXIT.findings} when a finding is at or above this level`)
        .choices(LEVELS)
        .argParser(parseLevel('--fail-on'))
        .default('error'),
    )
    .option('--max-warnings <n>', `exit ${EXIT.findings} when there are more warnings than this`, parseCount('--max-warnings'));
}

function parseTimeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw usageError(`--timezone expects an IANA time zone such as Europe/Amsterdam; got "${value}"`);
  }
}

/** A locale this Node.js can format dates in; anything else would fall back silently. */
function parseLocale(value: string): string {
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf(value).length > 0) return value;
  } catch {
    // Not a BCP 47 tag at all: the same message below.
  }
  throw usageError(`--locale expects a BCP 47 locale such as en-GB or de; got "${value}"`);
}

export function reporterOptions(options: ReportOptions, io: Io): ReporterOptions {
  return {
    color: options.color ?? wantsColor(io),
    locale: options.locale ?? Intl.DateTimeFormat().resolvedOptions().locale,
    timeZone: options.timezone ?? 'UTC',
    ...(options.brandName && { brandName: options.brandName }),
    ...(options.failOn && { failOn: options.failOn }),
    ...(io.stdout.columns && { width: io.stdout.columns }),
    paths: { cwd: io.cwd, root: repositoryRoot(io.cwd) },
  };
}
