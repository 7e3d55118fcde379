import { redactSecrets } from './model/source-spec.js';

/** Where a bad input, setting or rule sits, as precisely as the reader knows. */
export interface Where {
  file: string;
  line?: number;
  col?: number;
  record?: number;
}

export type ErrorCode = 'usage' | 'config' | 'input' | 'network';

/**
 * An error a user can act on. Everything below the CLI throws these; only the CLI edge
 * prints them, as one line, and turns them into exit code 2.
 */
export class PresenceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where?: Where,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PresenceError';
  }

  /**
   * `file:line:col: message (hint)`, the one line the CLI prints: control characters shown as
   * escapes, and any part that quotes a huge input (a 400 KB attribute, a 10 MB phrase) cut short.
   */
  render(): string {
    const place = this.where ? `${clip(formatWhere(this.where), 200)}: ` : '';
    return `${place}${clip(this.message, 300)}${this.hint ? ` (${clip(this.hint, 300)})` : ''}`;
  }
}

/** One printable line of at most `max` characters, keeping the start and the end of what it quotes. */
export function clip(text: string, max: number): string {
  const printable = text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (printable.length <= max) return printable;
  const tail = Math.floor(max / 4);
  return `${printable.slice(0, max - tail - 1)}…${printable.slice(-tail)}`;
}

/** `file:line:col`, `file:line` or `file#record`: how messages and reports all point into an input. */
export function formatWhere(where: Where): string {
  let text = where.file;
  if (where.line !== undefined) text += `:${where.line}${where.col !== undefined ? `:${where.col}` : ''}`;
  else if (where.record !== undefined) text += `#${where.record}`;
  return text;
}

export const usageError = (message: string, hint?: string) => new PresenceError('usage', message, undefined, hint);
export const configError = (where: Where | undefined, message: string, hint?: string) => new PresenceError('config', message, where, hint);
export const inputError = (where: Where | undefined, message: string, hint?: string) => new PresenceError('input', message, where, hint);
export const networkError = (source: string, message: string, hint?: string) =>
  new PresenceError('network', redactSecrets(message), { file: redactSecrets(source) }, hint);

/** Closest candidate by edit distance, for "did you mean" hints; undefined when nothing is close. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefixed = candidates.find((c) => lower.length >= 3 && c.toLowerCase().startsWith(lower));
  if (prefixed) return prefixed;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
