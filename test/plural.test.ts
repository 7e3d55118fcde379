import { describe, expect, test } from 'vitest';
import { count } from '../src/plural.js';

describe('counts with their noun', () => {
  test('one is singular, every other number plural, irregular plurals given', () => {
    expect([0, 1, 2].map((n) => count(n, 'post'))).toEqual(['0 posts', '1 post', '2 posts']);
    expect(count(1, 'reply', 'replies')).toBe('1 reply');
    expect(count(3, 'reply', 'replies')).toBe('3 replies');
  });
});
