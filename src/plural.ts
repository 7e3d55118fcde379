/** "1 post", "2 posts", "0 posts": a count with its noun agreeing, for every message and report. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * A count before a noun phrase that may run on after its noun: "3 copies of a share posted to a
 * group", "2 direct messages". The noun is the word before the first " of ", else the last word.
 */
export function countPhrase(n: number, phrase: string): string {
  if (n === 1) return `1 ${phrase}`;
  const of = phrase.indexOf(' of ');
  const nounEnd = of === -1 ? phrase.length : of;
  return `${n} ${pluralOf(phrase.slice(0, nounEnd))}${phrase.slice(nounEnd)}`;
}

function pluralOf(words: string): string {
  if (/[^aeiou]y$/i.test(words)) return `${words.slice(0, -1)}ies`;
  return /(?:s|x|ch|sh)$/i.test(words) ? `${words}es` : `${words}s`;
}
