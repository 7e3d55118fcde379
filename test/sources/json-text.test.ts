import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonArrayElements, jsonValue } from '../../src/sources/read/json-text.js';

const elementsOf = (text: string) => {
  const bytes = Buffer.from(text);
  return [...jsonArrayElements(bytes, 0, bytes.length, 'posts.json')];
};
/** The outcome of reading a text: its value, or that it was refused. */
const outcome = (read: () => unknown) => {
  try {
    return { value: read() };
  } catch {
    return { refused: true };
  }
};

describe('JSON arrays read one element at a time', () => {
  test('any array reads as JSON.parse reads it, compact or indented', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.constantFrom(undefined, 2, '\t'), (array, indent) => {
        const text = JSON.stringify(array, null, indent);
        expect(elementsOf(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  test('a damaged array is refused exactly when JSON.parse refuses it', () => {
    const damaged = fc
      .tuple(fc.array(fc.jsonValue(), { minLength: 1 }), fc.nat(), fc.constantFrom('', '"', '{', '}', ']', ',', '\\', 'x', ' '))
      .map(([array, at, insert]) => {
        const text = JSON.stringify(array, null, 1);
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (insert ? 0 : 1));
      });
    fc.assert(
      fc.property(damaged, (text) => {
        const expected = outcome(() => JSON.parse(text));
        // Only arrays are read element by element; a damaged text that is now some other value is refused.
        if (!expected.refused && !Array.isArray(expected.value)) return;
        expect(outcome(() => elementsOf(text))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  test('an element is parsed only when it is reached', () => {
    const elements = elementsOf('[1, 2]');
    expect(elements).toEqual([1, 2]);
    const lazy = jsonArrayElements(Buffer.from('[{"a":1}, {"b": }]'), 0, 18, 'posts.json');
    expect(lazy.next().value).toEqual({ a: 1 });
    expect(() => lazy.next()).toThrow(/^not valid JSON/);
  });
});

describe('a whole JSON value', () => {
  test('names line and column of a syntax error, never the content', () => {
    const text = '{\n  "email": "someone@example.com",\n  "posts": [1, 2 3]\n}';
    const bytes = Buffer.from(text);
    expect(() => jsonValue(bytes, 0, bytes.length, 'account.json')).toThrow(expect.objectContaining({ where: { file: 'account.json', line: 3, col: 18 } }));
    expect(() => jsonValue(bytes, 0, bytes.length, 'account.json')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('example.com') }));
  });
});
