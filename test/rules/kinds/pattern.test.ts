import { describe, expect, test } from 'vitest';
import { kinds } from '../../../src/rules/kinds/index.js';
import type { PostCheck } from '../../../src/rules/kinds/define-kind.js';
import { compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

describe('pattern', () => {
  test.each([
    ['a phrase, any case', { phrases: ['shop now'] }, 'SHOP NOW while it lasts', { match: 'SHOP NOW', count: 1 }],
    ['whole words only, Unicode-aware', { phrases: ['café'] }, 'Our cafés are open', undefined],
    ['CJK phrases match', { phrases: ['期間限定'] }, '期間限定のセール', { match: '期間限定', count: 1 }],
    ['prose ignores URLs', { phrases: ['shop'] }, 'https://northwind.example/shop', undefined],
    ['in: text sees URLs', { phrases: ['shop'], in: 'text' }, 'https://northwind.example/shop', { match: 'shop', count: 1 }],
    ['exceptions hide a match', { phrases: ['free'], exceptions: ['free entry'] }, 'Free entry to the workshop', undefined],
    ['regular expressions', { patterns: ['\\d+% off'] }, 'Now 20% off', { match: '20% off', count: 1 }],
    ['match-case', { patterns: ['#[a-z]{8,}'], 'match-case': true, in: 'text' }, '#WorkFromHome #workfromhome', { match: '#workfromhome', count: 1 }],
  ])('%s', (_label, params, text, expected) => {
    const check = compileKind('pattern', params) as PostCheck;
    expect(check(facts({ text }))).toEqual(expected);
  });

  test('without phrases or patterns it is not evaluated', () => {
    expect(
      kinds.pattern!.compile(kinds.pattern!.params.parse({}) as never, { brand: { domains: [], products: [], handles: {} }, untrusted: true }),
    ).toHaveProperty('notEvaluated');
  });

  test('a catastrophic user pattern is refused: exponential, or polynomial of degree 3 and more', () => {
    expect(() => compileKind('pattern', { patterns: ['(a+)+$'] })).toThrow(/backtrack catastrophically \(exponential time/);
    expect(() => compileKind('pattern', { patterns: ['\\w*\\w*\\w*\\w*\\w*\\w*!'] })).toThrow(/7th degree polynomial time/);
    expect(() => compileKind('pattern', { patterns: ['(?:a|b)*(?:a|b)*(?:a|b)*c'] })).toThrow(/4th degree polynomial time/);
  });
});
