/**
 * Flesch reading ease, pooled over many posts (a single post is too short for stable ratios):
 * 206.835 − 1.015 × words/sentences − 84.6 × syllables/words. 60–69 is plain English.
 */
export function fleschReadingEase(words: number, sentences: number, syllables: number): number {
  return 206.835 - 1.015 * (words / Math.max(1, sentences)) - 84.6 * (syllables / Math.max(1, words));
}

/** Syllables in an English word, by vowel groups with the usual silent-e and -le corrections. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1;
  return Math.max(1, groups + (/[^aeiouy]le$/.test(w) ? 1 : 0));
}

/** Sentences in prose: runs ending in . ! ? (or the end of the text). */
export function sentenceCount(prose: string): number {
  return Math.max(1, (prose.match(/[^.!?。！？]+[.!?。！？]+/g) ?? []).length + (/[^.!?。！？\s]\s*$/.test(prose) ? 1 : 0));
}
