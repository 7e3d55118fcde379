import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Everything presence loads on first use goes through here, so a command pays only for what it
// runs: `--help` and `--version` load no parser, schema or reporter.

/**
 * A dependency loaded on its first use, through its CommonJS build: a require of one bundled
 * file is several times cheaper than resolving its ES module graph.
 */
export function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

/**
 * A module imported on its first use: one of ours (a reporter), or a dependency published only as
 * an ES module, which `lazy` cannot require. The import is written at the call, so it stays typed.
 */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}
