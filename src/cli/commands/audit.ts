import type { Command } from 'commander';
import { EXIT, gate } from '../exit-codes.js';
import {
  addReportOptions,
  addSourceOptions,
  addWindowOptions,
  selectionOf,
  httpSettings,
  reporterOptions,
  type ReportOptions,
  type SourceOptions,
  type WindowOptions,
} from '../command-options.js';
import type { CommandContext } from '../command-context.js';
import { inputError, usageError } from '../../errors.js';
import { count } from '../../plural.js';

type AuditOptions = SourceOptions & WindowOptions & ReportOptions;

export function register(program: Command, { io, formats, exit }: CommandContext): void {
  const command = program
    .command('audit')
    .summary('audit a brand’s posts and print a cleanup report')
    .description(
      'Load the posts a brand shared from exports (a file, folder or zip; the format is detected, or forced as FORMAT:PATH), ' +
        'score them against the built-in and your own rules, and print what to stop, fix, delete and keep doing. ' +
        'Only the brand’s own words are judged: a repost (retweet, boost, reshare) counts as amplifying others and is never judged on its text, ' +
        'a quote only on the words added. By default the newest 200 posts of each account, none older than 12 months before its newest post.',
    )
    .argument('<source...>', 'export files, folders or zips, e.g. fixtures/x/archive.zip or linkedin-csv:Shares.csv; - reads standard input');
  addWindowOptions(command);
  addSourceOptions(command);
  addReportOptions(command, formats);
  command.addHelpText(
    'after',
    [
      '',
      `Exit codes: ${EXIT.ok} nothing at or above --fail-on; ${EXIT.findings} findings at or above --fail-on or more than --max-warnings; ` +
        `${EXIT.error} usage, configuration or input error.`,
      '',
      'Examples:',
      '  presence audit fixtures/x/archive.zip',
      '  presence audit twitter-2024.zip outbox.json --last 500 --format html=report.html',
      '  presence audit export.zip --format json --output audit.json --fail-on warning',
    ].join('\n'),
  );
  command.action(async (sources: string[], options: AuditOptions) => {
    const [{ loadPosts, prepareRules, withOwnSites, auditPosts }, { resolveFormats, writeReports }, { reporters }, { parseColumnMapOption }] =
      await Promise.all([import('../pipeline.js'), import('../output.js'), import('../../reporters/index.js'), import('../map-option.js')]);
    if (sources.length === 0) throw usageError('name at least one source');
    const targets = await resolveFormats(options.format, reporters, options.output);
    const settings = { configPath: options.config, ruleFiles: options.rules };
    const prepared = await prepareRules(settings, io);
    const loaded = await loadPosts(
      sources,
      { strict: options.strict, quiet: options.quiet, map: parseColumnMapOption(options.map), ...httpSettings(options) },
      io,
    );
    const audit = auditPosts(loaded, selectionOf(options), await withOwnSites(prepared, loaded, settings, io), new Date(), options.timezone);
    // An empty window would score 100/100 and pass: that is no verdict at all.
    if (audit.posts.length === 0)
      throw inputError(
        undefined,
        loaded.posts.length === 1 ? 'the one post loaded is not in the window' : `none of the ${loaded.posts.length} posts loaded is in the window`,
        'widen it with --all, --since or --until',
      );
    await writeReports(audit, targets, reporterOptions(options, io), io, options.quiet);
    const result = gate(audit.findings, { failOn: options.failOn, maxWarnings: options.maxWarnings });
    if (result.reason && !options.quiet) io.stderr.write(`presence: ${result.reason}\n`);
    exit(result.exitCode);
  });
}
