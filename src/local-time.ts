/** Monday first, as the weekday × hour grids read. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface LocalSlot {
  /** 0 for Monday … 6 for Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  /** The local calendar day, as days since 1970-01-01: posts on the same local day share it. */
  day: number;
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
}

const DAY = 86_400_000;

/**
 * Weekday and hour of instants in one IANA time zone. Intl's formatToParts costs microseconds
 * a call, so the zone's offset is asked at the start and end of each UTC day and reused for
 * the whole day; on a day the offset changes (a DST switch) each instant is asked on its own.
 */
export function localClock(timeZone: string): (ms: number) => LocalSlot {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = newClock(timeZone)));
  return clock;
}

/** One clock per zone for the whole run: every rule and report that reads the time shares what it has looked up. */
const clocks = new Map<string, (ms: number) => LocalSlot>();

function newClock(timeZone: string): (ms: number) => LocalSlot {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (ms: number): number => {
    const part: Record<string, number> = {};
    for (const { type, value } of format.formatToParts(new Date(ms))) part[type] = Number(value);
    return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour! % 24, part.minute!, part.second!) - Math.floor(ms / 1000) * 1000;
  };
  const dayOffsets = new Map<number, number | undefined>();
  // The local date's text, once per local day: tens of thousands of posts fall on a few thousand days.
  const dates = new Map<number, string>();
  return (ms) => {
    const day = Math.floor(ms / DAY);
    if (!dayOffsets.has(day)) {
      const start = offsetAt(day * DAY);
      dayOffsets.set(day, start === offsetAt(day * DAY + DAY - 1000) ? start : undefined);
    }
    const localMs = ms + (dayOffsets.get(day) ?? offsetAt(ms));
    const localDay = Math.floor(localMs / DAY);
    let date = dates.get(localDay);
    if (date === undefined) dates.set(localDay, (date = new Date(localDay * DAY).toISOString().slice(0, 10)));
    const inDay = localMs - localDay * DAY;
    return { weekday: (((localDay + 3) % 7) + 7) % 7, hour: Math.floor(inDay / 3_600_000), minute: Math.floor(inDay / 60_000) % 60, day: localDay, date };
  };
}

function slotOf(instant: string | number, timeZone: string): LocalSlot {
  return localClock(timeZone)(typeof instant === 'number' ? instant : Date.parse(instant));
}

/** The local calendar date (YYYY-MM-DD) of an instant (ISO text or epoch milliseconds) in a time zone. */
export function localDate(instant: string | number, timeZone: string): string {
  return slotOf(instant, timeZone).date;
}

/** "2024-06-24 09:05 Europe/Amsterdam": an instant as a reader in that zone would write it. */
export function localStamp(iso: string, timeZone: string): string {
  const { date, hour, minute } = slotOf(iso, timeZone);
  return `${date} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${timeZone}`;
}

/** The months from the first to the last YYYY-MM, none skipped: a time axis must not jump over quiet months. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let key = first.slice(0, 7); key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

const localeFormats = new Map<string, Intl.DateTimeFormat>();

/** A date in the reader's locale (e.g. "Jun 24, 2024") and time zone. */
export function formatLocalDate(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = localeFormats.get(key);
  if (!format) localeFormats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' })));
  return format.format(new Date(iso));
}
