import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, lstat, mkdir, open, readlink, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { closest, PresenceError, usageError } from '../errors.js';
import type { Audit } from '../model/audit.js';
import type { Reporter, ReporterOptions } from '../reporters/reporter.js';
import type { Io } from './io.js';
import type { FormatRequest } from './options.js';

/** Checks every requested format and loads its reporter before any work is done, so a typo fails fast. */
export async function resolveFormats(
  requests: readonly FormatRequest[],
  reporters: Readonly<Record<string, () => Promise<Reporter>>>,
  output?: string,
): Promise<{ reporter: Reporter; path?: string }[]> {
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
export async function writeReports(
  audit: Audit,
  targets: readonly { reporter: Reporter; path?: string }[],
  options: ReporterOptions,
  io: Io,
  quiet = false,
): Promise<void> {
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

/** Temporary files being written, removed if the run is interrupted before their rename. */
const pending = new Set<string>();
let cleanupInstalled = false;

function removePendingOnSignal(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const file of pending) rmSync(file, { force: true });
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Writes a report or snapshot to `file`. A regular file (or a new one) is written to a temporary
 * file beside it, then renamed over it with the old file's mode, so an interrupted run never leaves
 * half a report. A symlink is followed and its target written; a device or FIFO (`/dev/null`,
 * `/dev/stdout`, a named pipe) is written in place, never replaced.
 */
export async function writeAtomically(file: string, text: string | Iterable<string>): Promise<void> {
  const target = await resolveTarget(file);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw usageError(`cannot write ${file}: it is a folder`, 'name a file inside it');
  if (existing && !existing.isFile()) return writeInPlace(target, text, file);
  await mkdir(path.dirname(target), { recursive: true }).catch((error: unknown) => {
    throw outputError(file, error);
  });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  removePendingOnSignal();
  pending.add(temporary);
  try {
    await writeInPlace(temporary, text, file);
    if (existing) await chmod(temporary, existing.mode & 0o7777);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error instanceof PresenceError ? error : outputError(file, error);
  } finally {
    pending.delete(temporary);
  }
}

/** The file a path finally names: symlinks followed, even to a target that does not exist yet. */
async function resolveTarget(file: string): Promise<string> {
  for (let hops = 0, current = file; hops < 40; hops++) {
    const link = await lstat(current).catch(() => undefined);
    if (!link?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw usageError(`cannot write ${file}: too many symbolic links`);
}

async function writeInPlace(target: string, text: string | Iterable<string>, shown: string): Promise<void> {
  let handle;
  try {
    handle = await open(target, 'w');
    for (const piece of typeof text === 'string' ? [text] : text) await handle.write(piece);
  } catch (error) {
    throw outputError(shown, error);
  } finally {
    await handle?.close();
  }
}

function outputError(file: string, error: unknown): PresenceError {
  const code = (error as { code?: string }).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a part of its path is a file, not a folder'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : code === 'EROFS'
              ? 'the file system is read-only'
              : String((error as Error).message ?? error).slice(0, 120);
  return usageError(`cannot write ${file}: ${reason}`);
}
