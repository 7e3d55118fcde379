import type { Post } from '../model/post.js';
import { HASHTAG_AS_WRITTEN, MENTION_AS_WRITTEN } from './entities.js';
import { platformLength, replyAddressees } from './length.js';
import { normalizeUrl } from './links.js';
import { fingerprint, type Fingerprint } from './similarity.js';
import { URL_AS_WRITTEN } from './url-patterns.js';
import { countWords, emojiStats, forEachWord, stripEmoji, utf8Length, words, type EmojiStats } from './unicode.js';

/** Every URL as written has a slash or a `www.`: text with neither needs no scan for them. */
const MAYBE_URL = /\/|www\./i;
const RETWEET_PREFIX = /^RT @[\w]+:\s*/;
/**
 * What the brand quotes rather than says: text in quotation marks, inline and fenced code, and
 * everything after a manual retweet's `RT @someone`.
 * Straight quotes need a non-letter before the opening one, so "don't" and 5'11 stay words.
 */
const QUOTED = new RegExp(
  [
    /```[\s\S]*?```|`[^`\n]+`/.source,
    /“[^”]*”|„[^“”]*[“”]|«[^»]*»|‘[^’]{3,}’|(?<![\p{L}\p{N}])"[^"\n]+"/u.source,
    /(?:^|\s)(?:RT|MT) @[\w.@-]+:?[\s\S]*$/.source,
    /\s(?:RT|MT) (?=\p{Lu}\p{Ll})[\s\S]*$/u.source,
  ].join('|'),
  'gu',
);
/**
 * `RT @someone: …` inside a post is the old manual retweet (and what cross-posters write): the rest is theirs.
 * So is a sentence after a comment and a bare `RT` ("thanks for this RT If you have a hovercraft…").
 */
const MAYBE_QUOTED = /[`“„«‘"]|[RM]T (?:@|\p{Lu})/u;

/** Runs of two or more spaces, and any tab or line break: the only whitespace worth rewriting. */
const LOOSE_SPACE = /\s{2,}|[^\S ]/g;

/**
 * Phrases that carry no opinion of the author's own beside a link ("New post:", "ICYMI").
 * From the bare-link signal in the audit practices (Twitter Rules: updates that "consist
 * mainly of links"); matched as whole phrases, removed before own words are counted.
 */
const BOILERPLATE_PHRASES = [
  String.raw`new (?:blog )?post|new on the blog|on the blog|new blog|in case you missed it`,
  String.raw`new video|new article|new episode|new podcast|check (?:it|this) out`,
  String.raw`read more|more here|read it here|full story|link in bio|icymi|via|click here|here`,
  String.raw`out now|just posted|just published|watch|read|new`,
].join('|');
const BOILERPLATE = new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:` + BOILERPLATE_PHRASES + String.raw`)(?![\p{L}\p{N}_])`, 'giu');

const NO_CLASSES: ReadonlySet<string> = new Set();

/**
 * What the rules measure about one post, each computed at most once and shared by every
 * rule that asks: the engine builds one of these per post.
 */
export class PostFacts {
  #classes?: ReadonlySet<string>;
  #prose?: string;
  #voiceText?: string;
  #voice?: string;
  #wordCount?: number;
  #capsWords?: number;
  #ownWords?: number;
  #emoji?: EmojiStats;
  #length?: number;
  #fingerprint?: Fingerprint;
  #destinations?: string[];
  /** Milliseconds since the epoch, parsed once. */
  readonly time: number;

  /** `classify` names the classes the post is in (promotional, link-post, question…) from its facts. */
  constructor(
    readonly post: Post,
    private readonly classify: (facts: PostFacts) => ReadonlySet<string> = () => NO_CLASSES,
  ) {
    this.time = Date.parse(post.createdAt);
  }

  /** The named classes the post is in, classified once, when first asked. */
  get classes(): ReadonlySet<string> {
    return (this.#classes ??= this.classify(this));
  }

  /** The author's own prose: the text without URLs, @mentions, #hashtags, emoji or a retweet prefix. */
  get prose(): string {
    return (this.#prose ??= proseOf(this.post.text));
  }

  /** The text without what it quotes (quotation marks, code): what the brand's own tone is judged on. */
  get voiceText(): string {
    return (this.#voiceText ??= MAYBE_QUOTED.test(this.post.text) ? this.post.text.replace(QUOTED, ' ') : this.post.text);
  }

  /** The prose without what it quotes. */
  get voice(): string {
    if (this.#voice !== undefined) return this.#voice;
    return (this.#voice = this.voiceText === this.post.text ? this.prose : proseOf(this.voiceText));
  }

  /** The prose's words; not kept, since a large audit would hold millions of small strings. */
  get words(): string[] {
    return words(this.prose);
  }

  get wordCount(): number {
    if (this.#wordCount === undefined) this.#countWords();
    return this.#wordCount!;
  }

  /**
   * Shouted words: ALL-CAPS words of 4 letters or more standing beside another word in capitals,
   * in the brand's own voice. A lone capitalised word is far more often an acronym (NASA, HTML)
   * than shouting, and 2–3 letter acronyms and codes never count.
   */
  get capsWords(): number {
    if (this.#capsWords === undefined) this.#countWords();
    return this.#capsWords!;
  }

  /** Both counts from one pass; only a word not starting in lower case is ever cut out. */
  #countWords(): void {
    const prose = this.prose;
    let count = 0;
    forEachWord(prose, () => count++);
    this.#wordCount = count;
    const voice = this.voice;
    let caps = 0;
    /** The current run of words in capitals, and how many of them are long enough to count. */
    let run = 0;
    let long = 0;
    const endRun = () => {
      if (run >= 2) caps += long;
      run = long = 0;
    };
    let previousEnd = 0;
    forEachWord(voice, (start, end) => {
      const upper =
        end - start >= 2 && !isAsciiLower(voice.charCodeAt(start)) && !isAsciiLower(voice.charCodeAt(start + 1)) && isUpperWord(voice.slice(start, end));
      // Capitals listed with commas or slashes (credentials, "SQL, HTML/CSS") are a list of acronyms, not one shout.
      if (LIST_BREAK.test(voice.slice(previousEnd, start))) endRun();
      previousEnd = end;
      if (!upper) return endRun();
      run++;
      const word = voice.slice(start, end);
      if (CODE_KEYWORDS.has(word)) return endRun();
      if (end - start >= 4 && !ACRONYM_OR_CODE.test(word)) long++;
    });
    endRun();
    this.#capsWords = caps;
  }

  /** Words of the author's own, boilerplate phrases left out. */
  get ownWords(): number {
    if (this.#ownWords === undefined) {
      const own = this.prose.replace(BOILERPLATE, ' ');
      // Without boilerplate the prose is unchanged, and so is its word count.
      this.#ownWords = own === this.prose ? this.wordCount : countWords(own);
    }
    return this.#ownWords;
  }

  /** Emoji of the brand's own voice: an emoji inside a quoted example is not its habit. */
  get emoji(): EmojiStats {
    return (this.#emoji ??= emojiStats(this.voiceText));
  }

  /** Word count, shingles and MinHash bands of the prose, shared by every repetition rule. */
  get fingerprint(): Fingerprint {
    return (this.#fingerprint ??= fingerprint(this.prose));
  }

  /** The distinct pages the post links to, each in one canonical form (tracking parameters, `www.` and trailing slashes gone). */
  get destinations(): string[] {
    return (this.#destinations ??= this.post.links.length ? [...new Set(this.post.links.map((l) => normalizeUrl(l.url)))] : []);
  }

  /** Length counted the platform's way. */
  get length(): number {
    return (this.#length ??= platformLength(this.post));
  }
}

export interface Measure {
  description: string;
  measure(facts: PostFacts): number;
}

/** A word with a lower-case ASCII letter among its first two is not in capitals: no need to upper-case it to know. */
const isAsciiLower = (code: number) => code >= 0x61 && code <= 0x7a;
const ACRONYM_OR_CODE = /^(?:[A-Z]{2,3}|[A-Z0-9]*\d[A-Z0-9]*)$/;
const LIST_BREAK = /[,;/|()·•]/;
/** Keywords of SQL and other code written in capitals by convention: a query in a post is not shouting. */
const CODE_KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'JOIN',
  'INNER',
  'OUTER',
  'LEFT',
  'RIGHT',
  'GROUP',
  'ORDER',
  'HAVING',
  'INSERT',
  'UPDATE',
  'DELETE',
  'CREATE',
  'TABLE',
  'INDEX',
  'UNION',
  'DISTINCT',
  'LIMIT',
  'VALUES',
  'INTO',
  'NULL',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'WINDOW',
  'FUNCTIONS',
  'PARTITION',
  'OVER',
  'COUNT',
  'DROP',
  'ALTER',
  'VIEW',
  'WITH',
  'EXISTS',
  'BETWEEN',
  'LIKE',
  'TRUE',
  'FALSE',
  'TODO',
  'FIXME',
  'README',
]);
const isUpperWord = (word: string) => word === word.toUpperCase() && word !== word.toLowerCase();

/** The author's own prose of a text: without URLs, @mentions, #hashtags, emoji or a retweet prefix. */
function proseOf(original: string): string {
  let text = original.replace(RETWEET_PREFIX, '');
  if (MAYBE_URL.test(text)) text = text.replace(URL_AS_WRITTEN, ' ');
  // Most posts have no mention or hashtag: a character search is cheaper than a scan with lookbehind.
  if (text.includes('@')) text = text.replace(MENTION_AS_WRITTEN, ' ');
  if (text.includes('#'))
    text = text.replace(HASHTAG_AS_WRITTEN, (tag, at: number, whole: string) => (isInlineTag(whole, at, tag.length) ? tag.slice(1) : ' '));
  return stripEmoji(text).replace(LOOSE_SPACE, ' ').trim();
}

const WORD_BEFORE = /[\p{L}\p{N}]\s+$/u;
const TAG_OR_END_AFTER = /^\s*(?:#|$)/;

/** "Moving from #Linode to #netcup": a tag inside a sentence is one of its words; a trailing cluster of tags is not. */
function isInlineTag(text: string, at: number, length: number): boolean {
  return WORD_BEFORE.test(text.slice(Math.max(0, at - 40), at)) && !TAG_OR_END_AFTER.test(text.slice(at + length, at + length + 40));
}

/** The fixed catalogue of measures that metric rules may name. */
export const measures = {
  length: {
    description: "length counted the platform's way (X weighted, Bluesky graphemes, links as 23 where the platform does so)",
    measure: (f) => f.length,
  },
  bytes: { description: 'UTF-8 bytes of the text', measure: (f) => utf8Length(f.post.text) },
  words: { description: 'words of prose (URLs, mentions, hashtags and emoji left out)', measure: (f) => f.wordCount },
  'own-words': { description: 'words of prose without boilerplate such as "new post", "ICYMI", "read more"', measure: (f) => f.ownWords },
  links: { description: 'links in the post', measure: (f) => f.post.links.length },
  'words-per-link': {
    // A lone link with few words is the bare-link finding; this measure is about link dumps.
    description: 'own words per link (fewer than two links: not measured)',
    measure: (f) => (f.post.links.length >= 2 ? f.ownWords / f.post.links.length : Number.NaN),
  },
  // The same tag twice in a sentence is one tag to the reader and to the platform's search.
  hashtags: {
    description: 'distinct hashtags in the post (letter case ignored)',
    measure: (f) => new Set(f.post.hashtags.map((tag) => tag.toLowerCase())).size,
  },
  // A reply's opening @handles are the conversation's people, carried from part to part of a thread: not tagging.
  mentions: {
    description: 'accounts mentioned (a reply’s opening @handles left out)',
    measure: (f) => Math.max(0, f.post.mentions.length - handleCount(replyAddressees(f.post))),
  },
  emoji: { description: 'emoji (a ZWJ sequence or flag counts once)', measure: (f) => f.emoji.count },
  'emoji-run': { description: 'longest run of consecutive emoji', measure: (f) => f.emoji.longestRun },
  exclamations: {
    description: 'exclamation marks in the brand’s own voice (quotations and code left out)',
    measure: (f) => countChar(f.voice, '!') + countChar(f.voice, '！'),
  },
  'exclamation-runs': {
    description: 'runs like "!!", "!?" or "?!" (quotations and code left out)',
    measure: (f) => (f.voice.match(/[!?！？]*![!?！？]*/g) ?? []).filter((r) => r.length > 1).length,
  },
  'caps-words': {
    description: 'ALL-CAPS words of 4 letters or more beside another word in capitals (lone acronyms, codes, quotations left out)',
    measure: (f) => f.capsWords,
  },
  'caps-share': {
    description: 'percentage of letters that are capitals (fewer than 10 letters: not measured)',
    measure: (f) => {
      const letters = f.voice.match(/\p{L}/gu) ?? [];
      const upper = letters.filter((l) => l !== l.toLowerCase()).length;
      return letters.length >= 10 ? (100 * upper) / letters.length : Number.NaN;
    },
  },
  questions: { description: 'question marks in the prose', measure: (f) => countChar(f.prose, '?') + countChar(f.prose, '？') },
  media: { description: 'images, videos and other media attached', measure: (f) => f.post.media.length },
} satisfies Record<string, Measure>;

export type MeasureName = keyof typeof measures;
export const MEASURE_NAMES = Object.keys(measures) as MeasureName[];

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function handleCount(addressees: string): number {
  return addressees.split(/\s+/).filter(Boolean).length;
}
