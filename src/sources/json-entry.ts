import { inputError } from '../errors.js';
import { decodeText, type Input } from './input.js';

/** Reads and parses one JSON entry, naming the file and position on a syntax error. */
export async function readJsonEntry(input: Input, entry: string): Promise<unknown> {
  const file = input.describe(entry);
  const text = decodeText(await input.read(entry), file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw inputError({ file }, `not valid JSON (${(error as Error).message})`);
  }
}

/** True when a JSON entry's first bytes match a pattern: cheap detection without parsing. */
export async function jsonHeadMatches(input: Input, entry: string, pattern: RegExp): Promise<boolean> {
  return pattern.test((await input.head(entry, 4096)).toString('utf8'));
}
