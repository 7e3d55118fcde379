/** Monday first, as the weekday × hour grids read. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface LocalSlot {
  /** 0 for Monday … 6 for Sunday. */
  weekday: number;
  hour: number;
  /** The local calendar day, as days since 1970-01-01: posts on the same local day share it. */
  day: number;
}

const DAY = 86_400_000;

/**
 * Weekday and hour of instants in one IANA time zone. Intl's formatToParts costs microseconds
 * a call, so the zone's offset is asked at the start and end of each UTC day and reused for
 * the whole day; on a day the offset changes (a DST switch) each instant is asked on its own.
 */
export function localClock(timeZone: string): (ms: number) => LocalSlot {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const offsetAt = (ms: number): number => {
    const part: Record<string, number> = {};
    for (const { type, value } of format.formatToParts(new Date(ms))) part[type] = Number(value);
    return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour! % 24, part.minute!, part.second!) - Math.floor(ms / 1000) * 1000;
  };
  const dayOffsets = new Map<number, number | undefined>();
  return (ms) => {
    const day = Math.floor(ms / DAY);
    if (!dayOffsets.has(day)) {
      const start = offsetAt(day * DAY);
      dayOffsets.set(day, start === offsetAt(day * DAY + DAY - 1000) ? start : undefined);
    }
    const localMs = ms + (dayOffsets.get(day) ?? offsetAt(ms));
    const local = new Date(localMs);
    return { weekday: (local.getUTCDay() + 6) % 7, hour: local.getUTCHours(), day: Math.floor(localMs / DAY) };
  };
}
