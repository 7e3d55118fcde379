import type { CarBufferReader } from '@ipld/car/buffer-reader';
import { inputError } from '../../errors.js';
import { lazy, lazyImport } from '../../lazy.js';
import { FeedViewPost, postFromFeedViewPost } from './bluesky-feed-json.js';
import { LoadCollector, type FileSource } from '../source.js';

interface Cid {
  toString(): string;
}

interface MstNode {
  l: Cid | null;
  e: { p: number; k: Uint8Array; v: Cid; t: Cid | null }[];
}

const CAR_V1 = /\.car$/i;
const cbor = lazy<typeof import('@ipld/dag-cbor')>('@ipld/dag-cbor');
// Only this format needs the CAR reader, published as an ES module alone: it loads when a .car file is read.
const carReader = lazyImport(() => import('@ipld/car/buffer-reader'));

/**
 * A Bluesky repository export (`.car`, from Settings › Export my data): the commit names the
 * repository's DID and the root of its Merkle search tree, whose keys (`collection/rkey`) lead to
 * every record. Posts and reposts become Posts; the handle is not in the file, so the DID stands in.
 */
export const blueskyCar: FileSource = {
  id: 'bluesky-car',
  description: 'Bluesky repository export (.car)',
  async detect(input) {
    return input.container === 'file' && CAR_V1.test(input.entries[0]!);
  },
  async load(input, options) {
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    const { CarBufferReader } = await carReader();
    let reader: CarBufferReader;
    let commit: { did?: string; data?: Cid };
    try {
      reader = CarBufferReader.fromBytes(new Uint8Array(await input.read(entry)));
      const root = reader.getRoots()[0];
      commit = root ? (cbor().decode(reader.get(root as never)!.bytes) as typeof commit) : {};
    } catch (error) {
      throw inputError({ file }, `not a readable CAR repository export (${(error as Error).message})`);
    }
    if (!commit.did || !commit.data) throw inputError({ file }, 'expected a repository commit with did and data');
    const did = commit.did;
    const collector = new LoadCollector(options);
    collector.account = did;
    let record = 0;
    let keys: [string, Cid][];
    try {
      keys = [...walk(reader, commit.data, file)];
    } catch (error) {
      if (error instanceof Error && error.name === 'PresenceError') throw error;
      throw inputError({ file }, `corrupt repository tree (${(error as Error).message})`);
    }
    for (const [key, cid] of keys) {
      const [collection, rkey] = key.split('/');
      if (collection !== 'app.bsky.feed.post' && collection !== 'app.bsky.feed.repost') continue;
      record++;
      let value: Record<string, unknown> | undefined;
      try {
        value = decodeBlock(reader, cid) as Record<string, unknown> | undefined;
      } catch {
        value = undefined;
      }
      const where = { file, record };
      if (!value) {
        collector.skip(where, 'the record is missing from the archive');
        continue;
      }
      const item = collector.parse(FeedViewPost, toFeedItem(did, collection, rkey!, value), where);
      if (item) collector.add(postFromFeedViewPost(item, did, where));
    }
    return collector.result();
  },
};

function decodeBlock(reader: CarBufferReader, cid: Cid): unknown {
  const block = reader.get(cid as never);
  return block ? cbor().decode(block.bytes) : undefined;
}

/** In-order walk of the Merkle search tree: keys are stored as a shared prefix length and a suffix. */
function* walk(reader: CarBufferReader, cid: Cid, file: string, depth = 0): Generator<[string, Cid]> {
  if (depth > 64) throw inputError({ file }, 'the repository tree is nested too deeply');
  const node = decodeBlock(reader, cid) as MstNode | undefined;
  if (!node || !Array.isArray(node.e)) return;
  if (node.l) yield* walk(reader, node.l, file, depth + 1);
  let key = '';
  for (const entry of node.e) {
    key = key.slice(0, entry.p) + new TextDecoder().decode(entry.k);
    yield [key, entry.v];
    if (entry.t) yield* walk(reader, entry.t, file, depth + 1);
  }
}

/** The DID in `at://<did>/<collection>/<rkey>`. */
function didOf(uri: unknown): string | undefined {
  return typeof uri === 'string' ? uri.split('/')[2] : undefined;
}

/**
 * A repository record in the shape of an author-feed item, so one converter serves both; the
 * record's fields are checked by FeedViewPost like a feed's, whatever the CBOR held.
 */
function toFeedItem(did: string, collection: string, rkey: string, value: Record<string, unknown>): unknown {
  if (collection === 'app.bsky.feed.repost') {
    const subject = (value.subject as { uri?: unknown } | undefined)?.uri;
    return {
      post: { uri: subject, author: { did: didOf(subject) }, record: { text: '', createdAt: value.createdAt } },
      reason: { $type: 'app.bsky.feed.defs#reasonRepost', indexedAt: value.createdAt },
    };
  }
  const parent = didOf((value.reply as { parent?: { uri?: unknown } } | undefined)?.parent?.uri);
  return {
    post: { uri: `at://${did}/${collection}/${rkey}`, author: { did, handle: did }, record: value },
    ...(parent && { reply: { parent: { author: { handle: parent } } } }),
  };
}
