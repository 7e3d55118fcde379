import { inputError } from '../errors.js';
import type { Link, Media, Metrics, Post } from '../model/post.js';
import { hashtagsIn, mentionsIn } from '../text/entities.js';
import { findUrls, ownSites, toLink } from '../text/links.js';
import { checkText, findEntries, type Input } from './input.js';
import { jsonArrayElements, jsonValue } from './json-text.js';
import { LoadCollector, type FileSource } from './source.js';

/** `window.YTD.tweets.part0 = ` (or `window.__THAR_CONFIG = ` in manifest.js) before the JSON of every archive file. */
const PREFIX = /^\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=\s*/;
const TWEETS_HEAD = /^\s*window\.YTD\.tweets?\.part\d+\s*=/;
/** `tweets.js`, `tweets-part1.js` and the older `tweet.js`, `tweet-part1.js`; not `deleted-tweets.js`. */
const TWEET_PART = /(?:^|\/)tweets?(?:-part\d+)?\.js$/;
const UNDER_DATA = /(?:^|\/)data\/[^/]+$/;
const NOTE_PART = /^note-tweet(?:-part\d+)?\.js$/;
const CIRCLE_PART = /^twitter-circle-tweet(?:-part\d+)?\.js$/;
const PROFILE_PART = /^profile(?:-part\d+)?\.js$/;
/** A post's own address; `i` is X's `i/web/status/…` form, not a user. */
const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status(?:es)?\/\d+\/?(?:[?#].*)?$/i;
/** The media link X puts on each picture or video: `…/<user>/status/<this tweet's id>/photo/1`. */
const MEDIA_URL = /^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/(\w{1,15})\/status\/(\d+)\//i;

const TWITTER_EPOCH = 1288834974657n;
/** Ids before Snowflake (November 2010) were sequential, below about 3×10^10, and carry no time. */
const LAST_SEQUENTIAL_ID = 30_000_000_000n;
/** A note and its shortened tweet are written within the same second or two. */
const NOTE_WINDOW_MS = 5_000;
const WEEKDAYS = new Set(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
const MONTHS = new Map(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((name, index) => [name, index]));
const MONTH_NUMBERS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Where `created_at` has its spaces and colons. */
const SEPARATORS: readonly (readonly [number, string])[] = [[3, ' '], [7, ' '], [10, ' '], [13, ':'], [16, ':'], [19, ' '], [25, ' ']];

interface RawTweet {
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

interface Owner {
  handle: string;
  /** Lower-cased once, for comparing screen names. */
  lower: string;
  id?: string;
}

interface Note {
  ms: number;
  text: string;
  urls: { short: string; expanded: string }[];
  /** The tweet it belongs to: the closest in time, settled once every part is read. */
  match?: { index: number; distance: number; raw: RawTweet; id: string; createdAt: string; source: Post['source'] };
}

/** An X (Twitter) account archive: the downloaded zip, its folder, or data/tweets.js alone. */
export const xArchive: FileSource = {
  id: 'x-archive',
  description: 'X (Twitter) account archive: the zip, its folder, or data/tweets.js',
  async detect(input) {
    const parts = input.container === 'file' ? input.entries : findEntries(input, TWEET_PART);
    if (input.container !== 'file' && parts.some((part) => UNDER_DATA.test(part))) return true;
    // Outside data/ (a lone or renamed tweets.js), only the assignment on the first line tells.
    for (const part of parts.slice(0, 3)) {
      if (TWEETS_HEAD.test((await input.head(part, 256)).toString('utf8'))) return true;
    }
    return false;
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const parts = tweetParts(input);
    if (parts.length === 0) throw inputError({ file: input.label }, 'no data/tweets.js in this X archive');
    const first = parts[0]!;
    const siblings = sidecars(input, first.slice(0, first.lastIndexOf('/') + 1));
    const known = await readOwner(input, siblings);
    const circle = await readCircle(input, siblings);
    const notes = await readNotes(input, siblings);
    collector.sites = await readSites(input, siblings);
    // Archives never carry media descriptions, so their absence says nothing about the brand.
    collector.lacks = ['alt-text'];

    let handle = known.handle;
    let owner: Owner | undefined;
    const posts: Post[] = [];
    /** Edit chains by their first tweet id: the newest version seen, and which posts belong. */
    const chains = new Map<string, { latest: string; indexes: number[] }>();
    for (const part of parts) {
      const read = await readArchiveFile(input, part);
      const { file } = read;
      let elements: Iterable<unknown> = archiveElements(read);
      if (!owner) {
        if (handle === undefined) {
          // With neither account.js nor manifest.js the handle is read off the posts, so this part is held whole.
          const all = [...elements];
          handle = inferHandle(all);
          elements = all;
        }
        owner = ownerOf(handle ?? 'unknown', known.id);
      }
      let index = 0;
      for (const element of elements) {
        index++;
        // Elements are parsed as they are read, so a large part can report progress as it goes.
        if (index % 4096 === 0) options.progress?.(posts.length);
        const source = { file, record: index };
        const raw = unwrap(element);
        const id = raw ? stringOf(raw.id_str) ?? stringOf(raw.id) : undefined;
        if (!raw || !id || typeof raw.created_at !== 'string' || typeof (raw.full_text ?? raw.text) !== 'string') {
          collector.skip(source, 'expected a tweet with id_str, created_at and full_text');
          continue;
        }
        // Circle posts were shared with a chosen few, not with the public the audit is about.
        if (circle.has(id)) {
          collector.exclude('Twitter Circle post');
          continue;
        }
        const createdAt = parseCreatedAt(raw.created_at);
        if (createdAt === undefined) {
          collector.skip(source, `unreadable created_at "${raw.created_at.slice(0, 40)}"`);
          continue;
        }
        const chain = editChain(raw);
        if (chain !== undefined) {
          const entry = chains.get(chain);
          if (!entry) chains.set(chain, { latest: id, indexes: [posts.length] });
          else {
            entry.indexes.push(posts.length);
            if (isLaterId(id, entry.latest)) entry.latest = id;
          }
        }
        if (notes.length > 0) matchNote(notes, raw, id, createdAt, posts.length, source);
        posts.push(toPost(raw, id, createdAt, owner, source));
      }
      options.progress?.(posts.length);
    }
    // A long post's tweet holds a shortened text; the note holds what the author wrote.
    for (const note of notes) {
      if (note.match) posts[note.match.index] = toPost(note.match.raw, note.match.id, note.match.createdAt, owner!, note.match.source, note);
    }
    // Every version of an edited post is in the archive; only the newest of each chain stays.
    const superseded = new Set<number>();
    for (const { latest, indexes } of chains.values()) {
      for (const index of indexes) if (posts[index]!.id !== latest) superseded.add(index);
    }
    posts.forEach((post, index) => {
      if (superseded.has(index)) collector.exclude('earlier version of an edited post');
      else collector.add(post);
    });
    collector.account = handle;
    collector.exportedAt = known.exportedAt;
    return collector.result();
  },
};

/** One archive file's bytes, and where its JSON lies: after the `window.YTD.<name>.partN =` assignment (never eval'd), before any trailing `;`. */
interface ArchiveFile {
  bytes: Buffer;
  start: number;
  end: number;
  file: string;
}

async function readArchiveFile(input: Input, entry: string): Promise<ArchiveFile> {
  const file = input.describe(entry);
  const bytes = await input.read(entry);
  checkText(bytes, file);
  return archiveFile(bytes, file);
}

export function archiveFile(bytes: Buffer, file: string): ArchiveFile {
  const prefix = PREFIX.exec(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, 512)));
  if (!prefix) throw inputError({ file }, 'expected an X archive file starting with "window.YTD.<name>.part<N> ="');
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x3b || bytes[end - 1]! <= 0x20)) end--;
  return { bytes, start: Buffer.byteLength(prefix[0]), end, file };
}

