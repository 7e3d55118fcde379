import { readdir, readFile, stat, open } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type yauzl from 'yauzl';
import { inputError, type Where } from '../../errors.js';
import { lazy } from '../../lazy.js';

/** The zip reader loads only when a zip is opened. */
const loadYauzl = lazy<typeof yauzl>('yauzl');

/** Bounds on what one input may make us read, so a hostile archive cannot eat the machine. */
export interface InputLimits {
  /** Inflated bytes one zip entry may produce. */
  maxEntryBytes: number;
  /** Inflated bytes all entries read from one zip may produce together. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxEntryBytes: 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntries: 100_000,
};

/**
 * A file, a folder or a zip, seen the same way: a list of entry paths ('/'-separated,
 * relative) that can be read. Sources detect and load through this and never touch
 * the file system themselves.
 */
export interface Input {
  /** What the user named, as they named it. */
  readonly label: string;
  readonly container: 'file' | 'folder' | 'zip';
  readonly entries: readonly string[];
  read(entry: string): Promise<Buffer>;
  /** The first bytes of an entry, cheaply, for format detection. */
  head(entry: string, bytes?: number): Promise<Buffer>;
  /** How findings name an entry: the file itself, `folder/entry`, or `archive.zip:entry`. */
  describe(entry: string): string;
  /**
   * For a lone file: another file of the same export in its folder (Mastodon's actor.json beside
   * outbox.json, LinkedIn's Comments.csv beside Shares.csv), or undefined when there is none.
   */
  beside?(name: string): Promise<Input | undefined>;
  close(): Promise<void>;
}

export async function openInput(label: string, cwd: string, limits: InputLimits = DEFAULT_LIMITS): Promise<Input> {
  const absolute = path.resolve(cwd, label);
  const info = await stat(absolute).catch(() => {
    throw inputError({ file: label }, 'no such file or folder');
  });
  if (info.isDirectory()) return openFolder(label, absolute, limits);
  if (info.size === 0) throw inputError({ file: label }, 'the file is empty');
  const magic = await readHead(absolute, 4);
  const signature = magic.length === 4 ? magic.readUInt32LE(0) : 0;
  if (signature === 0x04034b50 || signature === 0x06054b50) return openZip(label, absolute, limits);
  return {
    label,
    container: 'file',
    entries: [path.basename(absolute)],
    read: () => readFile(absolute),
    head: (_entry, bytes = 4096) => readHead(absolute, bytes),
    describe: () => label,
    beside: async (name) => {
      const sibling = path.join(path.dirname(label), name);
      const exists = await stat(path.resolve(cwd, sibling)).then(
        (s) => s.isFile(),
        () => false,
      );
      return exists ? openInput(sibling, cwd, limits) : undefined;
    },
    close: async () => {},
  };
}

/** What was piped in (`presence audit -`), read whole: it can be read only once, and has no name or folder. */
export function openBytes(label: string, bytes: Buffer): Input {
  if (bytes.length === 0) throw inputError({ file: label }, 'nothing was read from standard input');
  const signature = bytes.length >= 4 ? bytes.readUInt32LE(0) : 0;
  if (signature === 0x04034b50 || signature === 0x06054b50)
    throw inputError({ file: label }, 'a zip cannot be read from standard input', 'give its path instead');
  return {
    label,
    container: 'file',
    entries: [label],
    read: async () => bytes,
    head: async (_entry, count = 4096) => bytes.subarray(0, count),
    describe: () => label,
    close: async () => {},
  };
}

/**
 * An entry as text. The bytes live only in this call: once decoded they can be freed, so a
 * large export is never held as bytes and text at once while it is parsed.
 */
export async function readText(input: Input, entry: string): Promise<string> {
  return decodeText(await input.read(entry), input.describe(entry));
}

/** Decodes an entry as UTF-8 text, refusing encodings we would misread rather than guessing. */
export function decodeText(bytes: Buffer, where: string): string {
  checkText(bytes, where);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8({ file: where });
  }
  return text;
}

/** The error for bytes that are not UTF-8, wherever they were found. */
export const notUtf8 = (where: Where) => inputError(where, 'the file is not valid UTF-8 (Latin-1 or Windows-1252?)', 'save it as UTF-8 and try again');

/** Refuses UTF-16 and binary data up front, with a message that says so, before any parser misreads them. */
export function checkText(bytes: Buffer, where: string): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw inputError({ file: where }, 'the file is UTF-16 encoded; expected UTF-8', 'save it as UTF-8 and try again');
  }
  // Looked for in the bytes: the same answer as in the text, at a tenth of the cost.
  if (bytes.includes(0)) throw inputError({ file: where }, 'the file holds binary data, not text');
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openFolder(label: string, root: string, limits: InputLimits): Promise<Input> {
  const entries: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const dirent of await readdir(dir, { withFileTypes: true })) {
      if (entries.length >= limits.maxEntries) throw inputError({ file: label }, `more than ${limits.maxEntries} files in the folder`);
      const relative = prefix ? `${prefix}/${dirent.name}` : dirent.name;
      if (dirent.isDirectory()) await walk(path.join(dir, dirent.name), relative);
      else if (dirent.isFile()) entries.push(relative);
    }
  };
  await walk(root, '');
  entries.sort();
  const full = (entry: string) => path.join(root, ...entry.split('/'));
  return {
    label,
    container: 'folder',
    entries,
    read: (entry) => readFile(full(entry)),
    head: (entry, bytes = 4096) => readHead(full(entry), bytes),
    describe: (entry) => path.join(label, entry),
    close: async () => {},
  };
}

