import { describe, expect, test } from 'vitest';
import { count } from '../src/plural.js';

describe('counts with their noun', () => {
  test('one is singular, every other number plural, irregular plurals given', () => {
    expect([0, 1, 2].map((n) => count(n, 'post'))).toEqual(['0 posts', '1 post', '2 posts']);
    expect(count(1, 'reply', 'replies')).toBe('1 reply');
    expect(count(3, 'reply', 'replies')).toBe('3 replies');
  });

  test('a noun phrase agrees at its noun, whatever runs on after it', () => {
    // The reasons sources give for leaving posts out, as the terminal report counts them.
    expect(count(3, 'copy of a share posted to a LinkedIn group')).toBe('3 copies of a share posted to a LinkedIn group');
    expect(count(2, 'earlier version of an edited post')).toBe('2 earlier versions of an edited post');
    expect(count(2, 'direct message')).toBe('2 direct messages');
    expect(count(1, 'Twitter Circle post')).toBe('1 Twitter Circle post');
    expect(count(4, 'sent post')).toBe('4 sent posts');
  });
});
