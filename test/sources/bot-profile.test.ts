import { describe, expect, test } from 'vitest';
import { botDeclaration } from '../../src/sources/read/bot-profile.js';

describe('an account that says it is a bot', () => {
  test.each([
    ['I’m a bot that tweets anonymous Wikipedia edits made from the US Congress.', 'I’m a bot'],
    ["I'm an unofficial Twitter bot posting the tide tables.", "I'm an unofficial Twitter bot"],
    ['This is a bot. Posts every hour.', 'This is a bot'],
    ['Just a friendly little bot for train delays', 'Just a friendly little bot'],
  ])('%s', (bio, phrase) => {
    expect(botDeclaration(bio)).toBe(`its profile says “${phrase}”`);
  });

  test.each([
    'I build chatbots for banks.',
    'Bot enthusiast, robot maker, human.',
    'I’m a botanist in Leeds.',
    'Ask our bot anything: https://northwind.example/help',
    'I am a robotics engineer',
  ])('not a declaration: %s', (bio) => {
    expect(botDeclaration(bio)).toBeUndefined();
  });

  test('no bio, no verdict', () => {
    expect(botDeclaration(undefined)).toBeUndefined();
    expect(botDeclaration(42)).toBeUndefined();
  });
});
