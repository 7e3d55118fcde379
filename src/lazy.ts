import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded on its first use, through its CommonJS build: a command that never needs
 * it never pays for it, and a require of one bundled file is several times cheaper than
 * resolving its ES module graph.
 */
export function lazy<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
