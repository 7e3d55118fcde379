/** Unicode-aware text pieces shared by measures and matchers: words, graphemes, emoji. */

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Every pictographic character is beyond Latin-1 but © and ®: a plain class, checked first because it is several times cheaper. */
const MAYBE_PICTOGRAPHIC = /[\u00a9\u00ae\u0100-\uffff]/;

function hasPictographic(text: string): boolean {
  return MAYBE_PICTOGRAPHIC.test(text) && PICTOGRAPHIC.test(text);
}
/** Cheap pre-check: text with no code point above U+00FF has no emoji and one grapheme per unit. */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
/** Scripts written without spaces between words: only the segmenter's dictionary can split them. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** In spaced scripts a word is a run of letters, marks and digits, joined by an apostrophe or a decimal point. */
const SPACED_WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.,][\p{L}\p{M}\p{N}_]+)*/gu;

/**
 * Word-like segments, so CJK and accented words count the way a reader counts them. Text in
 * spaced scripts is split by a regular expression that agrees with Intl.Segmenter there and
 * is an order of magnitude faster; unspaced scripts go through the segmenter.
 */
export function words(text: string): string[] {
  if (!UNSPACED_SCRIPT.test(text)) return text.match(SPACED_WORD) ?? [];
  const result: string[] = [];
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) result.push(segment.segment);
  return result;
}

export function graphemeCount(text: string): number {
  if (!BEYOND_LATIN1.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemeSegmenter.segment(text)) count++;
  return count;
}

export interface EmojiStats {
  /** Emoji graphemes: a ZWJ family or a flag counts once. */
  count: number;
  /** The longest run of emoji with nothing but spaces between them. */
  longestRun: number;
}

export function emojiStats(text: string): EmojiStats {
  if (!hasPictographic(text)) return { count: 0, longestRun: 0 };
  let count = 0;
  let run = 0;
  let longestRun = 0;
  for (const { segment } of graphemeSegmenter.segment(text)) {
    if (PICTOGRAPHIC.test(segment) && segment !== '©' && segment !== '®' && segment !== '™') {
      count++;
      longestRun = Math.max(longestRun, ++run);
    } else if (segment.trim() !== '') run = 0;
  }
  return { count, longestRun };
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Removes every emoji grapheme (for prose that is read as words). */
export function stripEmoji(text: string): string {
  if (!hasPictographic(text)) return text;
  let result = '';
  for (const { segment } of graphemeSegmenter.segment(text)) if (!PICTOGRAPHIC.test(segment)) result += segment;
  return result;
}
