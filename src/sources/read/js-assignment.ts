import { inputError } from '../../errors.js';
import { checkText, type Input } from './input.js';
import { jsonArrayElements, jsonValue } from './json-text.js';

/**
 * X's archives, today's and the older Grailbird one, are JavaScript files that assign one JSON value
 * (`window.YTD.tweets.part0 = […]`, `Grailbird.data.tweets_2013_02 = […]`). Where that JSON lies in a
 * file's bytes: after the assignment (never eval'd), before any trailing `;`.
 */
export interface AssignedJson {
  bytes: Buffer;
  start: number;
  end: number;
  file: string;
}

/** `expected` says, for the error, how such a file starts. */
export function assignedJson(bytes: Buffer, file: string, assignment: RegExp, expected: string): AssignedJson {
  const prefix = assignment.exec(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, 512)));
  if (!prefix) throw inputError({ file }, `expected ${expected}`);
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x3b || bytes[end - 1]! <= 0x20)) end--;
  return { bytes, start: Buffer.byteLength(prefix[0]), end, file };
}

export async function readAssignedJson(input: Input, entry: string, assignment: RegExp, expected: string): Promise<AssignedJson> {
  const file = input.describe(entry);
  const bytes = await input.read(entry);
  checkText(bytes, file);
  return assignedJson(bytes, file, assignment, expected);
}

/** The elements of the assigned array, parsed one at a time as they are read. */
export function assignedElements({ bytes, start, end, file }: AssignedJson): Generator<unknown> {
  return jsonArrayElements(bytes, start, end, file);
}

export function assignedValue({ bytes, start, end, file }: AssignedJson): unknown {
  return jsonValue(bytes, start, end, file);
}
