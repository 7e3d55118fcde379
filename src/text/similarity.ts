/**
 * Near-duplicate detection without comparing every pair: word 3-shingles, MinHash
 * signatures and LSH banding put similar texts in a shared bucket; only posts that share a
 * bucket are compared exactly. With 8 bands of 4 rows, two texts with Jaccard 0.8 meet in
 * a bucket with probability 1 − (1 − 0.8⁴)⁸ ≈ 0.985, and texts below 0.4 rarely do.
 */

const HASHES = 32;
const ROWS = 4;
const SEEDS = Array.from({ length: HASHES }, (_, i) => Math.imul(0x9e3779b1, i + 1) >>> 0);

export interface Fingerprint {
  /** Hashed word 3-shingles, sorted and distinct. */
  shingles: Uint32Array;
  /** Band keys (band index and its rows hashed together): two texts sharing one are candidates. */
  bands: number[];
}

export function normalizeForComparison(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function fingerprint(words: readonly string[]): Fingerprint {
  const shingles = new Set<number>();
  if (words.length < 3) shingles.add(hashString(words.join(' ')));
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(hashString(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  const minimums = new Array<number>(HASHES).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let h = 0; h < HASHES; h++) {
      const value = mix(shingle ^ SEEDS[h]!);
      if (value < minimums[h]!) minimums[h] = value;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < HASHES / ROWS; b++) {
    let key = mix(b + 1);
    for (let r = 0; r < ROWS; r++) key = mix(key ^ minimums[b * ROWS + r]!);
    bands.push(key);
  }
  return { shingles: Uint32Array.from(shingles).sort(), bands };
}

/** Jaccard similarity of two sorted shingle arrays, by merging them. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
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
 * Groups items whose fingerprints are at least `threshold` similar and that `compatible`
 * allows together (e.g. within 24 hours). Linear in the number of items for ordinary data.
 */
export function clusterSimilar<T>(
  items: readonly T[],
  fingerprintOf: (item: T) => Fingerprint,
  threshold: number,
  compatible: (a: T, b: T) => boolean,
): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const prints = items.map(fingerprintOf);
  const buckets = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    for (const band of prints[i]!.bands) {
      const members = buckets.get(band);
      if (!members) {
        buckets.set(band, [i]);
        continue;
      }
      // Compare with a bounded number of earlier members: a huge bucket of copies stays linear.
      for (let k = members.length - 1; k >= Math.max(0, members.length - 8); k--) {
        const j = members[k]!;
        if (find(i) === find(j)) break;
        if (compatible(items[i]!, items[j]!) && jaccard(prints[i]!.shingles, prints[j]!.shingles) >= threshold) {
          parent[find(i)] = find(j);
          break;
        }
      }
      members.push(i);
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

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
