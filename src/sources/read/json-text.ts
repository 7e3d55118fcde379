import { isUtf8 } from 'node:buffer';
import { inputError, type Where } from '../../errors.js';
import { notUtf8 } from './input.js';
import { jsonSyntaxError } from './json-syntax.js';

const TRUNCATED = 'it ends too early: a truncated file?';

/** The JSON value in `bytes` from `start` to `end`, parsed; a syntax error is located in the file. */
export function jsonValue(bytes: Buffer, start: number, end: number, file: string): unknown {
  return parseAt(bytes, skipSpace(bytes, start, end), end, file);
}

/**
 * The elements of the JSON array between `start` and `end` in UTF-8 `bytes`, each parsed alone
 * as the caller asks for it: a 100,000-post export is never one string nor one parsed tree,
 * and each element is garbage once the caller has built its post.
 */
export function* jsonArrayElements(bytes: Buffer, start: number, end: number, file: string): Generator<unknown> {
  let at = skipSpace(bytes, start, end);
  if (bytes[at] !== 0x5b || at >= end) throw inputError(locate(bytes, at, file), `expected a JSON array, found ${describeByte(bytes, at, end)}`);
  at = skipSpace(bytes, at + 1, end);
  if (bytes[at] === 0x5d) return ensureEnd(bytes, at + 1, end, file);
  for (;;) {
    const valueStop = valueEnd(bytes, at, end);
    if (valueStop > end) throw inputError({ file }, `not valid JSON (${TRUNCATED})`);
    yield parseAt(bytes, at, valueStop, file);
    at = skipSpace(bytes, valueStop, end);
    if (bytes[at] === 0x2c && at < end) at = skipSpace(bytes, at + 1, end);
    else if (bytes[at] === 0x5d && at < end) return ensureEnd(bytes, at + 1, end, file);
    else throw unexpected(bytes, at, end, file, '"," or "]" after an element');
  }
}

/**
 * Parses the bytes from `start` to `end`. A syntax error names the file, line and column and
 * what the grammar expected there, never the content: an export may hold e-mail addresses
 * and private messages.
 */
function parseAt(bytes: Buffer, start: number, end: number, file: string): unknown {
  const slice = bytes.subarray(start, end);
  if (!isUtf8(slice)) throw notUtf8(locate(bytes, start, file));
  const text = slice.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonError(error, text, file, () => locate(bytes, start, file));
  }
}

/** Where the value starting at `at` ends (one past its last byte), or past the end when it is cut short. */
function valueEnd(bytes: Buffer, at: number, end: number): number {
  const first = bytes[at];
  if (first === 0x22) return stringEnd(bytes, at + 1, end);
  if (first !== 0x7b && first !== 0x5b) {
    // A number, true, false or null (or a mistake, which JSON.parse names).
    let stop = at;
    while (stop < end && !STOPS.has(bytes[stop]!)) stop++;
    return stop === at ? at + 1 : stop;
  }
  let depth = 0;
  for (let i = at; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0x22) i = stringEnd(bytes, i + 1, end) - 1;
    else if (byte === 0x7b || byte === 0x5b) depth++;
    else if ((byte === 0x7d || byte === 0x5d) && --depth === 0) return i + 1;
  }
  return end + 1;
}

/** One past the quote that closes the string whose content starts at `at`; found with indexOf, which is native. */
function stringEnd(bytes: Buffer, at: number, end: number): number {
  for (let quote = bytes.indexOf(0x22, at); quote !== -1 && quote < end; quote = bytes.indexOf(0x22, quote + 1)) {
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return end + 1;
}

/** Bytes that end a bare value: whitespace, `,`, `]` and `}`. */
const STOPS = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2c, 0x5d, 0x7d]);

function skipSpace(bytes: Buffer, at: number, end: number): number {
  while (at < end && (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)) at++;
  return at;
}

function ensureEnd(bytes: Buffer, at: number, end: number, file: string): void {
  at = skipSpace(bytes, at, end);
  if (at < end) throw unexpected(bytes, at, end, file, 'nothing after the array');
}

function unexpected(bytes: Buffer, at: number, end: number, file: string, expected: string) {
  if (at >= end) return inputError({ file }, `not valid JSON (${TRUNCATED})`);
  return inputError(locate(bytes, at, file), `not valid JSON (expected ${expected}, found ${describeByte(bytes, at, end)})`);
}

function describeByte(bytes: Buffer, at: number, end: number): string {
  return at >= end ? 'the end of the file' : describeChar(String.fromCharCode(bytes[at]!));
}

/** A character named without echoing content beyond it: an export may hold private messages. */
function describeChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x80) return 'a non-ASCII character';
  if (char === '"') return 'a quotation mark';
  return code < 0x20 ? `a control character (U+${code.toString(16).padStart(4, '0').toUpperCase()})` : `"${char}"`;
}

/** The line and column (in characters) of byte `at`. */
function locate(bytes: Buffer, at: number, file: string): Where & { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < at; i = bytes.indexOf(0x0a, i + 1)) [line, lineStart] = [line + 1, i + 1];
  return { file, line, col: bytes.toString('utf8', lineStart, at).length + 1 };
}

/** The grammar's reason and position, found in the text itself: never the engine's wording nor its echo of the content. */
function jsonError(error: unknown, text: string, file: string, where: () => { line: number; col: number }) {
  if (error instanceof RangeError) return inputError({ file }, 'not valid JSON (nested too deeply)');
  const fault = jsonSyntaxError(text);
  if (!fault) return inputError({ file, ...where() }, 'not valid JSON');
  if (fault.at >= text.length) return inputError({ file }, `not valid JSON (${TRUNCATED})`);
  const offset = where();
  let line = offset.line;
  let lineStart = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < fault.at; i = text.indexOf('\n', i + 1)) [line, lineStart] = [line + 1, i];
  const col = lineStart === -1 ? offset.col + fault.at : fault.at - lineStart;
  return inputError({ file, line, col }, `not valid JSON (expected ${fault.expected}, found ${describeChar(text[fault.at]!)})`);
}
