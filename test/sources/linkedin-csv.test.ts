import { describe, expect, test } from 'vitest';
import { linkedinCsv, repairLineQuoting } from '../../src/sources/linkedin-csv.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';

describe('LinkedIn Shares.csv', async () => {
  const shares = await loadWith(linkedinCsv, 'fixtures/linkedin/Shares.csv');

  test('rows, a reshare, a bad date skipped with its line', () => {
    expect(kinds(shares)).toEqual({ post: 4, repost: 1 });
    expect(shares.skipped.examples[0]).toMatchObject({ where: { line: 12 }, reason: 'expected a Date such as 2024-05-14 09:30:12; got "not a date"' });
  });

  test('multi-line commentary with the per-line quoting repaired; its line; the date as UTC; the id from the URN', () => {
    const aurora = shares.posts[0]!;
    expect(aurora.text).toBe('Meet Aurora: our new desk lamp dims all the way down to candlelight.\n\nTwo years of work on one dimmer. The design story is below.');
    expect(aurora).toMatchObject({ id: '7196000000000000001', createdAt: '2024-05-14T09:31:40.000Z', source: { line: 2 } });
    expect(aurora.links.map((l) => l.url)).toEqual(['https://northwind.example/blog/aurora-story']);
    expect(shares.posts[1]!.text).toBe('We\'re hiring a product designer in Lyon. "Lighting nerds" welcome, 4 days/week on site.');
    expect(shares.posts[1]!.source.line).toBe(5);
  });

  test('repairLineQuoting leaves ordinary text alone', () => {
    expect(repairLineQuoting('"quoted" words')).toBe('"quoted" words');
    expect(repairLineQuoting('"A"\n""\n"B"')).toBe('A\n\nB');
  });

  test('detection', async () => {
    expect(await detects(linkedinCsv, 'fixtures/linkedin/Shares.csv')).toBe(true);
    expect(await detects(linkedinCsv, 'fixtures/generic/posts.csv')).toBe(false);
  });
});
