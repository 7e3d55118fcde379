import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI in-process with captured streams, as a user would in `cwd` (the repository by default). */
export async function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    env: { ...options.env },
    cwd: options.cwd ?? ROOT,
  };
  const exitCode = await main(args, io);
  return { exitCode, stdout, stderr };
}

/** Runs the built bin/presence.js as a real process (the smoke path a user takes). */
export function spawnCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/presence.js'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
