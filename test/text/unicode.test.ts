import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARED_WORD_CHARS, countWords, words } from '../../src/text/unicode.js';

/** What a word is in a spaced script, as one regular expression: the scanner must agree with it. */
const SPACED_WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.,][\p{L}\p{M}\p{N}_]+)*/gu;

/** Letters, marks, digits, joiners, spaces, emoji and lone surrogates, in any order. */
const piece = fc.constantFrom(
  'a',
  'Z',
  'é',
  'e\u0301',
  'ß',
  'Ω',
  'ж',
  '٣',
  '_',
  '7',
  "'",
  '’',
  '.',
  ',',
  ' ',
  '\n',
  '-',
  '!',
  '#',
  '@',
  '🕯️',
  '𝐛',
  '𝟕',
  '\ud835',
  '\udc1b',
  'ﬁ',
  '%',
);
const spacedText = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

describe('words', () => {
  it('agrees with the regular expression of a spaced word on any mix of characters', () => {
    fc.assert(
      fc.property(spacedText, (text) => {
        const expected = text.match(SPACED_WORD) ?? [];
        expect(words(text)).toEqual(expected);
        expect(countWords(text)).toBe(expected.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps apostrophes, decimal points and thousands separators inside a word, not at its end', () => {
    expect(words("Don't miss v2.5 — 1,000 lamps’ glow.")).toEqual(["Don't", 'miss', 'v2.5', '1,000', 'lamps', 'glow']);
  });

  it('splits unspaced scripts with the segmenter’s dictionary', () => {
    expect(words('新しいランプを発売しました')).toEqual(['新しい', 'ランプ', 'を', '発売', 'しま', 'した']);
  });
});

describe('a compared word is narrower than a counted one', () => {
  it.each([
    ['don', true],
    ['café2', true],
    ['日本', true],
    ["don't", false],
    ['snake_case', false],
    ['2.5', false],
    ['e\u0301', false],
  ])('%j is one compared word: %s', (text, one) => expect(COMPARED_WORD_CHARS.test(text)).toBe(one));

  it('counts the same texts as single words', () => expect(words("don't snake_case 2.5")).toEqual(["don't", 'snake_case', '2.5']));
});
