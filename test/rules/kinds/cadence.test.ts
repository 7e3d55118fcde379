import { describe, expect, test } from 'vitest';
import type { AccountCheck } from '../../../src/rules/kinds/define-kind.js';
import { compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

const at = (...times: string[]) => times.map((t) => facts({ createdAt: `2024-05-${t}:00.000Z` }));

describe('cadence', () => {
  const window = { now: 0, auditedAt: 0, platform: 'x' as const, timeZone: 'UTC' };
  test.each([
    [
      'a burst of five within an hour',
      { mode: 'burst', max: 3, within: '60m' },
      at('14T09:00', '14T09:10', '14T09:20', '14T09:30', '14T09:40'),
      { times: 1, largest: 5, limit: 3 },
    ],
    // Posts every 15 minutes for three hours chain overlapping windows into one burst; no hour holds more than 5.
    [
      'a chain of overlapping windows: one burst, its peak the fullest hour',
      { mode: 'burst', max: 3, within: '60m' },
      at(
        '14T09:00',
        '14T09:15',
        '14T09:30',
        '14T09:45',
        '14T10:00',
        '14T10:15',
        '14T10:30',
        '14T10:45',
        '14T11:00',
        '14T11:15',
        '14T11:30',
        '14T11:45',
        '14T12:00',
      ),
      { times: 1, largest: 5, limit: 3 },
    ],
    ['two separate bursts', { mode: 'burst', max: 1, within: '60m' }, at('14T09:00', '14T09:10', '15T09:00', '15T09:05'), { times: 2, largest: 2, limit: 1 }],
    ['a crowded day', { mode: 'daily', max: { x: 2 } }, at('14T08:00', '14T12:00', '14T20:00', '15T09:00'), { times: 1, largest: 3, limit: 2 }],
    [
      'a long silence',
      { mode: 'silence', gap: '30d' },
      [...at('01T09:00'), facts({ createdAt: '2024-07-15T09:00:00.000Z' })],
      { gaps: 1, longest: 75, limit: 30 },
    ],
  ])('%s', (_label, params, posts, data) => {
    const result = (compileKind('cadence', params) as AccountCheck)(posts, window);
    expect(result.hits.map((h) => h.data)).toEqual([data]);
  });

  test('a steady rhythm passes', () => {
    const result = (compileKind('cadence', { mode: 'burst', max: 3, within: '60m' }) as AccountCheck)(
      at('14T09:00', '14T11:00', '14T13:00', '14T15:00'),
      window,
    );
    expect(result.hits).toEqual([]);
    expect(result.pass).toMatchObject({ limit: 3, times: 0 });
  });

  // A real account had 200 posts in four days, nearly all replies and its own thread's parts: "fewer than two posts" alone read as a bug.
  test('a self-thread is one post to time, and the reason says so when it leaves fewer than two', () => {
    const thread = at('14T09:00', '14T09:01', '14T09:02').map((f, i) => (i === 0 ? f : facts({ ...f.post, kind: 'reply', replyTo: { isOwn: true } })));
    const result = (compileKind('cadence', { mode: 'burst', max: 1, within: '60m' }) as AccountCheck)(thread, window);
    expect(result.hits).toEqual([]);
    expect(result.notEvaluated).toBe('fewer than two posts of the kinds it times in the window (a self-thread counts once)');
  });

  // On a real archive a thread continued 60 days after its start still read as part of a 71-day silence.
  test("a thread's next part written weeks later ends a silence, and is the newest post an export shows", () => {
    const start = facts({ createdAt: '2024-05-01T09:00:00.000Z' });
    const later = facts({ createdAt: '2024-06-30T09:00:00.000Z', replyTo: { isOwn: true, id: start.post.id } });
    const end = facts({ createdAt: '2024-07-20T09:00:00.000Z' });
    const silence = (compileKind('cadence', { mode: 'silence', gap: '45d' }) as AccountCheck)([start, later, end], window);
    expect(silence.hits).toEqual([{ data: { gaps: 1, longest: 60, limit: 45 }, postIds: [later.post.id] }]);
    const exportedAt = Date.parse('2024-07-01T09:00:00.000Z');
    const dormant = (compileKind('cadence', { mode: 'dormant', gap: '30d' }) as AccountCheck)([start, later], { ...window, exportedAt });
    expect(dormant.hits).toEqual([]);
  });

  test('min-times is a yearly rate: three busy days in three years are no habit, nine are', () => {
    const busyDay = (day: string) => ['09:00', '10:00', '11:00'].map((t) => facts({ createdAt: `${day}T${t}:00.000Z` }));
    const check = (days: string[]) => (compileKind('cadence', { mode: 'daily', max: { x: 2 }, 'min-times': 3 }) as AccountCheck)(days.flatMap(busyDay), window);
    const yearly = ['2021-03-14', '2022-06-01', '2024-03-14'];
    expect(check(yearly).hits).toEqual([]);
    expect(check(yearly).pass).toMatchObject({ times: 3 });
    const often = ['2021-03-14', '2021-04-01', '2021-09-09', '2022-02-02', '2022-06-01', '2023-01-05', '2023-07-07', '2023-11-11', '2024-03-14'];
    expect(check(often).hits.map((h) => h.data)).toEqual([{ times: 9, largest: 3, limit: 2 }]);
  });

  test('a platform without a limit is not evaluated', () => {
    const result = (compileKind('cadence', { mode: 'daily', max: { instagram: 1 } }) as AccountCheck)(at('14T09:00', '14T10:00'), window);
    expect(result.notEvaluated).toMatch(/no limit/);
  });

  test('days are calendar days in the audit’s time zone: 01:42 UTC is the evening before in Buenos Aires', () => {
    const check = compileKind('cadence', { mode: 'daily', max: { x: 2 } }) as AccountCheck;
    const posts = at('14T12:00', '14T18:00', '15T01:42');
    expect(check(posts, { ...window, timeZone: 'UTC' }).hits).toEqual([]);
    expect(check(posts, { ...window, timeZone: 'America/Argentina/Buenos_Aires' }).hits[0]!.data).toMatchObject({ largest: 3 });
  });
});
