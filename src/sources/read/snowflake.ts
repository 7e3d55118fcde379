// X's Snowflake ids: the time a tweet was made sits in the id's upper bits, so an id alone says when,
// and ids of the same width order as their times do.

const TWITTER_EPOCH = 1288834974657n;
/** Ids before Snowflake (November 2010) were sequential, below about 3×10^10, and carry no time. */
const LAST_SEQUENTIAL_ID = 30_000_000_000n;

/** When the tweet with this id was published, as ISO time; undefined for a pre-Snowflake or malformed id. */
export function snowflakeTime(id: string): string | undefined {
  if (!/^\d{1,20}$/.test(id)) return undefined;
  const value = BigInt(id);
  return value <= LAST_SEQUENTIAL_ID ? undefined : new Date(Number((value >> 22n) + TWITTER_EPOCH)).toISOString();
}

/** Whether id `a` was made after id `b`: as decimal strings without leading zeros, a longer one is the later. */
export function isLaterSnowflake(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}
