import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotYaml, type YamlSnapshot } from '../yaml-source.js';

/** The built-in rule files ship beside dist/ in the package. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
/** Written by the build: every built-in rule file, parsed, keyed by the hash of its text. */
const SNAPSHOT_FILE = fileURLToPath(new URL('../builtin-rules.json', import.meta.url));

interface Entry {
  sha256: string;
  snapshot: YamlSnapshot;
}

export const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

let snapshots: Promise<Record<string, Entry>> | undefined;

/**
 * The build-time snapshot of a built-in rule file with exactly this text, if there is one:
 * parsing ~50 KB of YAML is most of a short run's set-up. A file edited since the build is
 * simply parsed again.
 */
export async function builtinSnapshot(file: string, text: string): Promise<YamlSnapshot | undefined> {
  if (path.dirname(file) !== path.resolve(BUILTIN_RULES_DIR)) return undefined;
  // Missing or unreadable (a build interrupted halfway): every file is parsed instead.
  snapshots ??= readFile(SNAPSHOT_FILE, 'utf8')
    .then(JSON.parse)
    .catch(() => ({}));
  const entry = (await snapshots)[path.basename(file)];
  return entry && entry.sha256 === hashOf(text) ? entry.snapshot : undefined;
}

/** Run by `npm run build`: parses every built-in rule file once and writes the snapshot. */
export async function writeBuiltinSnapshot(): Promise<void> {
  const entries: Record<string, Entry> = {};
  for (const name of (await readdir(BUILTIN_RULES_DIR)).filter((n) => n.endsWith('.yaml')).sort()) {
    const text = await readFile(path.join(BUILTIN_RULES_DIR, name), 'utf8');
    entries[name] = { sha256: hashOf(text), snapshot: snapshotYaml(text, name) };
  }
  await writeFile(SNAPSHOT_FILE, JSON.stringify(entries));
}
