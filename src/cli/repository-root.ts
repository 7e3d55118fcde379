import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding `.git` at or above `cwd`: what code scanning takes file paths as relative to. */
export function repositoryRoot(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
