import { decodeHTML } from 'entities';
import { inputError } from '../errors.js';
import type { Media, Post } from '../model/post.js';
import { toLink } from '../text/links.js';
import { decodeText, findEntries, type Input } from './input.js';
import { LoadCollector, type FileSource } from './source.js';

/** `window.YTD.tweets.part0 = ` (or `window.__THAR_CONFIG = `) before the JSON of every archive file. */
const ASSIGNMENT = /^\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=\s*/;
const TWEET_PARTS = /(?:^|\/)data\/tweets?(?:-part\d+)?\.js$/;
const SINGLE_PART = /^tweets?(?:-part\d+)?\.js$/;
const TWITTER_EPOCH = 1288834974657n;
/** Snowflake ids start in late 2010; older ids are sequential and carry no time. */
const FIRST_SNOWFLAKE = 29_700_000_000_000_000n;
const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

interface RawTweet {
  id_str?: string;
  id?: string;
  created_at?: string;
  full_text?: string;
  text?: string;
  favorite_count?: string | number;
  retweet_count?: string | number;
  in_reply_to_status_id_str?: string;
  in_reply_to_user_id_str?: string;
  in_reply_to_screen_name?: string;
  entities?: {
    hashtags?: { text: string }[];
    user_mentions?: { screen_name: string }[];
    urls?: { url: string; expanded_url?: string }[];
    media?: RawMedia[];
  };
  extended_entities?: { media?: RawMedia[] };
  edit_info?: { initial?: { editTweetIds?: string[] }; edit?: { initialTweetId?: string } };
}

interface RawMedia {
  url?: string;
  type?: string;
}

interface NoteTweet {
  createdAt: number;
  text: string;
  urls: { shortUrl?: string; expandedUrl?: string }[];
}

/** An X (Twitter) account archive: the downloaded zip, its folder, or data/tweets.js alone. */
export const xArchive: FileSource = {
  id: 'x-archive',
  description: 'X (Twitter) account archive: the zip, its folder, or data/tweets.js',
  async detect(input) {
    if (findEntries(input, TWEET_PARTS).length > 0) return true;
    if (input.container !== 'file' || !SINGLE_PART.test(input.entries[0]!)) return false;
    return /^\s*window\.YTD\.tweets?\.part\d+\s*=/.test((await input.head(input.entries[0]!, 200)).toString('utf8'));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const account = await readAccount(input);
    const circle = await readIds(input, /(?:^|\/)data\/twitter-circle-tweet(?:-part\d+)?\.js$/);
    const notes = await readNotes(input);
    const parts = input.container === 'file' ? [input.entries[0]!] : findEntries(input, TWEET_PARTS).sort(byPartNumber);
    let handle = account.handle;
    const superseded = new Set<string>();
    const posts: Post[] = [];
    // Each part is converted as soon as it is parsed, so its raw objects can be freed before the next.
    for (const part of parts) {
      const file = input.describe(part);
      const tweets = parseArchiveFile(decodeText(await input.read(part), file), file).map(
        (element) => (element && typeof element === 'object' && 'tweet' in element ? element.tweet : element) as RawTweet,
      );
      handle ??= inferHandle(tweets) ?? 'unknown';
      tweets.forEach((raw, index) => {
        const record = index + 1;
        const id = raw?.id_str ?? raw?.id;
        if (!raw || typeof raw !== 'object' || !id || typeof (raw.full_text ?? raw.text) !== 'string' || !raw.created_at) {
          collector.skip({ file, record }, 'expected a tweet with id_str, created_at and full_text');
          return;
        }
        const chain = raw.edit_info?.initial?.editTweetIds;
        if (chain && chain.length > 1) for (const earlier of chain.slice(0, -1)) superseded.add(earlier);
        if (circle.has(id)) {
          collector.exclude('Twitter Circle post');
          return;
        }
        const createdAt = parseCreatedAt(raw.created_at);
        if (createdAt === undefined) {
          collector.skip({ file, record }, `unreadable created_at "${raw.created_at}"`);
          return;
        }
        posts.push(toPost(raw, id, createdAt, handle!, account.id, notes, { file, record }));
      });
      options.progress?.(posts.length);
    }
    collector.account = handle ?? 'unknown';
    // Every version of an edited post is in the archive; only the last of each chain is kept.
    for (const post of posts) {
      if (superseded.has(post.id)) collector.exclude('earlier version of an edited post');
      else collector.add(post);
    }
    return collector.result();
  },
};

