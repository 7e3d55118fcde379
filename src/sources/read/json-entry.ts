import { checkText, type Input } from './input.js';
import { jsonValue } from './json-text.js';

/** Reads and parses one JSON entry (a UTF-8 byte-order mark allowed), naming the file and position on a syntax error. */
export async function readJsonEntry(input: Input, entry: string): Promise<unknown> {
  const file = input.describe(entry);
  const bytes = await input.read(entry);
  checkText(bytes, file);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return jsonValue(bytes, bom, bytes.length, file);
}

/** True when a JSON entry's first bytes match a pattern: cheap detection without parsing. */
export async function jsonHeadMatches(input: Input, entry: string, pattern: RegExp): Promise<boolean> {
  return pattern.test((await input.head(entry, 4096)).toString('utf8'));
}

/** Each non-blank line of JSON Lines text, parsed; a line that is not JSON is skipped and counted. */
export function* jsonLines(
  text: string,
  file: string,
  skip: (where: { file: string; line: number }, reason: string) => void,
  firstLine = 1,
): Generator<{ value: unknown; line: number }> {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = index + firstLine;
    if (!lines[index]!.trim()) continue;
    try {
      yield { value: JSON.parse(lines[index]!), line };
    } catch {
      skip({ file, line }, 'not valid JSON');
    }
  }
}
