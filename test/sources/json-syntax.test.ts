import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonSyntaxError } from '../../src/sources/read/json-syntax.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('the first JSON syntax error, from the grammar', () => {
  test('a text has an error exactly when JSON.parse refuses it', () => {
    const damaged = fc
      .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', '\\', 'x', '-', '0', '\u0001', ' '))
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1) ?? 'null';
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (insert ? 0 : 1));
      });
    fc.assert(
      fc.property(damaged, (text) => {
        expect(jsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  test('names the place and what the grammar expected there', () => {
    expect(jsonSyntaxError('{"a": 1 "b": 2}')).toEqual({ at: 8, expected: '"," or "}"' });
    expect(jsonSyntaxError('[1, ]')).toEqual({ at: 4, expected: 'a value' });
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ at: 5, expected: '":"' });
    expect(jsonSyntaxError('{1: 2}')).toEqual({ at: 1, expected: 'a quoted key or "}"' });
    expect(jsonSyntaxError('{"a": 1,}')).toEqual({ at: 8, expected: 'a quoted key' });
    expect(jsonSyntaxError('"a\\qb"')).toEqual({ at: 3, expected: 'a valid string' });
    expect(jsonSyntaxError('[01]')).toEqual({ at: 2, expected: '"," or "]"' });
    expect(jsonSyntaxError('[1] 2')).toEqual({ at: 4, expected: 'nothing after the value' });
  });

  test('a text cut short breaks at its end', () => {
    for (const text of ['[1, 2', '{"a": "b', '', '{"a":', '"\\u12']) expect(jsonSyntaxError(text)?.at).toBeGreaterThanOrEqual(text.length);
  });
});
