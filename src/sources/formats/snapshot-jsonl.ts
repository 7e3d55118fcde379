import { inputError } from '../../errors.js';
import { Evidence } from '../../model/audit.js';
import { Post } from '../../model/post.js';
import { readText } from '../read/input.js';
import { jsonLines } from '../read/json-entry.js';
import { LoadCollector, type FileSource } from '../source.js';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotMeta {
  source: string;
  fetchedAt: string;
  account?: string;
  exportedAt?: string;
  lacks?: Evidence[];
  sites?: string[];
  bot?: string;
}

/** presence's own snapshot: a header line, then one Post per line, exactly as fetched. */
export function writeSnapshot(posts: readonly Post[], meta: SnapshotMeta): string {
  const header = JSON.stringify({ presence: 'snapshot', version: SNAPSHOT_VERSION, ...meta });
  return `${[header, ...posts.map((post) => JSON.stringify(post))].join('\n')}\n`;
}

/** Reads a snapshot written by `presence fetch` back into the very same posts. */
export const snapshotJsonl: FileSource = {
  id: 'snapshot-jsonl',
  description: 'a snapshot written by presence fetch (JSON Lines)',
  async detect(input) {
    return input.container === 'file' && /^\{"presence":"snapshot"/.test((await input.head(input.entries[0]!, 64)).toString('utf8'));
  },
  async load(input, options) {
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    const text = await readText(input, entry);
    const newline = text.indexOf('\n');
    let header: { presence?: string; version?: number; account?: string; exportedAt?: unknown; lacks?: unknown; sites?: unknown; bot?: unknown } | undefined;
    try {
      header = JSON.parse(newline === -1 ? text : text.slice(0, newline));
    } catch {
      header = undefined;
    }
    if (header?.presence !== 'snapshot' || header.version !== SNAPSHOT_VERSION)
      throw inputError({ file, line: 1 }, `not a presence snapshot of version ${SNAPSHOT_VERSION}`);
    const collector = new LoadCollector(options);
    collector.account = header.account;
    if (typeof header.exportedAt === 'string' && !Number.isNaN(Date.parse(header.exportedAt))) collector.exportedAt = header.exportedAt;
    const lacks = Evidence.array().safeParse(header.lacks);
    if (lacks.success) collector.lacks = lacks.data;
    if (Array.isArray(header.sites)) collector.sites = header.sites.filter((site): site is string => typeof site === 'string');
    if (typeof header.bot === 'string' && header.bot) collector.bot = header.bot;
    for (const { value, line } of jsonLines(newline === -1 ? '' : text.slice(newline + 1), file, (where, reason) => collector.skip(where, reason), 2)) {
      const parsed = Post.safeParse(value);
      if (parsed.success) collector.add(parsed.data);
      else collector.skip({ file, line }, `not a post: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
    }
    return collector.result();
  },
};
