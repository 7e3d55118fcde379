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
    .option(
      '--compare <old>',
      'an older audit over a window of the same length: show what improved and what got worse, ' +
        'per habit and per family, and the findings fixed, new and remaining',
    );
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
      if (mismatch)
        throw inputError({ file: options.compare }, mismatch, 'audit both the same way: the same --last, or --since and --until spans of equal length');
      rendered = { ...audit, comparison: compareAudits(audit, previous) };
    }
    await writeReports(rendered, targets, reporterOptions({ ...options, failOn: 'error' }, io), io);
  });
}

/** Reads and validates a saved audit of version 1 or 2, naming the file and the first thing that is wrong with it. */
export async function readAudit(file: string, io: Io): Promise<Audit> {
  const [{ AUDIT_VERSIONS }, { readAuditDocument }] = await Promise.all([import('../../model/audit.js'), import('../../model/audit-document.js')]);
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(io.cwd, file));
  } catch {
    throw inputError({ file }, 'cannot read the audit file');
  }
  const { jsonValue } = await import('../../sources/read/json-text.js');
  const value = jsonValue(bytes, 0, bytes.length, file);
  const version = (value as { version?: unknown } | null)?.version;
  if (!(AUDIT_VERSIONS as readonly unknown[]).includes(version)) {
    throw inputError(
      { file },
      `not a presence audit of version ${AUDIT_VERSIONS.join(' or ')} (found version ${JSON.stringify(version)})`,
      'save audits with `presence audit --format json`',
    );
  }
  const { audit, problem } = readAuditDocument(value);
  if (problem) throw inputError({ file }, `not a valid presence audit: ${problem.path}: ${problem.message}`);
  // Audits saved before habits were recorded get them from their own findings.
  if (audit.habits) return audit;
  const { habitsOf } = await import('../../engine/habits.js');
  return { ...audit, habits: habitsOf(audit) };
}
