import { describe, expect, test } from 'vitest';
import { PresenceError } from '../../src/errors.js';
import { generic, parseTimestamp } from '../../src/sources/formats/generic.js';
import { loadWith } from '../helpers/sources.js';

describe('generic CSV, JSON and JSON Lines', () => {
  test('CSV with other tools’ column names, found by their common names', async () => {
    const csv = await loadWith(generic, 'fixtures/generic/posts.csv');
    expect(csv.posts.map((p) => [p.platform, p.createdAt])).toEqual([
      ['bluesky', '2024-05-14T09:50:00.000Z'],
      ['other', '2024-05-22T15:00:00.000Z'],
      ['facebook', '2024-05-23T08:00:00.000Z'],
    ]);
    expect(csv.posts[0]).toMatchObject({ links: [{ url: 'https://northwind.example/lamps/aurora' }], metrics: { likes: 18, replies: 2 }, source: { line: 2 } });
    expect(csv.skipped.examples[0]).toMatchObject({ where: { line: 5 } });
  });

  test('JSON Lines: a bad line skipped with its number; Unix seconds', async () => {
    const jsonl = await loadWith(generic, 'fixtures/generic/posts.jsonl');
    expect(jsonl.posts.map((p) => p.id)).toEqual(['sb-1001', 'sb-1002', 'sb-1003']);
    expect(jsonl.posts[2]!.createdAt).toBe('2024-06-18T12:00:00.000Z');
    expect(jsonl.skipped.examples[0]).toMatchObject({ where: { line: 3 }, reason: 'not valid JSON' });
  });

  test('JSON with { posts: [...] }; --map names columns detection would not find', async () => {
    const json = await loadWith(generic, 'fixtures/generic/posts.json');
    expect(json.posts.map((p) => p.platform)).toEqual(['instagram', 'threads']);
    const mapped = await loadWith(generic, 'fixtures/generic/posts.json', { map: { text: 'Message', createdAt: 'Date', platform: 'Channel' } });
    expect(mapped.posts).toHaveLength(2);
  });

  test('a file without a text column names the columns it found and the --map hint', async () => {
    await expect(loadWith(generic, 'fixtures/queue/buffer.json')).rejects.toThrow(PresenceError);
    await expect(loadWith(generic, 'fixtures/generic/posts.csv', { map: { text: 'Body' } })).rejects.toMatchObject({
      message: 'no text column among "Publish Date", "Network", "Message", "Link", "Likes", "Comments"',
      hint: 'name it with --map text=COLUMN',
    });
    await expect(loadWith(generic, 'fixtures/generic/posts.csv', { map: { txt: 'Message' } })).rejects.toMatchObject({
      message: expect.stringMatching(/unknown field "txt"/),
      hint: 'did you mean "text"?',
    });
  });

  test.each([
    ['2024-05-14T09:50:00+02:00', '2024-05-14T07:50:00.000Z'],
    ['2024-05-14 09:50', '2024-05-14T09:50:00.000Z'],
    ['2024/05/14 09:50:30', '2024-05-14T09:50:30.000Z'],
    ['1715679000', '2024-05-14T09:30:00.000Z'],
    ['1715679000000', '2024-05-14T09:30:00.000Z'],
    ['next tuesday', undefined],
  ])('timestamp %s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });
});
