import { expect, test } from 'vitest';
import { LEVELS, levelRank } from '../../src/model/names.js';

test('levels rank from the mildest to the most severe', () => {
  expect([...LEVELS].sort((a, b) => levelRank(a) - levelRank(b))).toEqual(['suggestion', 'warning', 'error']);
  expect(levelRank('error')).toBeGreaterThan(levelRank('warning'));
  expect(levelRank('warning')).toBeGreaterThan(levelRank('suggestion'));
});
