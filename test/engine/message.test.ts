import { describe, expect, test } from 'vitest';
import { renderMessage } from '../../src/model/message.js';

describe('renderMessage', () => {
  test('fills placeholders from the data, {platform} from the finding, and leaves unknown ones as written', () => {
    const template = '{value}% of posts on {platform} carry a link ({count} of {total}); {unknown} stays.';
    expect(renderMessage(template, { value: 62.5, count: 5, total: 8, platform: 'ignored' }, 'x')).toBe(
      '62.5% of posts on x carry a link (5 of 8); {unknown} stays.',
    );
    // The same template again, from its compiled form, with other data.
    expect(renderMessage(template, { value: 0, count: 0, total: 3 }, 'all platforms')).toBe(
      '0% of posts on all platforms carry a link (0 of 3); {unknown} stays.',
    );
  });

  test('a template without placeholders, or with braces that are not one, is its own text', () => {
    expect(renderMessage('Post less often.', {}, 'x')).toBe('Post less often.');
    expect(renderMessage('Use {} or { spaced } braces freely.', {}, 'x')).toBe('Use {} or { spaced } braces freely.');
  });

  test('{key|word|words} agrees the noun with the number, and stays as written when the key is unknown', () => {
    const template = 'Bare link: {value|word|words} of your own; {missing|day|days}.';
    expect(renderMessage(template, { value: 1 }, 'x')).toBe('Bare link: 1 word of your own; {missing|day|days}.');
    expect(renderMessage(template, { value: 0 }, 'x')).toBe('Bare link: 0 words of your own; {missing|day|days}.');
    expect(renderMessage(template, { value: 2.5 }, 'x')).toBe('Bare link: 2.5 words of your own; {missing|day|days}.');
  });
});
