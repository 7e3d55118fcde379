/** "1 post", "2 posts", "0 posts": a count with its noun agreeing, for every message and report. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
