import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { inputError } from '../../errors.js';
import type { Audit } from '../../model/audit.js';
import type { CommandContext } from '../command-context.js';
import type { Io } from '../io.js';
import type { FormatRequest } from '../options.js';
import { addRenderOptions, reporterOptions } from '../command-options.js';

interface ReportCommandOptions {
  format: FormatRequest[];
  output?: string;
  compare?: string;
  brandName?: string;
  locale?: string;
  timezone?: string;
}

export function register(program: Command, { io, formats }: CommandContext): void {
  const command = program
    .command('report')
    .summary('render a saved audit (--format json) as any report')
    .description('Render an audit saved with `presence audit --format json` in any format; with --compare, show what changed since an older audit.')
    .argument('<audit>', 'an audit saved as JSON')
    .option('--compare <old>', 'an older audit over a window of the same length: show what improved and what got worse, per habit and per family, and the findings fixed, new and remaining');
  addRenderOptions(command, formats).action(async (file: string, options: ReportCommandOptions) => {
    const [{ resolveFormats, writeReports }, { reporters }, { compareAudits, windowMismatch }] = await Promise.all([
      import('../output.js'),
      import('../../reporters/index.js'),
      import('../../engine/compare.js'),
    ]);
    const targets = await resolveFormats(options.format, reporters, options.output);
    const audit = await readAudit(file, io);
    let rendered = audit;
    if (options.compare) {
      const previous = await readAudit(options.compare, io);
      // Counts and shares only compare over windows of one length; a longer window would show more of every habit.
      const mismatch = windowMismatch(audit, previous);
      if (mismatch) throw inputError({ file: options.compare }, mismatch, 'audit both the same way: the same --last, or --since and --until spans of equal length');
      rendered = { ...audit, comparison: compareAudits(audit, previous) };
    }
    await writeReports(rendered, targets, reporterOptions({ ...options, failOn: 'error' }, io), io);
  });
}

/** Reads and validates a saved audit, naming the file and the first thing that is wrong with it. */
export async function readAudit(file: string, io: Io): Promise<Audit> {
  const { Audit, AUDIT_VERSION } = await import('../../model/audit.js');
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(io.cwd, file));
  } catch {
    throw inputError({ file }, 'cannot read the audit file');
  }
  const { jsonValue } = await import('../../sources/read/json-text.js');
  const value = jsonValue(bytes, 0, bytes.length, file);
  const version = (value as { version?: unknown } | null)?.version;
  if (version !== AUDIT_VERSION) {
    throw inputError({ file }, `not a presence audit of version ${AUDIT_VERSION} (found version ${JSON.stringify(version)})`, 'save audits with `presence audit --format json`');
  }
  const result = Audit.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw inputError({ file }, `not a valid presence audit: ${issue.path.join('.') || 'the document'}: ${issue.message}`);
  }
  // Audits saved before habits were recorded get them from their own findings.
  if (result.data.habits) return result.data;
  const { habitsOf } = await import('../../engine/habits.js');
  return { ...result.data, habits: habitsOf(result.data) };
}
