import { describe, expect, test } from 'vitest';
import type { PostCheck } from '../../../src/rules/kinds/define-kind.js';
import { compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

describe('substitution', () => {
  const check = compileKind('substitution', { swap: { 'e-mail': 'email', 'desk light': 'desk lamp' } }) as PostCheck;
  test.each([
    ['finds the avoided term', 'Send an e-mail', { found: 'e-mail', prefer: 'email' }],
    ['matches across case', 'Our Desk Light is here', { found: 'Desk Light', prefer: 'desk lamp' }],
    ['passes the preferred term', 'Send an email', undefined],
  ])('%s', (_label, text, expected) => {
    expect(check(facts({ text }))).toEqual(expected);
  });
});
