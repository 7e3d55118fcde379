import { createHash } from 'node:crypto';
import type { Evidence } from '../../model/audit.js';
import type { Post } from '../../model/post.js';
import { inputError, PresenceError } from '../../errors.js';
import { decodeText, findEntries, type Input } from '../read/input.js';
import { parseCsv, type CsvRow } from '../read/csv-rows.js';
import { fingerprint, jaccard } from '../../text/similarity.js';
import { LoadCollector, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

const SHARES = /(?:^|\/)Shares(?:_\d+)?\.csv$/i;
const COMMENTS = /(?:^|\/)Comments(?:_\d+)?\.csv$/i;
/** The 2018 exports name their columns `Share Link`, today's `ShareLink`: both reduce to one key. */
const columnKey = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .replace(/[\s_]+/g, '')
    .toLowerCase();
const SHARE_COLUMNS = ['date', 'sharelink', 'sharecommentary'];
const COMMENT_COLUMNS = ['date', 'link', 'message'];
/** How every row of a comment starts: a row with neither a date first nor a link second continues the message before it. */
const DATE_START = /^\s*\d{4}[-/]\d{2}[-/]\d{2}\b/;
const URL_START = /^\s*https?:\/\//i;
const DATE = /^(\d{4})[-/](\d{2})[-/](\d{2}) (\d{2}:\d{2}:\d{2})(?: UTC)?$/;
const FEED_UPDATE = /linkedin\.com\/feed\/update\//i;
const URN = /urn:li:(share|ugcPost|activity):(\d+)/;

/**
 * LinkedIn's data export: Shares.csv (or Shares_<memberId>.csv), alone or in the export folder or zip,
 * with Comments.csv beside it read as the account's replies (an export without shares is its comments alone). Both today's UTF-8 comma-separated files
 * and the 2018 UTF-16, tab-separated ones are read. Dates carry no zone; LinkedIn does not say which,
 * so they are read as UTC.
 */
export const linkedinCsv: FileSource = {
  id: 'linkedin-csv',
  description: 'LinkedIn data export: Shares.csv, or the export zip or folder (Shares.csv and Comments.csv)',
  async detect(input) {
    const entry = findEntries(input, SHARES)[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    if (entry !== undefined) return hasColumns(input, entry, SHARE_COLUMNS);
    // An account that never shared gets no Shares.csv: its export is its comments alone.
    const comments = commentsEntry(input, '');
    return comments !== undefined && hasColumns(input, comments, COMMENT_COLUMNS);
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const entry = findEntries(input, SHARES)[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    const shares = entry === undefined ? [] : readShares((await readTable(input, entry)).rows, input.describe(entry), collector);
    for (const share of shares) {
      if (isGroupCopy(share, shares)) collector.exclude('copy of a share posted to a LinkedIn group');
      else collector.add(sharePost(share));
    }
    // A reshare with a comment of its own is a row like any original share: the export cannot tell them apart.
    const lacks: Evidence[] = ['engagement', 'alt-text', 'reshares'];
    const replies =
      input.container === 'file'
        ? await repliesBeside(input, shares, collector)
        : await readReplies(input, commentsEntry(input, entry ?? ''), shares, collector);
    // Without the comments file nothing shows whether the account answers people: not "never".
    if (replies) for (const reply of replies) collector.add(reply);
    else lacks.push('replies');
    collector.lacks = lacks;
    return collector.result();
  },
};

const GROUP_POST = /urn:li:groupPost:/;
const DAY = 86_400_000;

/**
 * The same words posted to the feed and to groups, within two days, are one post reaching several
 * audiences, as LinkedIn lets one share do: the groups' copies are left out rather than judged duplicates.
 */
function isGroupCopy(share: Share, shares: readonly Share[]): boolean {
  if (!share.url || !GROUP_POST.test(decodeLink(share.url)) || !share.text) return false;
  const at = Date.parse(share.createdAt);
  const words = fingerprint(share.text);
  const isGroup = (other: Share) => GROUP_POST.test(decodeLink(other.url ?? ''));
  // The copy kept is the feed's share, or among group posts alone the earliest.
  return shares.some(
    (other) =>
      other !== share &&
      (!isGroup(other) || Date.parse(other.createdAt) < at || (Date.parse(other.createdAt) === at && other.line < share.line)) &&
      Math.abs(Date.parse(other.createdAt) - at) < 2 * DAY &&
      // Copies to groups are often edited a word or two apart; and being posted within a day of it narrows the match.
      (other.text === share.text || jaccard(words.shingles, fingerprint(other.text).shingles) >= 0.6),
  );
}

interface Share {
  id: string;
  createdAt: string;
  text: string;
  /** Attached links (`SharedUrl`), one per distinct value over the rows of the share. */
  shared: string[];
  media: string[];
  url?: string;
  visibility?: Post['visibility'];
  file: string;
  line: number;
}

/** Turns rows into shares: rows with the same ShareLink are one share with several images. */
function readShares(rows: readonly CsvRow[], file: string, collector: LoadCollector): Share[] {
  const byLink = new Map<string, Share>();
  const shares: Share[] = [];
  for (const { cells, line } of rows) {
    const createdAt = rowDate(cells, { file, line }, collector);
    if (!createdAt) continue;
    const link = decodeLink(cells.sharelink ?? '');
    const text = repairLineQuoting(cells.sharecommentary ?? '');
    const shared = cells.sharedurl?.trim();
    const media = cells.mediaurl?.trim();
    const same = link ? byLink.get(link) : undefined;
    if (same) {
      if (!same.text) same.text = text;
      if (shared && !same.shared.includes(shared)) same.shared.push(shared);
      if (media && !same.media.includes(media)) same.media.push(media);
      same.visibility ??= visibilityOf(cells.visibility);
      continue;
    }
    const share: Share = {
      id: URN.exec(link)?.[2] ?? `${file}:${line}`,
      createdAt,
      text,
      shared: shared ? [shared] : [],
      media: media ? [media] : [],
      ...(cells.sharelink?.trim() && { url: cells.sharelink.trim() }),
      visibility: visibilityOf(cells.visibility),
      file,
      line,
    };
    if (link) byLink.set(link, share);
    shares.push(share);
  }
  return shares;
}

function sharePost(share: Share): Post {
  // No commentary means the account passed on someone else's post; it wrote none of the words.
  const isReshare = !share.text;
  const quoted = isReshare ? undefined : share.shared.find((url) => FEED_UPDATE.test(url));
  const links = share.shared.filter((url) => !FEED_UPDATE.test(url));
  const post = textPost({
    id: share.id,
    platform: 'linkedin',
    author: 'linkedin',
    createdAt: share.createdAt,
    text: share.text,
    links,
    kind: isReshare ? 'repost' : quoted ? 'quote' : 'post',
    ...(quoted && { quoted: { url: quoted } }),
    media: share.media.map((url) => ({ type: /\/video|\.(?:mp4|mov|webm)(?:$|\?)/i.test(url) ? 'video' : 'image' })),
    ...(share.url && { url: share.url }),
    ...(share.visibility && { visibility: share.visibility }),
    source: { file: share.file, line: share.line },
  });
  // LinkedIn writes a link in the commentary as lnkd.in: one such link beside one attached page is that page, not a second link.
  const written = post.links.filter((link) => !links.includes(link.url));
  if (links.length === 1 && written.length === 1 && written[0]!.domain === 'lnkd.in') post.links = post.links.filter((link) => link !== written[0]);
  return post;
}

/**
 * The replies in the export's comments file, or undefined when it has none it can read: a broken
 * comments file costs the replies (counted, or fatal with --strict), not the shares.
 */
async function readReplies(input: Input, entry: string | undefined, shares: readonly Share[], collector: LoadCollector): Promise<Post[] | undefined> {
  if (entry === undefined) return undefined;
  const file = input.describe(entry);
  let table;
  try {
    table = await readTable(input, entry, unescapeQuotes);
  } catch (error) {
    if (!(error instanceof PresenceError)) throw error;
    collector.skip({ file }, `comments not read: ${error.message}`);
    return undefined;
  }
  const missing = COMMENT_COLUMNS.filter((column) => !table.header.includes(column));
  if (missing.length) {
    collector.skip({ file, line: 1 }, `comments not read: expected the columns Date, Link and Message; ${missing.join(', ')} missing`);
    return undefined;
  }
  return readComments(table.rows, file, shares, collector);
}

/** Shares.csv named alone: the Comments.csv in its folder, as the export laid them side by side. */
async function repliesBeside(input: Input, shares: readonly Share[], collector: LoadCollector): Promise<Post[] | undefined> {
  const beside = await input.beside?.('Comments.csv');
  if (!beside) return undefined;
  try {
    return await readReplies(beside, beside.entries[0], shares, collector);
  } finally {
    await beside.close();
  }
}

/** Each comment the account wrote, as its reply to the post it was written under. */
function readComments(rows: readonly CsvRow[], file: string, shares: readonly Share[], collector: LoadCollector): Post[] {
  // Only the same URN or link counts: whether a share's `share:` and `activity:` numbers ever agree is unknown.
  const ownIds = new Set(shares.flatMap((share) => (share.url ? [sameLink(share.url), URN.exec(sameLink(share.url))?.[0] ?? ''] : [])));
  const seen = new Map<string, number>();
  const replies: Post[] = [];
  for (const { createdAt, link, text, line } of commentRecords(rows, file, collector)) {
    const urn = URN.exec(link);
    // Comments.csv gives no comment id: one from what the comment is, so it stays put when the file grows.
    const hash = createHash('sha256').update(`${createdAt}\n${link}\n${text}`).digest('hex').slice(0, 16);
    const count = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, count);
    replies.push(
      textPost({
        id: `comment-${hash}${count > 1 ? `-${count}` : ''}`,
        platform: 'linkedin',
        author: 'linkedin',
        createdAt,
        text,
        kind: 'reply',
        replyTo: { id: urn ? urn[0] : link, isOwn: ownIds.has(link) || (urn !== null && ownIds.has(urn[0])) },
        source: { file, line },
      }),
    );
  }
  return replies;
}

/**
 * The comments of the rows, each with its message whole. Older exports leave a message's line
 * breaks unquoted, so its next lines arrive as rows of their own: a row with no date and no link,
 * after a comment, is the rest of that comment's message (a row with a link but a broken date is a broken row).
 */
function commentRecords(rows: readonly CsvRow[], file: string, collector: LoadCollector) {
  const comments: { createdAt: string; link: string; text: string; line: number }[] = [];
  let previous: (typeof comments)[number] | undefined;
  for (const { cells, line } of rows) {
    if (previous && !DATE_START.test(cells.date ?? '') && !URL_START.test(cells.link ?? '')) {
      const values = Object.values(cells);
      while (values.at(-1) === '') values.pop();
      previous.text = `${previous.text}\n${values.join(',')}`.trim();
      continue;
    }
    previous = undefined;
    const createdAt = rowDate(cells, { file, line }, collector);
    if (!createdAt) continue;
    const link = sameLink(cells.link ?? '');
    if (!link) {
      collector.skip({ file, line }, 'expected the Link of the post commented on; got none');
      continue;
    }
    comments.push((previous = { createdAt, link, text: (cells.message ?? '').replace(/\\"/g, '"').trim(), line }));
  }
  return comments;
}

/** The comments file of the same export: beside Shares.csv, else the only one the folder or zip holds. */
function commentsEntry(input: Input, shares: string): string | undefined {
  if (input.container === 'file') return undefined;
  const folder = shares.slice(0, shares.lastIndexOf('/') + 1);
  const all = findEntries(input, COMMENTS);
  return all.find((entry) => entry.slice(0, entry.lastIndexOf('/') + 1) === folder) ?? (all.length === 1 ? all[0] : undefined);
}

/**
 * Reads a LinkedIn CSV whatever its era: UTF-8 and commas today, UTF-16 LE with a BOM and tabs in 2018.
 * Cells are keyed by `columnKey`, so both eras' names read the same.
 */
async function readTable(input: Input, entry: string, repair?: (text: string) => string): Promise<{ header: string[]; rows: CsvRow[] }> {
  const file = input.describe(entry);
  const text = decodeExport(await input.read(entry), file);
  const delimiter = delimiterOf(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '');
  const { header, rows } = parse(text, file, delimiter, repair);
  const keys = header.map(columnKey);
  return { header: keys, rows: rows.map(({ cells, line }) => ({ cells: Object.fromEntries(header.map((name, i) => [keys[i], cells[name] ?? ''])), line })) };
}

function parse(text: string, file: string, delimiter: string, repair?: (text: string) => string): ReturnType<typeof parseCsv> {
  try {
    return parseCsv(text, file, { delimiter });
  } catch (error) {
    // A file in LinkedIn's backslash-quoting reads as plain CSV once repaired; any other failure stands.
    const repaired = repair?.(text);
    if (repaired === undefined || repaired === text) throw error;
    try {
      return parseCsv(repaired, file, { delimiter });
    } catch {
      throw error;
    }
  }
}

/** Comments.csv escapes quotes inside a message as `\"` rather than doubling them. */
const unescapeQuotes = (text: string): string => text.replace(/\\"/g, '""');

/** UTF-16 LE with a BOM is LinkedIn's own 2018 encoding, so it is read here rather than refused. */
function decodeExport(bytes: Buffer, file: string): string {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) return decodeText(bytes, file);
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
  } catch {
    throw inputError({ file }, 'the file starts as UTF-16 but is not valid UTF-16', 'save it as UTF-8 and try again');
  }
  if (text.includes('\0')) throw inputError({ file }, 'the file holds binary data, not text');
  return text;
}

/** The first line of an entry's first bytes, in either era's encoding. */
async function hasColumns(input: Input, entry: string, columns: readonly string[]): Promise<boolean> {
  const names = headerNames(headText(await input.head(entry, 2048)));
  return columns.every((column) => names.includes(column));
}

function headText(bytes: Buffer): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const text = utf16 ? new TextDecoder('utf-16le').decode(bytes.subarray(0, bytes.length & ~1)) : bytes.toString('utf8');
  return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
}

const delimiterOf = (line: string): string => (line.split('\t').length > line.split(',').length ? '\t' : ',');

function headerNames(line: string): string[] {
  return line.split(delimiterOf(line)).map((cell) => columnKey(cell.trim().replace(/^"(.*)"$/, '$1')));
}

function readDate(value: string | undefined): string | undefined {
  const stamp = DATE.exec(value?.trim() ?? '');
  if (!stamp) return undefined;
  const iso = `${stamp[1]}-${stamp[2]}-${stamp[3]}T${stamp[4]}.000Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** The row's date, or undefined with the row skipped and counted (an error with --strict). */
function rowDate(cells: CsvRow['cells'], where: { file: string; line: number }, collector: LoadCollector): string | undefined {
  const createdAt = readDate(cells.date);
  if (!createdAt) collector.skip(where, `expected a Date such as 2024-05-14 09:30:12; got "${cells.date ?? ''}"`);
  return createdAt;
}

const decodeLink = (link: string): string => link.trim().replace(/%3A/gi, ':');
/** A post's link as Comments.csv and Shares.csv can both spell it: decoded, without query or trailing slash. */
const sameLink = (link: string): string =>
  decodeLink(link)
    .replace(/[?#].*$/, '')
    .replace(/\/$/, '');

/** Connections-only shares are for the account's network, LinkedIn's nearest thing to followers. */
function visibilityOf(value: string | undefined): Post['visibility'] {
  const v =
    value
      ?.trim()
      .toUpperCase()
      .replace(/[\s-]+/g, '_') ?? '';
  if (v === 'PUBLIC' || v === 'ANYONE') return 'public';
  if (v === 'MEMBER_NETWORK' || v === 'CONNECTIONS' || v === 'CONNECTIONS_ONLY') return 'followers';
  return undefined;
}

/**
 * LinkedIn wraps every line of multi-paragraph commentary in its own quotes, so after CSV decoding
 * the text reads `"Line 1"\n""\n"Line 2"`, or in today's exports `Line 1"\n""\n"Line 2` (the field's
 * own quotes took the first and last); strip those per-line quotes.
 */
export function repairLineQuoting(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const last = lines.length - 1;
  if (last < 1 || !lines.every((l, i) => (i === 0 || l.startsWith('"')) && (i === last || (l.endsWith('"') && l.length >= (i === 0 ? 1 : 2)))))
    return text.trim();
  const opened = lines[0]!.startsWith('"') && lines[0]!.length >= 2;
  const closed = lines[last]!.endsWith('"') && lines[last]!.length >= 2;
  return lines
    .map((l, i) => l.slice(i > 0 || opened ? 1 : 0, i < last || closed ? -1 : undefined).trim())
    .join('\n')
    .trim();
}