/** The elements of an archive file's array, parsed one at a time as they are read. */
export function archiveElements({ bytes, start, end, file }: ArchiveFile): Generator<unknown> {
  return jsonArrayElements(bytes, start, end, file);
}

/** The tweet parts in part order (tweets.js, tweets-part1.js, …, tweets-part10.js), preferring those under data/. */
function tweetParts(input: Input): string[] {
  if (input.container === 'file') return [...input.entries];
  const all = findEntries(input, TWEET_PART);
  const underData = all.filter((part) => UNDER_DATA.test(part));
  const partNumber = (name: string) => Number(/-part(\d+)\.js$/.exec(name)?.[1] ?? 0);
  return (underData.length > 0 ? underData : all).sort((a, b) => partNumber(a) - partNumber(b) || a.localeCompare(b));
}

/** The other data files beside the first tweet part, by file name. */
function sidecars(input: Input, dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (input.container === 'file') return found;
  for (const entry of input.entries) {
    if (entry.startsWith(dir) && !entry.includes('/', dir.length)) found.set(entry.slice(dir.length), entry);
  }
  return found;
}

async function readSidecars(input: Input, siblings: Map<string, string>, pattern: RegExp): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const [name, entry] of siblings) {
    if (!pattern.test(name)) continue;
    values.push(...archiveElements(await readArchiveFile(input, entry)));
  }
  return values;
}

