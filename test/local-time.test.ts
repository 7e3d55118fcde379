import { describe, expect, test } from 'vitest';
import { formatLocalDate, localClock, localDate, localStamp, monthsBetween, WEEKDAYS } from '../src/local-time.js';

/** What Intl says, one call per instant: the slow, plainly right answer. */
const formats = new Map<string, Intl.DateTimeFormat>();
function expected(ms: number, timeZone: string) {
  if (!formats.has(timeZone))
    formats.set(
      timeZone,
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      }),
    );
  const parts = formats.get(timeZone)!.formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    weekday: WEEKDAYS.indexOf(part('weekday') as (typeof WEEKDAYS)[number]),
    hour: Number(part('hour')) % 24,
    minute: Number(part('minute')),
    day: Date.UTC(Number(part('year')), Number(part('month')) - 1, Number(part('day'))) / 86_400_000,
    date: `${part('year')}-${part('month').padStart(2, '0')}-${part('day').padStart(2, '0')}`,
  };
}

describe('local weekday, hour and calendar day', () => {
  // Zones with DST switches at odd UTC hours, half- and quarter-hour offsets, a 30-minute DST
  // change (Lord Howe) and a zone that skipped a whole day (Apia, end of 2011).
  const zones = [
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'America/St_Johns',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Adelaide',
    'Australia/Lord_Howe',
    'Pacific/Apia',
  ];

  test.each(zones)('agrees with Intl every 7 minutes through DST switches in %s', (zone) => {
    const clock = localClock(zone);
    const windows = [
      Date.UTC(2024, 2, 9),
      Date.UTC(2024, 2, 30),
      Date.UTC(2024, 3, 6),
      Date.UTC(2024, 9, 5),
      Date.UTC(2024, 9, 26),
      Date.UTC(2024, 10, 2),
      Date.UTC(2011, 11, 28),
    ];
    for (const start of windows) {
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000 + 13_000)
        expect(clock(ms), `${zone} ${new Date(ms).toISOString()}`).toEqual(expected(ms, zone));
    }
  });

  test('Monday is 0 and Sunday 6', () => {
    const clock = localClock('UTC');
    expect(clock(Date.UTC(2024, 6, 1, 9))).toMatchObject({ weekday: 0, hour: 9 });
    expect(clock(Date.UTC(2024, 6, 7, 23, 59))).toMatchObject({ weekday: 6, hour: 23 });
  });

  test('dates and stamps read in the zone: 01:42 UTC is the evening before in Buenos Aires', () => {
    expect(localDate('2024-06-25T01:42:00.000Z', 'UTC')).toBe('2024-06-25');
    expect(localDate('2024-06-25T01:42:00.000Z', 'America/Argentina/Buenos_Aires')).toBe('2024-06-24');
    expect(localStamp('2024-06-25T01:42:00.000Z', 'America/Argentina/Buenos_Aires')).toBe('2024-06-24 22:42 America/Argentina/Buenos_Aires');
    expect(formatLocalDate('2024-06-25T01:42:00.000Z', 'en-US', 'Asia/Tokyo')).toBe('Jun 25, 2024');
    expect(formatLocalDate('2024-06-25T01:42:00.000Z', 'en-US', 'America/Los_Angeles')).toBe('Jun 24, 2024');
  });

  test('months between two months, none skipped, across a year end', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
    expect(monthsBetween('2024-05', '2024-04')).toEqual([]);
  });
});
