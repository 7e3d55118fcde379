import { lazy } from '../lazy.js';

/** recheck is large: it loads only when a user's own pattern has to be checked. */
const loadRecheck = lazy<typeof import('recheck')>('recheck');

/** A compiled set of phrases and patterns, matched against one piece of text. */
export interface TextMatcher {
  /** The first match, or undefined. */
  find(text: string): string | undefined;
  count(text: string): number;
}

export interface MatcherSpec {
  /** Words or phrases, matched case-insensitively on whole words (Unicode-aware). */
  phrases?: readonly string[];
  /** Regular expressions (Unicode mode, case-insensitive). */
  patterns?: readonly string[];
  /** Phrases that, where they match, hide a match inside them ("free shipping" vs "free"). */
  exceptions?: readonly string[];
  matchCase?: boolean;
  /** A capitalised match followed by another capitalised word is part of a name ("The Synergy Zone"), not a use of the word. */
  skipNames?: boolean;
  /** Patterns written by a user, not shipped with presence: proven safe before use. */
  untrusted?: boolean;
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}\\p{M}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}\\p{M}_])';
/** Scripts written without spaces between words get no word-boundary check at a phrase's edge. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const needsBoundary = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}_]/u.test(char) && !UNSPACED.test(char);

/**
 * Whole-word, Unicode-aware phrase matching. JavaScript's `\b` is ASCII-only, so "café"
 * would match inside "cafés" and CJK would never match; lookarounds on letter classes fix both.
 */
export function phrasePattern(phrases: readonly string[], { boundaries = true } = {}): string {
  // Alternatives are grouped by the boundaries they need, so each Unicode class appears once per
  // group: one lookbehind per alternative made V8 spend a quarter of a second compiling a list.
  const groups = new Map<string, string[]>();
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    const chars = [...phrase.trim()];
    const key = boundaries ? `${needsBoundary(chars[0]) ? 'b' : ''}|${needsBoundary(chars.at(-1)) ? 'a' : ''}` : '|';
    const body = escapeRegex(phrase.trim()).replace(/\s+/g, '\\s+');
    groups.set(key, [...(groups.get(key) ?? []), body]);
  }
  const parts = [...groups].map(
    ([key, bodies]) => `${key.startsWith('b') ? NOT_WORD_BEFORE : ''}(?:${bodies.join('|')})${key.endsWith('a') ? NOT_WORD_AFTER : ''}`,
  );
  return `(?:${parts.join('|')})`;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Thrown for a pattern that could backtrack catastrophically; callers add the location. */
export class UnsafePatternError extends Error {}

/**
 * Compiles a pattern; an untrusted one is first checked by recheck, which proves whether
 * a pattern can backtrack catastrophically. Heuristic star-height checks refuse ordinary
 * patterns (bounded groups, lookbehinds) and miss overlapping alternations; built-in
 * patterns are checked once by the test suite instead of at every start.
 */
export function compileRegex(source: string, flags = 'giu', untrusted = false): RegExp {
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    throw new UnsafePatternError(`invalid regular expression /${source}/: ${(error as Error).message}`);
  }
  if (untrusted) assertSafePattern(source, flags);
  return regex;
}

export function assertSafePattern(source: string, flags = 'giu'): void {
  const diagnostics = loadRecheck().checkSync(source, flags.replace('g', ''), { timeout: 5000 });
  // Exponential and cubic-or-worse backtracking hang a run on one long post (\w*\w*\w*! on 300 characters).
  // Quadratic is what any unanchored search with a quantifier costs (\d+% off), bounded by a post's length.
  if (diagnostics.status !== 'vulnerable') return;
  const { complexity } = diagnostics;
  if (complexity.type === 'exponential' || complexity.degree >= 3) {
    const attack = diagnostics.attack ? `, e.g. on ${JSON.stringify(diagnostics.attack.pattern.slice(0, 80))}` : '';
    throw new UnsafePatternError(
      `regular expression /${source}/ can backtrack catastrophically (${complexity.summary} time${attack}); write it so each character can match one way only`,
    );
  }
}

export function compileMatcher(spec: MatcherSpec): TextMatcher {
  const parts = [...(spec.phrases?.length ? [phrasePattern(spec.phrases)] : []), ...(spec.patterns ?? []).map((p) => `(?:${p})`)];
  if (parts.length === 0) return { find: () => undefined, count: () => 0 };
  const flags = spec.matchCase ? 'gu' : 'giu';
  for (const pattern of spec.untrusted ? (spec.patterns ?? []) : []) assertSafePattern(pattern, flags);
  const regex = compileRegex(parts.join('|'), flags);
  const exceptions = spec.exceptions?.length ? compileRegex(phrasePattern(spec.exceptions), flags) : undefined;
  const hide = (text: string) => (exceptions ? text.replace(exceptions, (m) => ' '.repeat(m.length)) : text);
  const quick = quickTest(spec, parts, flags);
  const counts = (match: RegExpMatchArray, visible: string) => match[0] !== '' && !(spec.skipNames && inName(match, visible));
  return {
    find(text) {
      if (quick && !quick.test(text)) return undefined;
      const visible = hide(text);
      regex.lastIndex = 0;
      for (let match = regex.exec(visible); match; match = regex.exec(visible)) {
        if (counts(match, visible)) return match[0];
        if (match[0] === '') regex.lastIndex++;
      }
      return undefined;
    },
    count(text) {
      if (quick && !quick.test(text)) return 0;
      regex.lastIndex = 0;
      const visible = hide(text);
      return [...visible.matchAll(regex)].filter((m) => counts(m, visible)).length;
    },
  };
}

function inName(match: RegExpMatchArray, text: string): boolean {
  return /^\p{Lu}/u.test(match[0]) && /^[^\S\n]+\p{Lu}\p{Ll}/u.test(text.slice(match.index! + match[0].length));
}

/**
 * A cheaper regular expression that matches every text the matcher could find something in:
 * most posts are ruled out by it. Phrases without their word-boundary lookarounds match
 * wherever the real ones do, and V8 scans for them several times faster. Hiding an exception
 * blanks characters out and could join two words into a phrase, but every word of such a match
 * is still the text's own: a text without any phrase's longest word holds no match either way.
 * A pattern may match the blanks themselves, so patterns with exceptions get no shortcut.
 */
function quickTest(spec: MatcherSpec, parts: readonly string[], flags: string): RegExp | undefined {
  const phrases = spec.phrases ?? [];
  const patterns = parts.slice(phrases.length ? 1 : 0);
  if (spec.exceptions?.length && patterns.length) return undefined;
  const anchors = spec.exceptions?.length ? phrases.map(longestWord) : phrases;
  const loose = [...(anchors.length ? [phrasePattern(anchors, { boundaries: false })] : []), ...patterns];
  return compileRegex(loose.join('|'), flags.replace('g', ''));
}

function longestWord(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .reduce((longest, word) => (word.length > longest.length ? word : longest));
}
