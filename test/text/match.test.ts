import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, phrasePattern, type MatcherSpec } from '../../src/text/match.js';

/** The matcher's meaning without its shortcut: blank out exceptions, then find the first non-empty match. */
function reference(spec: MatcherSpec, text: string): string | undefined {
  const parts = [...(spec.phrases?.length ? [phrasePattern(spec.phrases)] : []), ...(spec.patterns ?? []).map((p) => `(?:${p})`)];
  const regex = new RegExp(parts.join('|'), 'giu');
  const visible = spec.exceptions?.length ? text.replace(new RegExp(phrasePattern(spec.exceptions), 'giu'), (m) => ' '.repeat(m.length)) : text;
  return [...visible.matchAll(regex)].find((m) => m[0] !== '')?.[0];
}

const WORDS = ['like', 'share', 'if', 'you', 'can', 'help', 'tag', 'a', 'friend', 'your', 'Sale', 'garage', 'for', 'by', 'LIKE', 'this', 'likes', '50%', 'off'];
/** Words that only some phrases' edges close on: contractions, hashtags, unspaced scripts, letters that fold unlike their lower case. */
const EDGE_WORDS = ["I've", 've', 'done', '#ad', 'ad', '拡散希望', '拡散', 'ſale', 'SALE', 'ΟΔΟΣ', 'οδος', '!!!'];
const text = fc
  .array(fc.constantFrom(...WORDS, ...EDGE_WORDS), { maxLength: 12 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '  ', ', ', '\n', '!'), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
  );

const SPECS: [string, MatcherSpec][] = [
  ['phrases', { phrases: ['like if', 'tag your', 'sale'] }],
  ['phrases with exceptions', { phrases: ['like if', 'share if', 'tag your', 'tag a friend'], exceptions: ['share if you can help', 'garage sale'] }],
  ['one-word phrases with exceptions', { phrases: ['sale', 'like'], exceptions: ['garage sale', 'for sale by'] }],
  ['phrases and patterns', { phrases: ['tag a friend'], patterns: ['\\d+\\s?%\\s?off'] }],
  ['phrases closed by punctuation, unspaced scripts and folded letters', { phrases: ["i've done", '#ad', '拡散', 'sale', 'οδος', '!!!'] }],
  ['patterns with exceptions', { patterns: ['tag\\s+your', 'like\\W+if'], exceptions: ['can help'] }],
];

describe('compileMatcher', () => {
  it.each(SPECS)('%s: finds exactly what the plain regular expression finds', (_, spec) => {
    const matcher = compileMatcher(spec);
    fc.assert(
      fc.property(text, (t) => {
        const expected = reference(spec, t);
        expect(matcher.find(t)).toBe(expected);
        expect(matcher.count(t) > 0).toBe(expected !== undefined);
      }),
      { numRuns: 400 },
    );
  });

  it('hides an exception without hiding the phrase around it', () => {
    const matcher = compileMatcher({ phrases: ['share if'], exceptions: ['share if you can help'] });
    expect(matcher.find('Please share if you can help us find Max')).toBeUndefined();
    expect(matcher.find('Share if you love warm light')).toBe('Share if');
  });

  it('finds a phrase that hiding an exception brings together', () => {
    // "tag " + a hidden exception + "your": the blanks are whitespace, and the phrase allows any run of it.
    const matcher = compileMatcher({ phrases: ['tag your'], exceptions: ['can help'] });
    expect(matcher.find('tag can help your')).toBe('tag          your');
  });
});
