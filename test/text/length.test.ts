import { describe, expect, test } from 'vitest';
import { platformLength, xWeightedLength } from '../../src/text/length.js';

describe('xWeightedLength (twitter-text v3 weights)', () => {
  test.each([
    ['ASCII counts 1 each', 'hello', 5],
    ['CJK counts 2 each', 'こんにちは', 10],
    ['a ZWJ family emoji counts 2 once', '👨‍👩‍👧', 2],
    ['a flag counts 2', '🇫🇷', 2],
    ['curly quotes are in the light range', '“quote”', 7],
    ['a URL counts 23 whatever its length', 'see https://northwind.example/a/very/long/path/that/keeps/going', 4 + 23],
    ['accented Latin counts 1', 'café', 4],
    ['a character beyond the BMP counts 2 once', '𝐛old', 2 + 3],
    ['a lone surrogate counts 2 and spoils nothing after it', '\ud800ab', 2 + 2],
    ['combining marks are composed first (NFC)', 'cafe\u0301', 4],
  ])('%s', (_label, text, expected) => {
    expect(xWeightedLength(text)).toBe(expected);
  });
});

describe('platformLength', () => {
  test.each([
    ['bluesky counts graphemes', 'bluesky', '👨‍👩‍👧 ok', 4],
    ['mastodon counts a remote mention without its domain', 'mastodon', '@studio@lumen.example hi', 10],
    ['mastodon counts a link as 23', 'mastodon', 'https://northwind.example/a/b/c/d/e/f/g/h/i/j', 23],
    ['threads counts emoji as UTF-8 bytes', 'threads', 'ok 💡', 3 + 4],
    ['linkedin counts code points', 'linkedin', 'café 💡', 6],
  ] as const)('%s', (_label, platform, text, expected) => {
    expect(platformLength({ platform, text })).toBe(expected);
  });
});

describe("X replies: the leading @handles don't count", () => {
  test('only the words after the handles a reply opens with are counted', () => {
    const handles = '@ana_reads @ben_builds @chloe_lights ';
    const words = 'thanks for the photos of your reading corners!';
    expect(platformLength({ platform: 'x', text: handles + words, replyTo: { isOwn: false } })).toBe(words.length);
    // A post that is not a reply counts every character, handles included.
    expect(platformLength({ platform: 'x', text: handles + words })).toBe((handles + words).length);
  });

  test('a reply of nothing but handles has no words of its own to count', () => {
    expect(platformLength({ platform: 'x', text: '@ana_reads @ben_builds', replyTo: { isOwn: false } })).toBe(0);
  });
});
