import { inputError } from '../../errors.js';
import type { Post } from '../../model/post.js';
import { findUrls, ownSites } from '../../text/links.js';
import { botDeclaration } from '../read/bot-profile.js';
import { findEntries, withSiblings, type Input } from '../read/input.js';
import { assignedElements, assignedJson, assignedValue, readAssignedJson, type AssignedJson } from '../read/js-assignment.js';
import { LoadCollector, type FileSource } from '../source.js';
import { isLaterSnowflake } from '../read/snowflake.js';
import { arrayOf, ownerOf, parseCreatedAt, stringOf, toPost, tweetText, unescapeTweet, type LongText, type Owner, type RawTweet } from '../read/x-tweet.js';

/** `window.YTD.tweets.part0 = ` (or `window.__THAR_CONFIG = ` in manifest.js) before the JSON of every archive file. */
const PREFIX = /^\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=\s*/;
const TWEETS_HEAD = /^\s*window\.YTD\.tweets?\.part\d+\s*=/;
/** `tweets.js`, `tweets-part1.js` and the older `tweet.js`, `tweet-part1.js`; not `deleted-tweets.js`. */
const TWEET_PART = /(?:^|\/)tweets?(?:-part\d+)?\.js$/;
const UNDER_DATA = /(?:^|\/)data\/[^/]+$/;
const NOTE_PART = /^note-tweet(?:-part\d+)?\.js$/;
const CIRCLE_PART = /^twitter-circle-tweet(?:-part\d+)?\.js$/;
const PROFILE_PART = /^profile(?:-part\d+)?\.js$/;
/** The media link X puts on each picture or video: `…/<user>/status/<this tweet's id>/photo/1`. */
const MEDIA_URL = /^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/(\w{1,15})\/status\/(\d+)\//i;
/** A note and its shortened tweet are written within the same second or two. */
const NOTE_WINDOW_MS = 5_000;

interface Note extends LongText {
  ms: number;
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
  async load(given, options) {
    const collector = new LoadCollector(options);
    const input = await withSiblings(given, archiveSiblings(given));
    const parts = tweetParts(input);
    if (parts.length === 0) throw inputError({ file: input.label }, 'no data/tweets.js in this X archive');
    const first = parts[0]!;
    const siblings = sidecars(input, first.slice(0, first.lastIndexOf('/') + 1));
    const known = await readOwner(input, siblings);
    const circle = await readCircle(input, siblings);
    const notes = await readNotes(input, siblings);
    ({ sites: collector.sites, bot: collector.bot } = await readProfile(input, siblings));
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
      let elements: Iterable<unknown> = assignedElements(read);
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
        const id = raw ? (stringOf(raw.id_str) ?? stringOf(raw.id)) : undefined;
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
            if (isLaterSnowflake(id, entry.latest)) entry.latest = id;
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

const EXPECTED = 'an X archive file starting with "window.YTD.<name>.part<N> ="';

function readArchiveFile(input: Input, entry: string): Promise<AssignedJson> {
  return readAssignedJson(input, entry, PREFIX, EXPECTED);
}

export function archiveFile(bytes: Buffer, file: string): AssignedJson {
  return assignedJson(bytes, file, PREFIX, EXPECTED);
}

/** The tweet parts in part order (tweets.js, tweets-part1.js, …, tweets-part10.js), preferring those under data/. */
function tweetParts(input: Input): string[] {
  if (input.container === 'file') return [...input.entries];
  const all = findEntries(input, TWEET_PART);
  const underData = all.filter((part) => UNDER_DATA.test(part));
  const partNumber = (name: string) => Number(/-part(\d+)\.js$/.exec(name)?.[1] ?? 0);
  return (underData.length > 0 ? underData : all).sort((a, b) => partNumber(a) - partNumber(b) || a.localeCompare(b));
}

/**
 * A lone tweets.js is read with the rest of its data/ folder: the parts X splits a large
 * archive into (numbered from 1) and the account files, so the file and the folder give one audit.
 */
function archiveSiblings(input: Input): string[] {
  const base = input.container === 'file' ? /^(tweets?)\.js$/.exec(input.entries[0] ?? '')?.[1] : undefined;
  if (!base) return [];
  const parts = Array.from({ length: 99 }, (_, n) => `${base}-part${n + 1}.js`);
  return [...parts, 'account.js', 'manifest.js', 'profile.js', 'note-tweet.js', 'twitter-circle-tweet.js'];
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
    values.push(...assignedElements(await readArchiveFile(input, entry)));
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
  const manifest = manifestEntry ? ((await readManifest(input, manifestEntry)) as Manifest) : null;
  const generated = manifest?.archiveInfo?.generationDate;
  const exportedAt = typeof generated === 'string' && !Number.isNaN(Date.parse(generated)) ? new Date(generated).toISOString() : undefined;
  if (typeof account?.username === 'string' && account.username) return { handle: account.username, id: stringOf(account.accountId), exportedAt };
  const user = manifest?.userInfo;
  return { handle: typeof user?.userName === 'string' && user.userName ? user.userName : undefined, id: stringOf(user?.accountId), exportedAt };
}

async function readManifest(input: Input, entry: string): Promise<unknown> {
  return assignedValue(await readArchiveFile(input, entry));
}

async function readCircle(input: Input, siblings: Map<string, string>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const element of await readSidecars(input, siblings, CIRCLE_PART)) {
    const raw = unwrap(element);
    const id = raw ? (stringOf(raw.id_str) ?? stringOf(raw.id)) : undefined;
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * The own sites profile.js names, and whether its bio says the account is a bot. Its website is
 * nearly always a t.co link whose expansion the archive does not hold, so the bio's links are
 * read too; a t.co link says nothing and is left out.
 */
async function readProfile(input: Input, siblings: Map<string, string>): Promise<{ sites: string[]; bot?: string }> {
  const urls: string[] = [];
  let bot: string | undefined;
  for (const element of await readSidecars(input, siblings, PROFILE_PART)) {
    const description = (element as { profile?: { description?: { bio?: unknown; website?: unknown } } } | null)?.profile?.description;
    if (typeof description?.website === 'string' && description.website) urls.push(description.website);
    if (typeof description?.bio === 'string') urls.push(...findUrls(description.bio));
    bot ??= botDeclaration(description?.bio);
  }
  return { sites: ownSites(urls), ...(bot && { bot }) };
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
    const id = raw ? (stringOf(raw.id_str) ?? stringOf(raw.id)) : undefined;
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
