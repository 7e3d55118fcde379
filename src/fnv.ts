/**
 * FNV-1a, the one hash behind every id and fingerprint presence makes itself: tiny, stable
 * across versions and machines, and not for secrets. Changing any of these changes ids and
 * fingerprints that users keep (baselines, GitLab issues, Meta post ids).
 */

/** The 32-bit offset basis, for a caller that hashes as it reads (one `fnv32Step` per UTF-16 unit). */
export const FNV32_START = 0x811c9dc5;

/** One 32-bit step; small enough for the engine to inline into a per-character loop. */
export const fnv32Step = (hash: number, unit: number): number => Math.imul(hash ^ unit, 0x01000193);

/** 32-bit FNV-1a of the text's UTF-16 code units, as an unsigned number. */
export function fnv32(text: string): number {
  let hash = FNV32_START;
  for (let i = 0; i < text.length; i++) hash = fnv32Step(hash, text.charCodeAt(i));
  return hash >>> 0;
}

/** 64-bit FNV-1a of the text's UTF-8 bytes as 16 hex digits: plenty for telling findings apart. */
export function fnv64Hex(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}
