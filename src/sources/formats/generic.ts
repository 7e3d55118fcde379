import { closest, inputError, usageError } from '../../errors.js';
import { PLATFORMS } from '../../model/names.js';
import type { Platform, Post } from '../../model/post.js';
import { readCsv } from '../read/csv-rows.js';
import { parseIgnoreCell } from '../read/ignore-column.js';
import { readText } from '../read/input.js';
import { jsonLines, readJsonEntry } from '../read/json-entry.js';
import { LoadCollector, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

/** The Post fields a generic file can fill, with the column names tools commonly use for each. */
const ALIASES = {
  text: ['text', 'message', 'content', 'body', 'caption', 'post', 'tweet', 'status', 'sharecommentary', 'full_text'],
  createdAt: [
    'createdat',
    'created_at',
    'date',
    'datetime',
    'timestamp',
    'time',
    'published',
    'publish_date',
    'publishdate',
    'scheduled_at',
    'scheduledat',
    'scheduledate',
    'postatspecifictime',
    'dueat',
    'posting time',
    'posted_at',
  ],
  platform: ['platform', 'network', 'channel', 'service', 'platforms'],
  id: ['id', 'post_id', 'postid', 'uuid'],
  url: ['url', 'permalink', 'post_url'],
  link: ['link', 'sharedurl', 'link_url'],
  author: ['author', 'account', 'handle', 'username', 'profile'],
  kind: ['kind', 'type', 'post_type'],
  likes: ['likes', 'like_count', 'favorites', 'reactions'],
  reposts: ['reposts', 'shares', 'retweets', 'boosts'],
  replies: ['replies', 'comments', 'reply_count'],
  impressions: ['impressions', 'views', 'reach'],
  ignore: ['ignore', 'presence-ignore', 'presence_ignore'],
} as const;
export type MappableField = keyof typeof ALIASES;
export const MAPPABLE_FIELDS = Object.keys(ALIASES) as MappableField[];

const PLATFORM_NAMES: Record<string, Platform> = {
  twitter: 'x',
  'x.com': 'x',
  tw: 'x',
  fb: 'facebook',
  ig: 'instagram',
  li: 'linkedin',
  bsky: 'bluesky',
  toot: 'mastodon',
  fediverse: 'mastodon',
  rss: 'feed',
};

/** Checks a --map against the fields it can set, so a typo is a usage error, not a silent miss. */
export function checkColumnMap(map: Record<string, string> | undefined): void {
  for (const field of Object.keys(map ?? {})) {
    if (!(MAPPABLE_FIELDS as string[]).includes(field)) {
      const suggestion = closest(field, MAPPABLE_FIELDS);
      throw usageError(`--map names an unknown field "${field}"; fields: ${MAPPABLE_FIELDS.join(', ')}`, suggestion && `did you mean "${suggestion}"?`);
    }
  }
}

/** `Publish Date`, `publish_date` and `publishDate` are one name. */
const normalizeName = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** Which column feeds each field: --map first, then the aliases, case-insensitively. */
export function resolveColumns(header: readonly string[], map: Record<string, string> | undefined): Partial<Record<MappableField, string>> {
  const columns: Partial<Record<MappableField, string>> = {};
  for (const field of MAPPABLE_FIELDS) {
    const wanted = map?.[field];
    const aliases = (ALIASES[field] as readonly string[]).map(normalizeName);
    const column = wanted !== undefined ? header.find((h) => h.toLowerCase() === wanted.toLowerCase()) : header.find((h) => aliases.includes(normalizeName(h)));
    if (column !== undefined) columns[field] = column;
  }
  return columns;
}

/** Timestamps as tools write them: ISO 8601, `YYYY-MM-DD HH:MM[:SS]` (read as UTC), Unix seconds or milliseconds. */
export function parseTimestamp(value: string): string | undefined {
  const text = value.trim();
  if (/^\d{9,11}$/.test(text)) return new Date(Number(text) * 1000).toISOString();
  if (/^\d{12,14}$/.test(text)) return new Date(Number(text)).toISOString();
  const plain = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (plain) return new Date(Date.UTC(+plain[1]!, +plain[2]! - 1, +plain[3]!, +plain[4]!, +plain[5]!, +(plain[6] ?? 0))).toISOString();
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))) return new Date(text).toISOString();
  return undefined;
}

function platformOf(value: string | undefined): Platform {
  const name =
    value
      ?.trim()
      .toLowerCase()
      .split(/[,;\s]/)[0] ?? '';
  return PLATFORM_NAMES[name] ?? ((PLATFORMS as readonly string[]).includes(name) ? (name as Platform) : 'other');
}

const count = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined);

