import { describe, expect, test } from 'vitest';
import type { AccountCheck } from '../../../src/rules/kinds/define-kind.js';
import { delayText } from '../../../src/rules/kinds/response-time.js';
import { accountWindow, compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

const window = (now = Date.parse('2024-07-01T00:00:00Z'), timeZone = 'UTC') => accountWindow({ now, timeZone });
const reply = (id: string, parentId: string, parentAt: string, at: string) =>
  facts({ id, kind: 'reply', createdAt: at, replyTo: { id: parentId, isOwn: false, createdAt: parentAt } });

describe('response-time', () => {
  const check = compileKind('response-time', { 'max-median': '24h', 'min-replies': 3 }) as AccountCheck;

  test.each([
    ['slow answers', ['2024-05-01T09:00:00Z', '2024-05-02T12:00:00Z'], 27, { median: 27, medianDelay: '27 hours', p90: 27, replies: 3, limit: 24 }],
    ['quick answers pass', ['2024-05-01T09:00:00Z', '2024-05-01T10:30:00Z'], undefined, undefined],
  ] as const)('%s', (_label, [parentAt, at], expectedMedian, data) => {
    const posts = ['a', 'b', 'c'].map((p, i) => reply(`r${i}`, p, parentAt, at));
    const result = check(posts, window());
    if (expectedMedian === undefined) expect(result.pass).toMatchObject({ median: 1.5 });
    else expect(result.hits[0]!.data).toEqual(data);
  });

  test('only the first reply to each post counts; late thread bumps and unknown parent times are ignored', () => {
    const posts = [
      reply('r1', 'p1', '2024-05-01T09:00:00Z', '2024-05-01T10:00:00Z'),
      reply('r2', 'p1', '2024-05-01T09:00:00Z', '2024-05-05T10:00:00Z'),
      reply('r3', 'p2', '2024-05-01T09:00:00Z', '2024-05-01T11:00:00Z'),
      reply('r4', 'p3', '2024-04-01T09:00:00Z', '2024-05-01T11:00:00Z'),
      reply('r5', 'p4', '2024-05-01T09:00:00Z', '2024-05-01T12:00:00Z'),
      facts({ id: 'r6', kind: 'reply', replyTo: { isOwn: false, id: 'p5' } }),
    ];
    expect(check(posts, window()).pass).toEqual({ median: 2, medianDelay: '2 hours', p90: 3, replies: 3, limit: 24 });
  });

  test('the median delay reads as a client would write it: minutes under an hour, then hours', () => {
    expect([6 * 60_000, 20_000, 3_600_000, 5_400_000, 27 * 3_600_000].map(delayText)).toEqual(['6 minutes', '1 minute', '1 hour', '1.5 hours', '27 hours']);
  });

  test('without parent times it is not evaluated', () => {
    expect(check([facts({ kind: 'reply', replyTo: { isOwn: false } })], window()).notEvaluated).toMatch(/^0 replies with a known time/);
    const one = [reply('r1', 'p1', '2024-05-01T09:00:00Z', '2024-05-01T10:00:00Z')];
    expect(check(one, window()).notEvaluated).toBe('1 reply with a known time of the post replied to, fewer than the 3 needed');
  });
});

describe('engagement (clutter)', () => {
  const check = compileKind('engagement', { 'below-median': 0.25, settle: '7d', 'min-posts': 5 }) as AccountCheck;
  const post = (id: string, likes: number | undefined, day: number, extra = {}) =>
    facts({ id, createdAt: `2024-05-${String(day).padStart(2, '0')}T09:00:00.000Z`, ...(likes !== undefined && { metrics: { likes } }), ...extra });

  test('posts far below the median are delete candidates; the newest are left alone', () => {
    const posts = [post('a', 40, 1), post('b', 36, 2), post('c', 44, 3), post('d', 38, 4), post('e', 3, 5), post('f', 0, 28)];
    const result = check(posts, window(Date.parse('2024-05-30T00:00:00Z')));
    expect(result.hits.map((h) => [h.postId, h.data])).toEqual([['e', { engagement: 3, median: 38, limit: 9.5 }]]);
    // Every post is alike (plain text, no link): nothing sets the best apart, so there is no keep line.
    expect(result.pass).toBeUndefined();
  });

  test('a keep line names only what the best posts have and the others lack', () => {
    const image = { media: [{ type: 'image' as const }] };
    const best = [post('a', 90, 1, image), post('b', 80, 2, image), post('c', 85, 3, image)];
    const rest = [10, 11, 12, 13, 14, 15, 16].map((day) => post(`r${day}`, 20, day));
    const result = check([...best, ...rest], window(Date.parse('2024-05-30T00:00:00Z')));
    expect(result.pass).toMatchObject({ best: 3, traits: 'an image or video' });
  });

  test('a median too small to contrast with is not evaluated (0 likes against a median of 1 is no clutter)', () => {
    const posts = [1, 2, 3, 4, 5, 6, 7].map((day) => post(`p${day}`, day % 2, day));
    expect(check(posts, window(Date.parse('2024-05-30T00:00:00Z'))).notEvaluated).toMatch(/median post gets 1 interaction, under the 5 needed/);
  });

  test('absent counts are not zero: too few posts with counts is not evaluated', () => {
    const posts = [post('a', undefined, 1), post('b', undefined, 2), post('c', 5, 3)];
    expect(check(posts, window()).notEvaluated).toMatch(/^1 post with engagement counts/);
  });
});

describe('best-time', () => {
  const check = compileKind('best-time', { 'min-weeks': 4, 'min-per-slot': 3 }) as AccountCheck;
  const weekly = (first: string, likes: number, weeks: number) =>
    Array.from({ length: weeks }, (_, w) => facts({ createdAt: new Date(Date.parse(first) + w * 7 * 86_400_000).toISOString(), metrics: { likes } }));

  test('names the best slots with the posts behind them, in the audit’s time zone', () => {
    const posts = [...weekly('2024-01-01T08:00:00Z', 60, 6), ...weekly('2024-01-03T11:00:00Z', 20, 6), ...weekly('2024-01-05T19:00:00Z', 4, 6)].sort(
      (a, b) => a.time - b.time,
    );
    const result = check(posts, window(0, 'Europe/Amsterdam'));
    expect(result.pass).toMatchObject({ timeZone: 'Europe/Amsterdam' });
    // Only slots well above the median are "best": Wednesday's 1.0× is not listed.
    expect(String(result.pass!.best)).toBe('Mon 09:00–12:00 (3.0× the median, 6 posts)');
    expect(String(result.pass!.worst)).toMatch(/^Fri 18:00–21:00 .*6 posts\)$/);
  });

  test('with too little history it is not evaluated', () => {
    expect(check(weekly('2024-01-01T08:00:00Z', 40, 2), window()).notEvaluated).toBe('1 week of posts with engagement counts, fewer than the 4 needed');
  });
});

