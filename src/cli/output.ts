import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { closest, usageError } from '../errors.js';
import type { Audit } from '../model/audit.js';
import type { Reporter, ReporterOptions } from '../reporters/reporter.js';
import type { Io } from './io.js';
import type { FormatRequest } from './options.js';

/** Checks every requested format and loads its reporter before any work is done, so a typo fails fast. */
export async function resolveFormats(requests: readonly FormatRequest[], reporters: Readonly<Record<string, () => Promise<Reporter>>>, output?: string): Promise<{ reporter: Reporter; path?: string }[]> {
  const wanted = requests.length ? requests : [{ name: 'table' }];
  const resolved = await Promise.all(
    wanted.map(async (request) => {
      const load = reporters[request.name];
      if (!load) {
        const suggestion = closest(request.name, Object.keys(reporters));
        throw usageError(`unknown format "${request.name}"; known: ${Object.keys(reporters).join(', ')}`, suggestion && `did you mean "${suggestion}"?`);
      }
      return { reporter: await load(), path: request.path };
    }),
  );
  const toStdout = resolved.filter((r) => r.path === undefined);
  if (output) {
    if (toStdout.length !== 1) throw usageError('--output names the file for exactly one format without =PATH');
    toStdout[0]!.path = output;
  } else if (toStdout.length > 1) {
    throw usageError('only one format can go to standard output; give the others a file as NAME=PATH');
  }
  return resolved;
}

/** Renders each report and writes it to stdout or, atomically, to its file. */
/** Writes each report to its file or standard output; a file written is named on stderr unless `quiet`. */
export async function writeReports(audit: Audit, targets: readonly { reporter: Reporter; path?: string }[], options: ReporterOptions, io: Io, quiet = false): Promise<void> {
  for (const { reporter, path: file } of targets) {
    const style = { ...options, color: file === undefined && options.color };
    const text = reporter.pieces ? reporter.pieces(audit, style) : [reporter.render(audit, style)];
    if (file === undefined) for (const piece of text) io.stdout.write(piece);
    else {
      await writeAtomically(path.resolve(io.cwd, file), text);
      if (!quiet) io.stderr.write(`presence: wrote the ${reporter.name} report to ${file}\n`);
    }
  }
}

/** A temporary file then a rename, so an interrupted run never leaves half a report. */
export async function writeAtomically(file: string, text: string | Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (typeof text === 'string') await writeFile(temporary, text);
    else {
      const handle = await open(temporary, 'w');
      try {
        for (const piece of text) await handle.write(piece);
      } finally {
        await handle.close();
      }
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