/** One row of a generic file as a Post, or what is wrong with it. */
export function postFromRow(cells: Record<string, unknown>, columns: Partial<Record<MappableField, string>>, source: Post['source']): Post | string {
  const get = (field: MappableField) =>
    columns[field] === undefined ? undefined : cells[columns[field]!] == null ? undefined : String(cells[columns[field]!]);
  const text = get('text')?.trim();
  const createdAt = parseTimestamp(get('createdAt') ?? '');
  if (!text) return `expected text in column "${columns.text}"`;
  if (!createdAt) return `expected a date or time in column "${columns.createdAt}"; got "${get('createdAt') ?? ''}"`;
  const kind = get('kind')?.trim().toLowerCase();
  const metrics = { likes: count(get('likes')), reposts: count(get('reposts')), replies: count(get('replies')), impressions: count(get('impressions')) };
  const known = Object.fromEntries(Object.entries(metrics).filter(([, v]) => v !== undefined));
  const ignore = parseIgnoreCell(get('ignore'));
  return textPost({
    id: get('id')?.trim() || `${source.file}:${source.line ?? source.record}`,
    platform: platformOf(get('platform')),
    author: get('author')?.trim() || 'unknown',
    createdAt,
    text,
    links: get('link')?.trim() ? [get('link')!.trim()] : [],
    kind: kind === 'reply' || kind === 'repost' || kind === 'quote' ? kind : 'post',
    ...(kind === 'reply' && { replyTo: { isOwn: false } }),
    ...(get('url')?.trim() && { url: get('url')!.trim() }),
    ...(Object.keys(known).length && { metrics: known }),
    ...(ignore && { ignore }),
    source,
  });
}

function requireColumns(columns: Partial<Record<MappableField, string>>, header: readonly string[], file: string): void {
  for (const field of ['text', 'createdAt'] as const) {
    if (!columns[field]) {
      throw inputError(
        { file },
        `no ${field === 'text' ? 'text' : 'date'} column among ${header.map((h) => `"${h}"`).join(', ') || 'no columns'}`,
        `name it with --map ${field}=COLUMN`,
      );
    }
  }
}

/**
 * Any tool's export of posts as CSV (with a header), a JSON array (or `{ "posts": [...] }`), or
 * JSON Lines. Columns are found by common names or named with --map; tried only when no
 * specific format matched.
 */
export const generic: FileSource = {
  id: 'generic',
  description: 'generic CSV, JSON or JSON Lines of posts (columns detected, or --map text=…,createdAt=…)',
  fallback: true,
  async detect(input) {
    return input.container === 'file' && /\.(csv|json|jsonl|ndjson)$/i.test(input.entries[0]!);
  },
  async load(input, options) {
    checkColumnMap(options.map);
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    const collector = new LoadCollector(options);
    const add = (result: Post | string, where: { file: string; line?: number; record?: number }) =>
      typeof result === 'string' ? collector.skip(where, result) : collector.add(result);
    if (/\.csv$/i.test(entry)) {
      const { header, rows } = await readCsv(input, entry);
      const columns = resolveColumns(header, options.map);
      requireColumns(columns, header, file);
      for (const { cells, line } of rows) add(postFromRow(cells, columns, { file, line }), { file, line });
    } else if (/\.(jsonl|ndjson)$/i.test(entry)) {
      let columns: Partial<Record<MappableField, string>> | undefined;
      for (const { value, line } of jsonLines(await readText(input, entry), file, (where, reason) => collector.skip(where, reason))) {
        if (!value || typeof value !== 'object') {
          collector.skip({ file, line }, 'expected a JSON object');
          continue;
        }
        columns ??= resolveColumns(Object.keys(value), options.map);
        requireColumns(columns, Object.keys(value), file);
        add(postFromRow(value as Record<string, unknown>, columns, { file, line }), { file, line });
      }
    } else {
      const value = await readJsonEntry(input, entry);
      const rows = (Array.isArray(value) ? value : ((value as { posts?: unknown; data?: unknown })?.posts ?? (value as { data?: unknown })?.data)) as
        Record<string, unknown>[] | undefined;
      if (!Array.isArray(rows)) throw inputError({ file }, 'expected a JSON array of posts, or { "posts": [ … ] }');
      const header = [...new Set(rows.slice(0, 20).flatMap((row) => (row && typeof row === 'object' ? Object.keys(row) : [])))];
      const columns = resolveColumns(header, options.map);
      requireColumns(columns, header, file);
      rows.forEach((row, index) =>
        add(row && typeof row === 'object' ? postFromRow(row, columns, { file, record: index + 1 }) : 'expected a JSON object', { file, record: index + 1 }),
      );
    }
    return collector.result();
  },
};
