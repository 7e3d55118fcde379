import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { configError, usageError } from '../../errors.js';
import { PLATFORMS, type PlatformName } from '../../model/names.js';
import type { Post } from '../../model/post.js';
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
import { EXIT, gate } from '../exit-codes.js';
import { collect } from '../options.js';
import { count } from '../../plural.js';

type CheckOptions = SourceOptions &
  WindowOptions &
  ReportOptions & {
    history: string[];
    queuePlatform?: PlatformName;
    baseline?: string;
    writeBaseline?: string;
  };

export function register(program: Command, { io, formats, exit }: CommandContext): void {
  const command = program
    .command('check')
    .summary('gate a scheduled post queue in CI')
    .description(
      'Check scheduled posts before they go out. Each queued post is judged by the per-post rules; account-level rules ' +
        '(promotional share, cadence, repeated links, cross-posting) are judged over the queue together with recent history, ' +
        'and fail the gate only where the queue itself tips the account over a threshold or raises a habit to a higher level.',
    )
    .argument('<queue...>', 'queue files: Hootsuite bulk-upload CSV, a Buffer queue JSON, or any format presence reads; - reads standard input')
    .option('--history <source>', 'recent posts to judge the queue against (repeatable; any SOURCE presence audits)', collect, [])
    .option('--queue-platform <name>', `the network of queued posts whose file does not say (${PLATFORMS.join(', ')}); default: the history's one network`)
    .option('--baseline <file>', 'accepted findings (from --write-baseline): only new problems fail')
    .option('--write-baseline <file>', 'write the current findings as the accepted baseline');
  addWindowOptions(command);
  addSourceOptions(command);
  addReportOptions(command, formats);
  command.addHelpText(
    'after',
    [
      '',
      `A queue row that cannot be read fails the check (exit ${EXIT.error}); --strict applies to the history.`,
      'A queued row may carry an "ignore" column ("rule-id, rule-id: reason") for a reviewed exception.',
      'With GITHUB_STEP_SUMMARY set, a Markdown summary is appended to that file.',
      '',
      `Exit codes: ${EXIT.ok} the queue may go out; ${EXIT.findings} findings at or above --fail-on or more than --max-warnings; ` +
        `${EXIT.error} usage, configuration or input error.`,
      '',
      'Example:',
      '  presence check queue/next-week.csv --history export/twitter.zip --queue-platform x --format github --format sarif=presence.sarif',
    ].join('\n'),
  );
  command.action(async (queueFiles: string[], options: CheckOptions) => {
    const [
      { loadPosts, prepareRules, withOwnSites },
      { resolveFormats, writeReports, writeAtomically },
      { reporters },
      { selectPosts },
      { gateQueue },
      { applyBaseline, Baseline, makeBaseline },
      { parseColumnMapOption },
      { VERSION },
      { withHabits },
    ] = await Promise.all([
      import('../pipeline.js'),
      import('../output.js'),
      import('../../reporters/index.js'),
      import('../../engine/select.js'),
      import('../../engine/queue-gate.js'),
      import('../../engine/baseline.js'),
      import('../map-option.js'),
      import('../version.js'),
      import('../../engine/run.js'),
    ]);
    if (options.queuePlatform && !(PLATFORMS as readonly string[]).includes(options.queuePlatform)) {
      throw usageError(`--queue-platform must be one of ${PLATFORMS.join(', ')}; got "${options.queuePlatform}"`);
    }
    const targets = await resolveFormats(options.format, reporters, options.output);
    const settings = { configPath: options.config, ruleFiles: options.rules };
    const preparedFromProfile = await prepareRules(settings, io);
    const loadOptions = { strict: options.strict, quiet: options.quiet, map: parseColumnMapOption(options.map), ...httpSettings(options) };
    // A gate must not wave through a row it could not read: the queue is always read strictly.
    const queue = await loadPosts(queueFiles, { ...loadOptions, strict: true }, io);
    const history = await loadPosts(options.history, loadOptions, io);
    const prepared = await withOwnSites(preparedFromProfile, history, settings, io);
    const platform = queuePlatform(queue.posts, history.posts, options.queuePlatform, options.quiet ? undefined : io.stderr);
    const queuedPosts = queue.posts.map((post) => ({ ...post, scheduled: true, ...(post.platform === 'other' && platform && { platform }) }));
    const { posts: recent, window } = selectPosts(history.posts, selectionOf(options));
    let audit = gateQueue({
      history: recent,
      window,
      queue: queuedPosts,
      ruleSet: prepared.ruleSet,
      sources: [...queue.sources, ...history.sources],
      brandName: prepared.config.brand.name,
      generatedAt: new Date().toISOString(),
      toolVersion: VERSION,
      timeZone: options.timezone,
    });
    if (options.baseline) {
      const baseline = await readBaseline(path.resolve(io.cwd, options.baseline), options.baseline, Baseline);
      const applied = applyBaseline(audit.findings, baseline);
      audit = withHabits({ ...audit, findings: applied.findings });
      if (!options.quiet && applied.suppressed)
        io.stderr.write(`presence: ${count(applied.suppressed, 'finding')} accepted by the baseline ${options.baseline}\n`);
    }
    if (options.writeBaseline) await writeAtomically(path.resolve(io.cwd, options.writeBaseline), `${JSON.stringify(makeBaseline(audit.findings), null, 2)}\n`);
    const style = reporterOptions(options, io);
    await writeReports(audit, targets, style, io, options.quiet);
    const summaryFile = io.env.GITHUB_STEP_SUMMARY;
    if (summaryFile) await appendFile(summaryFile, (await reporters['github-summary']!()).render(audit, { ...style, color: false }));
    const result = gate(audit.findings, { failOn: options.failOn, maxWarnings: options.maxWarnings });
    if (result.reason && !options.quiet) io.stderr.write(`presence: ${result.reason}\n`);
    exit(result.exitCode);
  });
}

/**
 * The network of queued posts whose file does not say: --queue-platform, else the history's one
 * network (said on stderr). Judging them as "other" would silently drop every platform limit.
 */
function queuePlatform(
  queue: readonly Post[],
  history: readonly Post[],
  given: PlatformName | undefined,
  notes: { write(text: string): unknown } | undefined,
): PlatformName | undefined {
  const unnamed = queue.filter((post) => post.platform === 'other').length;
  if (given || unnamed === 0) return given;
  const networks = [...new Set(history.map((post) => post.platform).filter((p) => p !== 'other'))].sort();
  if (networks.length === 1) {
    notes?.write(
      `presence: the queue names no network for ${count(unnamed, 'post')}; ` +
        `judging them as ${networks[0]}, the history's network (--queue-platform to choose)\n`,
    );
    return networks[0];
  }
  const known = networks.length ? `the history has ${networks.join(' and ')}` : 'no history names one';
  throw usageError(`the queue names no network for ${count(unnamed, 'post')} and ${known}`, `give --queue-platform (${PLATFORMS.join(', ')})`);
}

async function readBaseline(file: string, label: string, schema: typeof import('../../engine/baseline.js').Baseline) {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw configError({ file: label }, `cannot read the baseline (${(error as Error).message.split('\n')[0]})`, 'write one with --write-baseline');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw configError({ file: label }, 'not a presence baseline', 'write one with --write-baseline');
  return parsed.data;
}
