import { describe, expect, it } from 'vitest';
import { FNV32_START, fnv32, fnv32Step, fnv64Hex } from '../src/fnv.js';

// The published FNV-1a test vectors: ids and fingerprints users keep depend on these staying put.
describe('fnv32', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j', (text, hash) => expect(fnv32(text)).toBe(hash));

  it('hashes UTF-16 code units, so a caller stepping through a string gets the same hash', () => {
    const text = 'café 🐦';
    let hash = FNV32_START;
    for (let i = 0; i < text.length; i++) hash = fnv32Step(hash, text.charCodeAt(i));
    expect(hash >>> 0).toBe(fnv32(text));
    expect(fnv32('é')).toBe(Math.imul(FNV32_START ^ 0xe9, 0x01000193) >>> 0);
  });
});

describe('fnv64Hex', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j', (text, hash) => expect(fnv64Hex(text)).toBe(hash));

  it('hashes UTF-8 bytes: é is the two bytes c3 a9', () => {
    let hash = 0xcbf29ce484222325n;
    for (const byte of [0xc3, 0xa9]) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
    expect(fnv64Hex('é')).toBe(hash.toString(16).padStart(16, '0'));
  });
});
