/** Where JSON text first breaks the grammar, and what was expected there. */
export interface JsonSyntaxError {
  /** Offset in characters; at or past the end when the text is cut short. */
  at: number;
  expected: string;
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

/**
 * The first syntax error in `text`, found by walking the JSON grammar (RFC 8259), or undefined
 * when the text is valid. Only called once JSON.parse has failed: it gives the position and
 * reason from the grammar itself, never from the engine's wording, which changes across Node versions.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: string[] = [];
  let state: State = 'value';
  let at = 0;
  const fail = (expected: string): JsonSyntaxError => ({ at, expected });
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
    const char = text[at];
    if (state === 'after') {
      const container = open.at(-1);
      if (container === undefined) return at < text.length ? fail('nothing after the value') : undefined;
      const close = container === '{' ? '}' : ']';
      if (char === ',') [state, at] = [container === '{' ? 'key' : 'value', at + 1];
      else if (char === close) {
        open.pop();
        at++;
      } else return fail(`"," or "${close}"`);
      continue;
    }
    if (state === 'colon') {
      if (char !== ':') return fail('":"');
      [state, at] = ['value', at + 1];
      continue;
    }
    if ((state === 'key-or-close' && char === '}') || (state === 'value-or-close' && char === ']')) {
      open.pop();
      [state, at] = ['after', at + 1];
      continue;
    }
    if (state === 'key' || state === 'key-or-close') {
      if (char !== '"') return fail(state === 'key' ? 'a quoted key' : 'a quoted key or "}"');
      const stop = stringEnd(text, at + 1);
      if (stop < 0) return { at: ~stop, expected: 'a valid string' };
      [state, at] = ['colon', stop];
      continue;
    }
    if (char === '{' || char === '[') {
      open.push(char);
      [state, at] = [char === '{' ? 'key-or-close' : 'value-or-close', at + 1];
      continue;
    }
    const stop = char === '"' ? stringEnd(text, at + 1) : scalarEnd(text, at);
    if (stop < 0) return { at: ~stop, expected: char === '"' ? 'a valid string' : 'a value' };
    [state, at] = ['after', stop];
  }
}

/** One past the closing quote of the string whose content starts at `at`, or `~offset` of the fault (negative). */
function stringEnd(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return ~i;
    if (code !== 0x5c) continue;
    const escape = text[i + 1];
    if (escape === 'u') {
      if (i + 6 > text.length) return ~text.length;
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return ~(i + 1);
      i += 5;
    } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++;
    else return ~(i + 1);
  }
  return ~text.length;
}

const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** One past a number or literal starting at `at`, or `~at` when there is none. */
function scalarEnd(text: string, at: number): number {
  SCALAR.lastIndex = at;
  return SCALAR.test(text) ? SCALAR.lastIndex : ~at;
}