describe('voice', () => {
  const posts = (text: string, n: number) => Array.from({ length: n }, () => facts({ text }, text.includes('?') ? ['question'] : []));

  test.each([
    [
      'exclamations over the declared maximum, with the loudest posts as evidence',
      { 'exclamation-share': { max: 20 } },
      'Huge news!!! Our lamps are here and you will love them so much, we promise!',
      { marker: 'exclamation-share', value: 100, expected: 'at most 20' },
      10,
    ],
    [
      'too few questions for a friendly voice',
      { 'question-share': { min: 10 } },
      'Our lamp dims to a candle glow and stays warm as it dims down.',
      { marker: 'question-share', value: 0, expected: 'at least 10' },
      0,
    ],
    [
      'hard reading for plain English',
      { 'reading-ease': { min: 60 } },
      'Comprehensive illumination methodologies necessitate considerable deliberation regarding photometric characteristics.',
      { marker: 'reading-ease' },
      0,
    ],
  ])('%s', (_label, markers, text, data, evidence) => {
    const result = (compileKind('voice', { markers, 'min-words': 20 }) as AccountCheck)(posts(text, 10), window());
    expect(result.hits[0]!.data).toMatchObject(data);
    expect(result.hits[0]!.postIds).toHaveLength(evidence);
  });

  test('a voice within its ranges passes with the measured profile', () => {
    const result = (compileKind('voice', { markers: { 'you-we-ratio': { min: 1 }, 'emoji-per-post': { max: 1 } }, 'min-words': 20 }) as AccountCheck)(
      posts('You can dim it with one finger, and your evenings stay warm.', 10),
      window(),
    );
    expect(result.pass).toEqual({ profile: 'you-we-ratio 20, emoji-per-post 0' });
  });

  test('posts without words (a photo alone) do not dilute the voice', () => {
    const check = compileKind('voice', { markers: { 'exclamation-share': { max: 20 } }, 'min-words': 20 }) as AccountCheck;
    const photos = Array.from({ length: 30 }, () => facts({ text: '', media: [{ type: 'image' }] }));
    const loud = posts('Huge news!!! Our lamps are here and you will love them so much, we promise!', 10);
    expect(check([...loud, ...photos], window()).hits[0]!.data).toMatchObject({ marker: 'exclamation-share', value: 100 });
  });

  test('without declared markers it is not evaluated', () => {
    expect(() => compileKind('voice', {})).toThrow(/declares no voice traits/);
  });
});
