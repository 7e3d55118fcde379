/**
 * Near-duplicate detection without comparing every pair: word 3-shingles, MinHash
 * signatures and LSH banding put similar texts in a shared bucket; only posts that share a
 * bucket are compared exactly. With 8 bands of 4 rows, two texts with Jaccard 0.8 meet in
 * a bucket with probability about 1 − (1 − 0.8⁴)⁸ ≈ 0.985, and texts below 0.4 rarely do.
 *
 * The signature is a one-permutation MinHash (Li, Owen and Zhang, 2012): each shingle's hash
 * falls in one of 32 bins by its top bits and each bin keeps its minimum, one hash per shingle
 * instead of 32. A post has fewer shingles than bins, so an empty bin borrows the minimum of
 * the first filled bin in its own fixed random order ("optimal densification", Shrivastava,
 * 2017): two texts still agree on a bin with probability equal to their Jaccard similarity.
 */

import { FNV32_START, fnv32Step } from '../fnv.js';
import { COMPARED_WORD_CHARS } from './unicode.js';

const BINS = 32;
const ROWS = 4;
const BIN_SHIFT = 32 - Math.log2(BINS);
/** For each bin, the other bins in a fixed random order: where an empty bin looks for a minimum. */
const PROBES = Uint8Array.from({ length: BINS * BINS }, (_, i) => i % BINS);
for (let bin = 0; bin < BINS; bin++) {
  const order = PROBES.subarray(bin * BINS, (bin + 1) * BINS);
  for (let i = BINS - 1; i > 0; i--) {
    const j = mix(bin * BINS + i) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

export interface Fingerprint {
  /** Words in the compared text: texts too short to call copies are left out by the rules. */
  words: number;
  /** Hashed word 3-shingles, sorted and distinct. */
  shingles: Uint32Array;
  /** Band keys (band index and its rows hashed together): two texts sharing one are candidates. */
  bands: Uint32Array;
}

const ASCII = /^[\u0000-\u007f]*$/;

/**
 * Hashes of the text's words: lower-cased, NFKC-normalised (so full-width and styled letters
 * compare equal), split at anything that is not a letter or digit. Hashed as they are read,
 * so no word string is ever built.
 */
export function wordHashes(text: string): number[] {
  const lower = text.toLowerCase();
  const normal = ASCII.test(lower) ? lower : lower.normalize('NFKC');
  const hashes: number[] = [];
  let hash = FNV32_START;
  let inWord = false;
  for (let i = 0; i < normal.length; i++) {
    const code = normal.charCodeAt(i);
    // A surrogate pair is one character: look at both halves together.
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const isWordChar = code < 0x80 ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) : COMPARED_WORD_CHARS.test(normal.slice(i, i + width));
    if (isWordChar) {
      for (let k = 0; k < width; k++) hash = fnv32Step(hash, normal.charCodeAt(i + k));
      inWord = true;
    } else if (inWord) {
      hashes.push(hash >>> 0);
      hash = FNV32_START;
      inWord = false;
    }
    i += width - 1;
  }
  if (inWord) hashes.push(hash >>> 0);
  return hashes;
}

/** Scratch space reused by every call: a large audit would otherwise allocate three arrays per post. */
let scratch = new Uint32Array(256);
const minimums = new Uint32Array(BINS);

export function fingerprint(text: string): Fingerprint {
  const words = wordHashes(text);
  // Shingles of three words in order; a text under three words is one shingle of what it has.
  const count = Math.max(1, words.length - 2);
  if (scratch.length < count) scratch = new Uint32Array(count * 2);
  if (words.length < 3) scratch[0] = words.reduce((hash, word) => mix(hash ^ word), 0x2545f491);
  else for (let i = 0; i < count; i++) scratch[i] = mix(mix(mix(words[i]!) ^ words[i + 1]!) ^ words[i + 2]!);
  let filled = 0;
  for (let i = 0; i < count; i++) {
    const shingle = scratch[i]!;
    const bin = shingle >>> BIN_SHIFT;
    const bit = 1 << bin;
    if ((filled & bit) === 0 || shingle < minimums[bin]!) minimums[bin] = shingle;
    filled |= bit;
  }
  const bands = new Uint32Array(BINS / ROWS);
  for (let b = 0; b < bands.length; b++) {
    let key = mix(b + 1);
    for (let r = 0; r < ROWS; r++) key = mix(key ^ minimumOf(b * ROWS + r, filled));
    bands[b] = key;
  }
  return { words: words.length, shingles: distinctSorted(scratch, count), bands };
}

/** The bin's minimum, or, for an empty bin, that of the first filled bin in its probe order. */
function minimumOf(bin: number, filled: number): number {
  if (filled & (1 << bin)) return minimums[bin]!;
  for (let k = bin * BINS; ; k++) if (filled & (1 << PROBES[k]!)) return minimums[PROBES[k]!]!;
}

/** The distinct values of the first `count` values, sorted, as a new array. */
function distinctSorted(values: Uint32Array, count: number): Uint32Array {
  // Posts have tens of shingles: an insertion sort beats the built-in's set-up cost there.
  if (count <= 64) {
    for (let i = 1; i < count; i++) {
      const value = values[i]!;
      let j = i - 1;
      for (; j >= 0 && values[j]! > value; j--) values[j + 1] = values[j]!;
      values[j + 1] = value;
    }
  } else values.subarray(0, count).sort();
  let length = 0;
  for (let i = 0; i < count; i++) if (i === 0 || values[i] !== values[i - 1]) values[length++] = values[i]!;
  return values.slice(0, length);
}

/** Jaccard similarity of two sorted shingle arrays, by merging them. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * Groups items whose fingerprints are at least `threshold` similar, and, with a `window`, no
 * further apart in time than `within` (items then come in time order). Linear in the number
 * of items for ordinary data.
 */
export function clusterSimilar<T>(
  items: readonly T[],
  fingerprintOf: (item: T) => Fingerprint,
  threshold: number,
  window?: { timeOf: (item: T) => number; within: number },
): T[][] {
  const parent = Int32Array.from(items, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const prints = items.map(fingerprintOf);
  const times = window ? Float64Array.from(items, window.timeOf) : undefined;
  const within = window?.within ?? Infinity;
  const bandCount = BINS / ROWS;
  // Each bucket is a chain through the slots (item × band) that fell in it, newest first:
  // typed arrays instead of hundreds of thousands of small lists.
  const newest = new NewestSlot(items.length * bandCount);
  const previous = new Int32Array(items.length * bandCount);
  for (let i = 0; i < items.length; i++) {
    const { bands, shingles } = prints[i]!;
    for (let b = 0; b < bandCount; b++) {
      const slot = i * bandCount + b;
      const head = newest.swap(bands[b]!, slot);
      previous[slot] = head;
      // Compare with a bounded number of earlier members: a huge bucket of copies stays linear.
      for (let k = 0, at = head; k < 8 && at !== -1; k++, at = previous[at]!) {
        const j = Math.floor(at / bandCount);
        // The chain runs back in time: once one member is too old, so are the rest.
        if (times && times[i]! - times[j]! > within) break;
        if (find(i) === find(j)) break;
        if (jaccard(shingles, prints[j]!.shingles) >= threshold) {
          parent[find(i)] = find(j);
          break;
        }
      }
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const group = groups.get(find(i));
    if (group) group.push(item);
    else groups.set(find(i), [item]);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * Band key → the newest slot in its bucket, by open addressing over typed arrays: the keys
 * are already well mixed, and a Map of a million number keys costs several times more.
 */
class NewestSlot {
  readonly #keys: Uint32Array;
  readonly #slots: Int32Array;
  readonly #mask: number;

  constructor(entries: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, entries * 2)));
    this.#keys = new Uint32Array(size);
    this.#slots = new Int32Array(size).fill(-1);
    this.#mask = size - 1;
  }

  /** Makes `slot` the newest for `key`; returns the one it replaces, or -1. */
  swap(key: number, slot: number): number {
    let at = key & this.#mask;
    while (this.#slots[at] !== -1 && this.#keys[at] !== key) at = (at + 1) & this.#mask;
    const before = this.#slots[at]!;
    this.#keys[at] = key;
    this.#slots[at] = slot;
    return before;
  }
}

function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
