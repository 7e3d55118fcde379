import type { Link, Media, Metrics, Post } from '../../model/post.js';
import { hashtagsIn, mentionsIn } from '../../text/entities.js';
import { findUrls, toLink } from '../../text/links.js';
import { snowflakeTime } from './snowflake.js';

// One tweet as X writes it, in today's archive and in the older Grailbird one, made into a Post.

/** A post's own address, also as the hashbang era wrote it (`twitter.com/#!/someone/status/…`); `i` is X's `i/web/status/…` form, not a user. */
const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(?:#!\/)?(\w{1,15})\/status(?:es)?\/\d+\/?(?:[?#].*)?$/i;
const WEEKDAYS = new Set(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
const MONTHS = new Map(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((name, index) => [name, index]));
const MONTH_NUMBERS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Where `created_at` has its spaces and colons. */
const SEPARATORS: readonly (readonly [number, string])[] = [
  [3, ' '],
  [7, ' '],
  [10, ' '],
  [13, ':'],
  [16, ':'],
  [19, ' '],
  [25, ' '],
];

/** A link as X writes it: the t.co form in the text, the address behind it, and what X shows (`display_url`). */
export interface TcoUrl {
  short: string;
  expanded: string;
  display?: string;
}

/** A long post's own text and links, kept apart from its shortened tweet. */
export interface LongText {
  text: string;
  urls: TcoUrl[];
}

export interface RawTweet {
  id_str?: unknown;
  id?: unknown;
  created_at?: unknown;
  full_text?: unknown;
  text?: unknown;
  favorite_count?: unknown;
  retweet_count?: unknown;
  in_reply_to_status_id_str?: unknown;
  in_reply_to_user_id_str?: unknown;
  in_reply_to_screen_name?: unknown;
  source?: unknown;
  entities?: { hashtags?: unknown; user_mentions?: unknown; urls?: unknown; media?: unknown };
  extended_entities?: { media?: unknown };
  edit_info?: { initial?: { editTweetIds?: unknown }; edit?: { initialTweetId?: unknown } };
}

export interface Owner {
  handle: string;
  /** Lower-cased once, for comparing screen names. */
  lower: string;
  id?: string;
}

/** `full_text`, or `text` in some older exports; checked to be a string before a post is made. */
export function tweetText(raw: RawTweet): string {
  return (raw.full_text ?? raw.text) as string;
}

export function ownerOf(handle: string, id: string | undefined): Owner {
  return { handle, lower: handle.toLowerCase(), id };
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
}

export function arrayOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Counts are strings in archives (`"favorite_count" : "12"`). */
function countOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value !== '' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * `Tue May 14 09:30:12 +0000 2024`, read field by field: Date's own parsing of such strings is
 * implementation-defined and quietly accepts nonsense.
 */
export function parseCreatedAt(value: string): string | undefined {
  if (value.length !== 30 || !WEEKDAYS.has(value.slice(0, 3))) return undefined;
  for (const [at, char] of SEPARATORS) if (value[at] !== char) return undefined;
  const month = MONTHS.get(value.slice(4, 7));
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  const sign = value[20] === '+' ? 1 : value[20] === '-' ? -1 : 0;
  const offset = digits(value, 21, 2) * 60 + digits(value, 23, 2);
  const year = digits(value, 26, 4);
  if (
    month === undefined ||
    year < 1970 ||
    day < 1 ||
    day > daysIn(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    sign === 0 ||
    offset < 0 ||
    offset >= 24 * 60
  ) {
    return undefined;
  }
  // Archives always say +0000: the ISO form is then the same fields in another order, with no Date to format.
  if (offset === 0) return `${value.slice(26, 30)}-${MONTH_NUMBERS[month]}-${value.slice(8, 10)}T${value.slice(11, 19)}.000Z`;
  return new Date(Date.UTC(year, month, day, hour, minute, second) - sign * offset * 60_000).toISOString();
}

function daysIn(year: number, month: number): number {
  if (month !== 1) return MONTH_DAYS[month]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** A fixed-width run of ASCII digits as a number, or -1000 when any is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1000;
    value = value * 10 + code;
  }
  return value;
}

/** X escapes exactly these three in `full_text`; decoding just them cannot misread what the author typed. */
export function unescapeTweet(text: string): string {
  return text.includes('&') ? text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>')) : text;
}

function replaceAll(text: string, find: string, replacement: string): string {
  return text.includes(find) ? text.split(find).join(replacement) : text;
}

export function toPost(raw: RawTweet, id: string, createdAt: string, owner: Owner, source: Post['source'], note?: LongText): Post {
  const entities = raw.entities && typeof raw.entities === 'object' ? raw.entities : {};
  const original = note ? note.text : tweetText(raw);
  let text = unescapeTweet(original);

  const links: Link[] = [];
  /** Each link as written in the text, which a quote's link must be taken out of. */
  const written: string[] = [];
  const urls = note ? note.urls : tcoLinks(entities.urls);
  // The t.co form in the text becomes the address the author pasted; a site the author named
  // ("Outlook.com"), which X links by itself, becomes the name again and is no link they shared.
  for (const { short, expanded, display } of urls) {
    if (display && isNamedSite(expanded, display)) {
      text = replaceAll(text, short, display);
      continue;
    }
    text = replaceAll(text, short, expanded);
    written.push(expanded);
  }
  const media = arrayOf(raw.extended_entities?.media ?? entities.media);
  // X appends the media's own t.co link to the text; the author did not write it.
  for (const item of media) {
    const url = (item as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && url) text = replaceAll(text, url, '');
  }
  // Very old tweets can lack url entities although the text has links.
  if (urls.length === 0 && text.includes('http')) written.push(...findUrls(text));
  text = text.trim();

  const isRetweet = original.startsWith('RT @');
  const parent = stringOf(raw.in_reply_to_status_id_str);
  const parentUser = stringOf(raw.in_reply_to_user_id_str);
  const parentAuthor = stringOf(raw.in_reply_to_screen_name);
  const toSelf = (owner.id !== undefined && parentUser === owner.id) || parentAuthor?.toLowerCase() === owner.lower;
  // A tweet that starts with @someone carries their user id but no status id: it talks to them all the same.
  const repliesTo = !isRetweet && (parent !== undefined || (parentUser !== undefined && !toSelf));
  const isOwn = repliesTo && toSelf;
  const quoted = isRetweet || (repliesTo && !isOwn) ? undefined : quotedPost(written, owner);
  // Quoting one's own earlier post is not amplifying anyone: a post, but the quoted link is still not the brand's link.
  const kind: Post['kind'] = isRetweet ? 'repost' : repliesTo && !isOwn ? 'reply' : quoted && !quoted.own ? 'quote' : 'post';
  // The quoted post is someone else's: its link is neither the brand's words nor a link it shares.
  if (quoted) text = withoutUrl(text, quoted.written);
  for (const url of written) if (url !== quoted?.written) addLink(links, url);
  const app = appName(raw.source);

  const post: Post = {
    id,
    platform: 'x',
    author: owner.handle,
    createdAt,
    text,
    links,
    hashtags: note ? hashtagsIn(unescapeTweet(note.text)) : texts(entities.hashtags, 'text'),
    mentions: note ? mentionsIn(unescapeTweet(note.text)) : texts(entities.user_mentions, 'screen_name'),
    media: media.map(toMedia),
    kind,
    url: `https://x.com/${owner.handle}/status/${id}`,
    ...(quoted && { quoted: { url: toLink(quoted.written).url, author: quoted.author } }),
    ...(app && { app }),
    scheduled: false,
    source,
  };
  if (repliesTo) {
    post.replyTo = { isOwn };
    if (parent) post.replyTo.id = parent;
    const author = parentAuthor ?? (isOwn ? owner.handle : undefined);
    if (author) post.replyTo.author = author;
    const parentCreatedAt = parent && snowflakeTime(parent);
    if (parentCreatedAt) post.replyTo.createdAt = parentCreatedAt;
  }
  // A retweet's counts are X's zeros, not the original's engagement.
  if (!isRetweet) {
    const metrics: Metrics = {};
    const likes = countOf(raw.favorite_count);
    const reposts = countOf(raw.retweet_count);
    if (likes !== undefined) metrics.likes = likes;
    if (reposts !== undefined) metrics.reposts = reposts;
    if (likes !== undefined || reposts !== undefined) post.metrics = metrics;
  }
  return post;
}

function addLink(links: Link[], url: string): void {
  const link = toLink(url);
  if (!links.some((known) => known.url === link.url)) links.push(link);
}

function tcoLinks(value: unknown): TcoUrl[] {
  const urls: TcoUrl[] = [];
  for (const entity of arrayOf(value)) {
    const { url, expanded_url, display_url } = (entity ?? {}) as { url?: unknown; expanded_url?: unknown; display_url?: unknown };
    const short = typeof url === 'string' ? url : '';
    const expanded = typeof expanded_url === 'string' && expanded_url ? expanded_url : short;
    if (expanded) urls.push({ short: short || expanded, expanded, ...(typeof display_url === 'string' && display_url && { display: display_url }) });
  }
  return urls;
}

/** A bare domain as typed in a sentence: X shows it as written and expands it to `http://` and the same letters, with no path. */
function isNamedSite(expanded: string, display: string): boolean {
  return !display.includes('/') && !display.includes('…') && expanded.toLowerCase() === `http://${display.toLowerCase()}`;
}

function texts(value: unknown, key: 'text' | 'screen_name'): string[] {
  const out: string[] = [];
  for (const entity of arrayOf(value)) {
    const text = (entity as Record<string, unknown> | null)?.[key];
    if (typeof text === 'string' && text) out.push(text);
  }
  return out;
}

/**
 * A link to a post is how an archive shows a quote: it has no quoted-status field.
 * X appends the quoted post's link after the author's words, so the last such link is the one quoted.
 */
function quotedPost(written: readonly string[], owner: Owner): { written: string; author: string; own: boolean } | undefined {
  for (let index = written.length - 1; index >= 0; index--) {
    const url = written[index]!;
    if (!url.includes('/status')) continue;
    const author = STATUS_URL.exec(url)?.[1];
    if (author && author.toLowerCase() !== 'i') return { written: url, author, own: author.toLowerCase() === owner.lower };
  }
  return undefined;
}

/** The text with a link taken out, and the space that stood before it, so no gap or dangling space is left. */
function withoutUrl(text: string, url: string): string {
  const pieces = text.split(url);
  return pieces
    .map((piece, index) => (index < pieces.length - 1 ? piece.replace(/[ \t]+$/, '') : piece))
    .join('')
    .trim();
}

/** Letters of other scripts that pass for Latin ones, as seen in app names that mix them: "iPhοne" with a Greek omicron. */
const LOOK_ALIKES = new Map([...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοАВЕКМНОРСТХаеорсухіјѕ'].map((letter, index) => [letter, 'ABEZHIKMNOPTYXoABEKMHOPCTXaeopcyxijs'[index]!]));

/**
 * The posting app from `source`, an anchor like `<a href="http://twitterfeed.com" rel="nofollow">twitterfeed</a>`.
 * Look-alike letters are mapped only in a name that also has Latin ones, so a truly Greek or Cyrillic name stays as it is.
 */
export function appName(source: unknown): string | undefined {
  if (typeof source !== 'string') return undefined;
  const inner = /<a\b[^>]*>([\s\S]*?)<\/a\s*>/i.exec(source)?.[1] ?? source;
  let name = unescapeTweet(inner.replace(/<[^>]*>/g, ''))
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim();
  if (/\p{Script=Latin}/u.test(name)) name = name.replace(/[\p{Script=Greek}\p{Script=Cyrillic}]/gu, (letter) => LOOK_ALIKES.get(letter) ?? letter);
  return name || undefined;
}

function toMedia(item: unknown): Media {
  const type = (item as { type?: unknown } | null)?.type;
  // The Grailbird archive's media entries carry no type: it held only photos.
  if (type === undefined) return { type: 'image' };
  return { type: type === 'photo' ? 'image' : type === 'video' ? 'video' : type === 'animated_gif' ? 'gif' : 'other' };
}