/** Strips the `window.YTD… =` assignment (never eval) and parses the JSON array behind it. */
export function parseArchiveFile(text: string, file: string): unknown[] {
  const prefix = ASSIGNMENT.exec(text);
  if (!prefix) throw inputError({ file }, 'expected an X archive file starting with "window.YTD.<name>.part<N> ="');
  let end = text.length;
  while (end > 0 && /[\s;]/.test(text[end - 1]!)) end--;
  let value: unknown;
  try {
    value = JSON.parse(text.slice(prefix[0].length, end));
  } catch (error) {
    throw inputError({ file }, `the archive file is not valid JSON after its prefix (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw inputError({ file }, 'expected a JSON array after the prefix');
  return value;
}

function byPartNumber(a: string, b: string): number {
  const part = (name: string) => Number(/-part(\d+)\.js$/.exec(name)?.[1] ?? 0);
  return part(a) - part(b) || a.localeCompare(b);
}

async function readArchiveEntry(input: Input, pattern: RegExp): Promise<unknown[]> {
  const entries = input.container === 'file' ? [] : findEntries(input, pattern);
  const values: unknown[] = [];
  for (const entry of entries) {
    const file = input.describe(entry);
    values.push(...parseArchiveFile(decodeText(await input.read(entry), file), file));
  }
  return values;
}

/** account.js gives the handle and id; its email is never read into anything we keep. */
async function readAccount(input: Input): Promise<{ handle?: string; id?: string }> {
  const [first] = (await readArchiveEntry(input, /(?:^|\/)data\/account\.js$/)) as { account?: { username?: string; accountId?: string } }[];
  return { handle: first?.account?.username, id: first?.account?.accountId };
}

async function readIds(input: Input, pattern: RegExp): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const element of (await readArchiveEntry(input, pattern)) as Record<string, RawTweet>[]) {
    const tweet = element?.tweet ?? (element as RawTweet);
    const id = tweet?.id_str ?? tweet?.id;
    if (id) ids.add(id);
  }
  return ids;
}

/** Long posts live in note-tweet.js with no tweet id; they are matched to their tweet by time. */
async function readNotes(input: Input): Promise<NoteTweet[]> {
  const notes: NoteTweet[] = [];
  for (const element of (await readArchiveEntry(input, /(?:^|\/)data\/note-tweet(?:-part\d+)?\.js$/)) as { noteTweet?: { createdAt?: string; core?: { text?: string; urls?: NoteTweet['urls'] } } }[]) {
    const note = element?.noteTweet;
    const createdAt = note?.createdAt ? Date.parse(note.createdAt) : Number.NaN;
    if (note?.core?.text && !Number.isNaN(createdAt)) notes.push({ createdAt, text: note.core.text, urls: note.core.urls ?? [] });
  }
  return notes;
}

function inferHandle(tweets: readonly RawTweet[]): string | undefined {
  const counts = new Map<string, number>();
  for (const tweet of tweets) {
    for (const media of tweet?.entities?.media ?? []) {
      const user = /^https?:\/\/(?:twitter|x)\.com\/([^/]+)\/status\//.exec((media as { expanded_url?: string }).expanded_url ?? '')?.[1];
      if (user) counts.set(user, (counts.get(user) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `Tue May 14 09:30:12 +0000 2024`, parsed exactly rather than by Date's lenient guessing. */
export function parseCreatedAt(text: string): string | undefined {
  const match = /^\w{3} (\w{3}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(text);
  const month = match ? MONTHS[match[1]!] : undefined;
  if (!match || month === undefined) return undefined;
  const offset = (match[6] === '-' ? -1 : 1) * (Number(match[7]) * 60 + Number(match[8])) * 60_000;
  const ms = Date.UTC(Number(match[9]), month, Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5])) - offset;
  return new Date(ms).toISOString();
}

function snowflakeTime(id: string | undefined): string | undefined {
  if (!id || !/^\d+$/.test(id)) return undefined;
  const value = BigInt(id);
  return value < FIRST_SNOWFLAKE ? undefined : new Date(Number((value >> 22n) + TWITTER_EPOCH)).toISOString();
}

function toPost(raw: RawTweet, id: string, createdAt: string, handle: string, accountId: string | undefined, notes: readonly NoteTweet[], source: Post['source']): Post {
  const entities = raw.entities ?? {};
  const media = raw.extended_entities?.media ?? entities.media ?? [];
  const note = findNote(notes, Date.parse(createdAt));
  let text = decodeHTML(note?.text ?? raw.full_text ?? raw.text ?? '');
  const expansions = [...(entities.urls ?? []).map((u) => [u.url, u.expanded_url] as const), ...(note?.urls ?? []).map((u) => [u.shortUrl, u.expandedUrl] as const)];
  const links: string[] = [];
  for (const [short, expanded] of expansions) {
    if (!short || !expanded) continue;
    text = text.split(short).join(expanded);
    if (!links.includes(expanded)) links.push(expanded);
  }
  // X appends the media's own t.co link to the text; it is not something the author wrote.
  for (const m of media) if (m.url) text = text.split(m.url).join('');
  text = text.trim();
  const isRetweet = /^RT @[\w]+:/.test(text);
  const repliesToSelf = raw.in_reply_to_status_id_str !== undefined && ((accountId && raw.in_reply_to_user_id_str === accountId) || raw.in_reply_to_screen_name?.toLowerCase() === handle.toLowerCase());
  const quoted = links.find((url) => {
    const status = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([^/]+)\/status\/\d+\/?(?:\?.*)?$/.exec(url);
    return status !== null && status[1]!.toLowerCase() !== handle.toLowerCase();
  });
  const kind: Post['kind'] = isRetweet ? 'repost' : raw.in_reply_to_status_id_str && !repliesToSelf ? 'reply' : quoted ? 'quote' : 'post';
  const likes = Number(raw.favorite_count);
  const reposts = Number(raw.retweet_count);
  return {
    id,
    platform: 'x',
    author: handle,
    createdAt,
    text,
    links: links.map(toLink),
    hashtags: (entities.hashtags ?? []).map((h) => h.text),
    mentions: (entities.user_mentions ?? []).map((m) => m.screen_name),
    media: media.map(toMedia),
    kind,
    ...(raw.in_reply_to_status_id_str && {
      replyTo: {
        id: raw.in_reply_to_status_id_str,
        ...(raw.in_reply_to_screen_name && { author: raw.in_reply_to_screen_name }),
        isOwn: Boolean(repliesToSelf),
        ...(snowflakeTime(raw.in_reply_to_status_id_str) && { createdAt: snowflakeTime(raw.in_reply_to_status_id_str) }),
      },
    }),
    url: `https://x.com/${handle}/status/${id}`,
    // Retweets carry X's meaningless zeros, not the original's engagement.
    ...(!isRetweet && !Number.isNaN(likes) && !Number.isNaN(reposts) && { metrics: { likes, reposts } }),
    scheduled: false,
    source,
  };
}

function findNote(notes: readonly NoteTweet[], createdAt: number): NoteTweet | undefined {
  return notes.length ? notes.find((note) => Math.abs(note.createdAt - createdAt) <= 5_000) : undefined;
}

function toMedia(media: RawMedia): Media {
  const type = media.type === 'photo' ? 'image' : media.type === 'animated_gif' ? 'gif' : media.type === 'video' ? 'video' : 'other';
  return { type };
}
