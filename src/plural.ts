/**
 * "1 post", "2 posts", "3 copies of a share posted to a group": a count with its noun agreeing,
 * for every message and report. In a phrase the noun is the word before the first " of ", else
 * the last word; an irregular plural is given.
 */
export function count(n: number, noun: string, plural = pluralOf(noun)): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function pluralOf(phrase: string): string {
  const of = phrase.indexOf(' of ');
  const end = of === -1 ? phrase.length : of;
  const noun = phrase.slice(0, end);
  const plural = /[^aeiou]y$/i.test(noun) ? `${noun.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/i.test(noun) ? `${noun}es` : `${noun}s`;
  return plural + phrase.slice(end);
}