/**
 * The handle and account id from account.js, else manifest.js, and when the archive was made
 * (manifest.js's generationDate); account.js's email is never looked at.
 */
async function readOwner(input: Input, siblings: Map<string, string>): Promise<{ handle?: string; id?: string; exportedAt?: string }> {
  const [element] = await readSidecars(input, siblings, /^account\.js$/);
  const account = (element as { account?: { username?: unknown; accountId?: unknown } } | undefined)?.account;
  const manifestEntry = siblings.get('manifest.js');
  type Manifest = { userInfo?: { userName?: unknown; accountId?: unknown }; archiveInfo?: { generationDate?: unknown } } | null;
  const manifest = manifestEntry ? (await readManifest(input, manifestEntry)) as Manifest : null;
  const generated = manifest?.archiveInfo?.generationDate;
  const exportedAt = typeof generated === 'string' && !Number.isNaN(Date.parse(generated)) ? new Date(generated).toISOString() : undefined;
  if (typeof account?.username === 'string' && account.username) return { handle: account.username, id: stringOf(account.accountId), exportedAt };
  const user = manifest?.userInfo;
  return { handle: typeof user?.userName === 'string' && user.userName ? user.userName : undefined, id: stringOf(user?.accountId), exportedAt };
}

async function readManifest(input: Input, entry: string): Promise<unknown> {
  const { bytes, start, end, file } = await readArchiveFile(input, entry);
  return jsonValue(bytes, start, end, file);
}

async function readCircle(input: Input, siblings: Map<string, string>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const element of await readSidecars(input, siblings, CIRCLE_PART)) {
    const raw = unwrap(element);
    const id = raw ? stringOf(raw.id_str) ?? stringOf(raw.id) : undefined;
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * The own sites profile.js names. Its website is nearly always a t.co link whose expansion the
 * archive does not hold, so the bio's links are read too; a t.co link says nothing and is left out.
 */
async function readSites(input: Input, siblings: Map<string, string>): Promise<string[]> {
  const urls: string[] = [];
  for (const element of await readSidecars(input, siblings, PROFILE_PART)) {
    const description = (element as { profile?: { description?: { bio?: unknown; website?: unknown } } } | null)?.profile?.description;
    if (typeof description?.website === 'string' && description.website) urls.push(description.website);
    if (typeof description?.bio === 'string') urls.push(...findUrls(description.bio));
  }
  return ownSites(urls);
}

/** Long posts live in note-tweet.js with no tweet id, so they are matched to their tweet by time. */
async function readNotes(input: Input, siblings: Map<string, string>): Promise<Note[]> {
  const notes: Note[] = [];
  for (const element of await readSidecars(input, siblings, NOTE_PART)) {
    const note = (element as { noteTweet?: { createdAt?: unknown; core?: { text?: unknown; urls?: unknown } } } | null)?.noteTweet;
    const ms = typeof note?.createdAt === 'string' ? Date.parse(note.createdAt) : Number.NaN;
    const text = note?.core?.text;
    if (typeof text !== 'string' || Number.isNaN(ms)) continue;
    const urls: Note['urls'] = [];
    for (const url of arrayOf(note!.core!.urls)) {
      const { shortUrl, expandedUrl } = (url ?? {}) as { shortUrl?: unknown; expandedUrl?: unknown };
      if (typeof shortUrl === 'string' && shortUrl && typeof expandedUrl === 'string' && expandedUrl) urls.push({ short: shortUrl, expanded: expandedUrl });
    }
    notes.push({ ms, text, urls });
  }
  return notes.sort((a, b) => a.ms - b.ms);
}

/** Remembers the tweet as its note's match when it is the closest in time so far. */
function matchNote(notes: Note[], raw: RawTweet, id: string, createdAt: string, index: number, source: Post['source']): void {
  const ms = Date.parse(createdAt);
  let low = 0;
  let high = notes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (notes[middle]!.ms < ms) low = middle + 1;
    else high = middle;
  }
  let best: Note | undefined;
  let distance = NOTE_WINDOW_MS + 1;
  for (const candidate of [notes[low - 1], notes[low]]) {
    if (candidate && Math.abs(candidate.ms - ms) < distance) [best, distance] = [candidate, Math.abs(candidate.ms - ms)];
  }
  if (!best) return;
  // Another tweet sent in the same seconds loses to the one that starts like the note.
  const text = unescapeTweet(tweetText(raw));
  if (text.startsWith('RT @')) return;
  const opening = text.slice(0, 20);
  if (!best.text.startsWith(opening)) distance += NOTE_WINDOW_MS;
  if (!best.match || distance < best.match.distance) best.match = { index, distance, raw, id, createdAt, source };
}

