import { Post } from '../../src/model/post.js';
import { openInput } from '../../src/sources/read/input.js';
import type { FileSource, LoadResult } from '../../src/sources/source.js';
import { ROOT } from './run-cli.js';

/** Loads a fixture with one source, checking that every post it makes is a valid Post. */
export async function loadWith(
  source: FileSource,
  spec: string,
  options: { strict?: boolean; map?: Record<string, string>; progress?: (done: number) => void } = {},
): Promise<LoadResult> {
  const input = await openInput(spec, ROOT);
  try {
    const result = await source.load(input, { strict: options.strict ?? false, map: options.map, progress: options.progress });
    for (const post of result.posts) Post.parse(post);
    return result;
  } finally {
    await input.close();
  }
}

export async function detects(source: FileSource, spec: string): Promise<boolean> {
  const input = await openInput(spec, ROOT);
  try {
    return await source.detect(input);
  } finally {
    await input.close();
  }
}

export function kinds(result: LoadResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const post of result.posts) counts[post.kind] = (counts[post.kind] ?? 0) + 1;
  return counts;
}