function openZip(label: string, file: string, limits: InputLimits): Promise<Input> {
  return new Promise((resolve, reject) => {
    loadYauzl().open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) => {
      if (error || !zip) return reject(inputError({ file: label }, `not a readable zip archive (${error?.message ?? 'unknown error'})`));
      const byName = new Map<string, yauzl.Entry>();
      zip.on('error', (zipError: Error) => reject(inputError({ file: label }, `corrupt zip archive (${zipError.message})`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) byName.set(entry.fileName, entry);
        if (byName.size > limits.maxEntries) {
          zip.close();
          return reject(inputError({ file: label }, `more than ${limits.maxEntries} entries in the archive`));
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve(zipInput(label, zip, byName, limits)));
      zip.readEntry();
    });
  });
}

function zipInput(label: string, zip: yauzl.ZipFile, byName: Map<string, yauzl.Entry>, limits: InputLimits): Input {
  let inflatedSoFar = 0;
  const where = (name: string) => ({ file: `${label}:${name}` });
  const entryOf = (name: string): yauzl.Entry => {
    const entry = byName.get(name);
    if (!entry) throw inputError(where(name), 'no such entry in the archive');
    if (entry.isEncrypted()) throw inputError(where(name), 'the entry is encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw inputError(where(name), `unsupported compression method ${entry.compressionMethod}`);
    return entry;
  };
  /** Streams `bytes` bytes of the entry, as stored (raw) or inflated. */
  const collect = (name: string, entry: yauzl.Entry, raw: boolean, bytes: number): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      zip.openReadStream(entry, raw ? { decodeFileData: false } : {}, (error, stream) => {
        if (error || !stream) return reject(inputError(where(name), `cannot read entry (${error?.message ?? 'unknown error'})`));
        const buffer = Buffer.allocUnsafe(bytes);
        let length = 0;
        stream.on('data', (chunk: Buffer) => {
          length += chunk.copy(buffer, length, 0, Math.min(chunk.length, buffer.length - length));
          if (length >= buffer.length) stream.destroy();
        });
        stream.on('error', (streamError: Error) => reject(inputError(where(name), `corrupt entry (${streamError.message})`)));
        stream.on('close', () => resolve(buffer.subarray(0, length)));
      });
    });
  return {
    label,
    container: 'zip',
    entries: [...byName.keys()].sort(),
    async read(name) {
      const entry = entryOf(name);
      const declared = entry.uncompressedSize;
      const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - inflatedSoFar);
      if (declared > cap) throw inputError(where(name), `entry inflates to ${declared} bytes, over the ${cap}-byte limit`, 'is this a zip bomb?');
      // The stored bytes are read whole and inflated in one call: an order of magnitude faster
      // than a stream of small chunks, and never more than the header declares. One output
      // chunk of the declared size spares zlib joining a hundred 1 MB chunks into a copy.
      const stored = await collect(name, entry, true, entry.compressedSize);
      let data = stored;
      if (entry.compressionMethod === 8) {
        try {
          data = inflateRawSync(stored, { maxOutputLength: Math.max(declared, 1), chunkSize: Math.max(declared, 64) });
        } catch (error) {
          throw inputError(where(name), `corrupt entry (${error instanceof RangeError ? 'it inflates beyond its declared size' : (error as Error).message})`);
        }
      }
      // A lying header is an error, not something to guess around.
      if (data.length !== declared) throw inputError(where(name), `corrupt entry (${data.length} bytes where the header says ${declared})`);
      inflatedSoFar += data.length;
      return data;
    },
    head: async (name, bytes = 4096) => {
      const entry = entryOf(name);
      return collect(name, entry, false, Math.min(bytes, entry.uncompressedSize));
    },
    describe: (entry) => `${label}:${entry}`,
    close: async () => zip.close(),
  };
}

/** Entries whose path ends with one of the given names, wherever an extra top folder put them. */
/**
 * A lone file read together with the files of the same export beside it (X's tweets-part1.js and
 * account.js beside tweets.js), as one folder-like input; names that are not there are left out.
 */
export async function withSiblings(input: Input, names: Iterable<string>): Promise<Input> {
  if (input.container !== 'file' || !input.beside) return input;
  const byEntry = new Map<string, Input>([[input.entries[0]!, input]]);
  for (const name of names) {
    if (byEntry.has(name)) continue;
    const sibling = await input.beside(name);
    if (sibling) byEntry.set(name, sibling);
  }
  if (byEntry.size === 1) return input;
  const of = (entry: string) => byEntry.get(entry) ?? input;
  return {
    label: input.label,
    container: 'folder',
    entries: [...byEntry.keys()].sort(),
    read: (entry) => of(entry).read(entry),
    head: (entry, bytes) => of(entry).head(entry, bytes),
    describe: (entry) => of(entry).describe(entry),
    close: async () => {
      for (const each of byEntry.values()) await each.close();
    },
  };
}

export function findEntries(input: Input, pattern: RegExp): string[] {
  return input.entries.filter((entry) => pattern.test(entry));
}