/** The account from the media links X gives each picture: `x.com/<user>/status/<the tweet's own id>/photo/1`. */
function inferHandle(elements: readonly unknown[]): string | undefined {
  const counts = new Map<string, number>();
  for (const element of elements) {
    const raw = unwrap(element);
    const id = raw ? stringOf(raw.id_str) ?? stringOf(raw.id) : undefined;
    for (const media of arrayOf(raw?.extended_entities?.media ?? raw?.entities?.media)) {
      const url = (media as { expanded_url?: unknown } | null)?.expanded_url;
      const match = typeof url === 'string' ? MEDIA_URL.exec(url) : null;
      // A retweet's pictures point at the original author's post, not at this one.
      if (match && match[2] === id) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
    }
  }
  let handle: string | undefined;
  let most = 0;
  for (const [user, count] of counts) if (count > most) [handle, most] = [user, count];
  return handle;
}

/** `full_text`, or `text` in some older exports; checked to be a string before a post is made. */
function tweetText(raw: RawTweet): string {
  return (raw.full_text ?? raw.text) as string;
}

function ownerOf(handle: string, id: string | undefined): Owner {
  return { handle, lower: handle.toLowerCase(), id };
}

/** Tweets come wrapped (`{ "tweet": {…} }`) since 2020 and bare before. */
function unwrap(element: unknown): RawTweet | undefined {
  if (!element || typeof element !== 'object' || Array.isArray(element)) return undefined;
  const inner = (element as { tweet?: unknown }).tweet;
  if (inner === undefined) return element as RawTweet;
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as RawTweet) : undefined;
}

/** The first id of an edit chain this tweet belongs to, when it has more than one version. */
function editChain(raw: RawTweet): string | undefined {
  const info = raw.edit_info;
  if (!info || typeof info !== 'object') return undefined;
  const ids = info.initial?.editTweetIds;
  if (Array.isArray(ids) && ids.length > 1) return stringOf(ids[0]);
  return stringOf(info.edit?.initialTweetId);
}

/** Snowflake ids grow with time; as decimal strings, a longer one is the later. */
function isLaterId(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
}

function arrayOf(value: unknown): readonly unknown[] {
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
  if (month === undefined || year < 1970 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59 || sign === 0 || offset < 0 || offset >= 24 * 60) {
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

/** When the post replied to was published, from its Snowflake id. */
function snowflakeTime(id: string): string | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const value = BigInt(id);
  return value <= LAST_SEQUENTIAL_ID ? undefined : new Date(Number((value >> 22n) + TWITTER_EPOCH)).toISOString();
}

/** X escapes exactly these three in `full_text`; decoding just them cannot misread what the author typed. */
function unescapeTweet(text: string): string {
  return text.includes('&') ? text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>')) : text;
}

function replaceAll(text: string, find: string, replacement: string): string {
  return text.includes(find) ? text.split(find).join(replacement) : text;
}

function toPost(raw: RawTweet, id: string, createdAt: string, owner: Owner, source: Post['source'], note?: Note): Post {
  const entities = raw.entities && typeof raw.entities === 'object' ? raw.entities : {};
  const original = note ? note.text : tweetText(raw);
  let text = unescapeTweet(original);

  const links: Link[] = [];
  /** Each link as written in the text, which a quote's link must be taken out of. */
  const written: string[] = [];
  const urls = note ? note.urls : tcoLinks(entities.urls);
  // The t.co form in the text becomes the address the author pasted.
  for (const { short, expanded } of urls) {
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

function tcoLinks(value: unknown): { short: string; expanded: string }[] {
  const urls: { short: string; expanded: string }[] = [];
  for (const entity of arrayOf(value)) {
    const { url, expanded_url } = (entity ?? {}) as { url?: unknown; expanded_url?: unknown };
    const short = typeof url === 'string' ? url : '';
    const expanded = typeof expanded_url === 'string' && expanded_url ? expanded_url : short;
    if (expanded) urls.push({ short: short || expanded, expanded });
  }
  return urls;
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
  return pieces.map((piece, index) => (index < pieces.length - 1 ? piece.replace(/[ \t]+$/, '') : piece)).join('').trim();
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
  let name = unescapeTweet(inner.replace(/<[^>]*>/g, '')).normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (/\p{Script=Latin}/u.test(name)) name = name.replace(/[\p{Script=Greek}\p{Script=Cyrillic}]/gu, (letter) => LOOK_ALIKES.get(letter) ?? letter);
  return name || undefined;
}

function toMedia(item: unknown): Media {
  const type = (item as { type?: unknown } | null)?.type;
  return { type: type === 'photo' ? 'image' : type === 'video' ? 'video' : type === 'animated_gif' ? 'gif' : 'other' };
}
