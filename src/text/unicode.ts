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
/** In spaced scripts a word is a run of letters, marks, digits and `_`, joined by an apostrophe, a point or a comma. */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
/**
 * Words as near-duplicate detection compares them: runs of letters and digits only, with no
 * joiners or marks ("don't" is compared as "don" and "t"). Not the counted word above: changing
 * this changes which posts are called copies of each other.
 */
export const COMPARED_WORD_CHARS = /^[\p{L}\p{N}]+$/u;
/** Whether each BMP code unit is a word character: 1 no, 2 yes, 0 not looked up yet. */
const BMP_WORD = new Uint8Array(0x10000);

/** The UTF-16 length of the word character at `i` (1, or 2 for an astral one), or 0 if there is none. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  if (BMP_WORD[code] === 0) BMP_WORD[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
  return BMP_WORD[code] === 2 ? 1 : 0;
}

const isJoiner = (code: number) => code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2c;

/**
 * Calls `visit` with the start and end of each word-like segment, so CJK and accented words count
 * the way a reader counts them. Spaced scripts are read by a scan of their characters that agrees
 * with Intl.Segmenter there, builds no strings, and is an order of magnitude faster; text in an
 * unspaced script goes through the segmenter, whose dictionary alone can split it.
 */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  if (UNSPACED_SCRIPT.test(text)) {
    for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) visit(segment.index, segment.index + segment.segment.length);
    return;
  }
  for (let i = 0; i < text.length;) {
    let width = wordCharAt(text, i);
    if (width === 0) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += width;
      width = i < text.length ? wordCharAt(text, i) : 0;
      // An apostrophe, a point or a comma between two word characters keeps the word going ("don't", "2.5", "1,000").
      if (width === 0 && i + 1 < text.length && isJoiner(text.charCodeAt(i))) width = wordCharAt(text, i + 1) && wordCharAt(text, i + 1) + 1;
    } while (width !== 0);
    visit(start, i);
  }
}

export function words(text: string): string[] {
  const result: string[] = [];
  forEachWord(text, (start, end) => result.push(text.slice(start, end)));
  return result;
}

export function countWords(text: string): number {
  let count = 0;
  forEachWord(text, () => count++);
  return count;
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
  /** The longest run of emoji with nothing but spaces between them on one line (emoji bullets of a list are no run). */
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
    } else if (segment.trim() !== '' || segment.includes('\n')) run = 0;
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
