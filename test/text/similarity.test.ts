import { describe, expect, test } from 'vitest';
import { clusterSimilar, fingerprint, jaccard, wordHashes } from '../../src/text/similarity.js';

const print = fingerprint;

describe('near-duplicate clustering', () => {
  test('near-identical texts share a cluster; different texts do not', () => {
    const texts = [
      'Meet Aurora: our new desk lamp dims all the way down to candlelight.',
      'Meet Aurora: our new desk lamp dims all the way down to candlelight!',
      'Why we spent two years on a dimmer: the engineering story behind Aurora.',
      'Meet Aurora — our new desk lamp dims all the way down to candlelight 🕯️',
    ];
    const clusters = clusterSimilar(texts, print, 0.8);
    expect(clusters).toEqual([[texts[0], texts[1], texts[3]]]);
  });

  test('a time window keeps far-apart copies apart', () => {
    const at = (...times: number[]) => times.map((time) => ({ t: 'the same words posted twice over', at: time }));
    const window = { timeOf: (i: { at: number }) => i.at, within: 5 };
    expect(clusterSimilar(at(0, 10), (i) => print(i.t), 0.8, window)).toEqual([]);
    expect(clusterSimilar(at(0, 10, 12, 30), (i) => print(i.t), 0.8, window).map((c) => c.map((i) => i.at))).toEqual([[10, 12]]);
    // Copies in a chain, each within the window of the next, form one group.
    expect(clusterSimilar(at(0, 4, 8, 12), (i) => print(i.t), 0.8, window)).toHaveLength(1);
  });

  test('words compare without case, punctuation or compatibility forms', () => {
    expect(wordHashes('Meet AURORA, the lamp!')).toEqual(wordHashes('meet aurora — the lamp'));
    expect(wordHashes('ｆｕｌｌ width')).toEqual(wordHashes('full width'));
    expect(wordHashes('café naïve 東京 𝐛𝐨𝐥𝐝')).toEqual(wordHashes('CAFÉ NAÏVE 東京 bold'));
    expect(wordHashes('one-two three’s')).toHaveLength(4);
    expect(wordHashes('🕯️ !!! …')).toEqual([]);
    expect(new Set(wordHashes('lamp lamps lamp')).size).toBe(2);
  });

  test('jaccard of shingle sets', () => {
    expect(jaccard(print('one two three four').shingles, print('one two three four').shingles)).toBe(1);
    expect(jaccard(print('one two three four').shingles, print('five six seven eight').shingles)).toBe(0);
  });

  test('bands meet as often as MinHash theory says: nearly always at Jaccard 0.8, rarely below 0.3', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    const word = () => vocabulary[Math.floor(random() * vocabulary.length)]!;
    const similar = { pairs: 0, met: 0 };
    const different = { pairs: 0, met: 0 };
    for (let n = 0; n < 4000; n++) {
      // A post of 6 to 35 words and a copy with up to five words changed.
      const a = Array.from({ length: 6 + Math.floor(random() * 30) }, word);
      const b = [...a];
      for (let edits = Math.floor(random() * 6); edits > 0; edits--) b[Math.floor(random() * b.length)] = word();
      const [pa, pb] = [print(a.join(' ')), print(b.join(' '))];
      const similarity = jaccard(pa.shingles, pb.shingles);
      const tally = similarity >= 0.8 ? similar : similarity < 0.3 ? different : undefined;
      if (!tally) continue;
      tally.pairs++;
      if (pa.bands.some((band) => pb.bands.includes(band))) tally.met++;
    }
    expect(similar.pairs).toBeGreaterThan(800);
    expect(different.pairs).toBeGreaterThan(300);
    // Theory: 1 − (1 − J⁴)⁸ is 0.985 at J = 0.8 and 0.06 at J = 0.3.
    expect(similar.met / similar.pairs).toBeGreaterThan(0.98);
    expect(different.met / different.pairs).toBeLessThan(0.03);
  });

  test('ten thousand distinct posts and a block of copies: linear, finds exactly the copies', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `post number ${i} says ${i * 7919} distinct things about lamp ${i % 97}`);
    for (let i = 0; i < 50; i++) items.push('Spring sale on every Aurora lamp this weekend only');
    const clusters = clusterSimilar(items, print, 0.8);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toHaveLength(50);
  });
});
