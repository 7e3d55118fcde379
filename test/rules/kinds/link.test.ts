import { describe, expect, test } from 'vitest';
import type { PostCheck } from '../../../src/rules/kinds/define-kind.js';
import { compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

const brand = { domains: ['northwind.example'], products: [], handles: { facebook: 'northwindlamps', x: 'northwindlamps' } };

describe('link', () => {
  test.each([
    ['a listed domain', { check: 'domains', domains: ['bit.ly'] }, 'see https://bit.ly/3abc', { url: 'https://bit.ly/3abc', domain: 'bit.ly' }],
    [
      'a subdomain of a listed domain',
      { check: 'domains', domains: ['goo.gl'] },
      'https://maps.goo.gl/xyz',
      { url: 'https://maps.goo.gl/xyz', domain: 'maps.goo.gl' },
    ],
    ['an unlisted domain', { check: 'domains', domains: ['bit.ly'] }, 'https://northwind.example/a', undefined],
    // On a real archive the bit.ly sat inside a manual retweet of another account's post.
    [
      'a listed domain inside a manual retweet',
      { check: 'domains', domains: ['bit.ly'] },
      'Whoa. Nice. RT @wpdevel: autosave refactor https://bit.ly/1cTu',
      undefined,
    ],
    [
      'a listed domain of its own beside a manual retweet',
      { check: 'domains', domains: ['bit.ly'] },
      'Ours: https://bit.ly/9zz RT @wpdevel: autosave refactor',
      { url: 'https://bit.ly/9zz', domain: 'bit.ly' },
    ],
    [
      'own profile on another network',
      { check: 'own-profile' },
      'https://www.facebook.com/northwindlamps',
      { url: 'https://www.facebook.com/northwindlamps', domain: 'facebook.com' },
    ],
    ['someone else’s profile', { check: 'own-profile' }, 'https://www.facebook.com/studiolumen', undefined],
    ['a post, not the profile', { check: 'own-profile' }, 'https://x.com/northwindlamps/status/1', undefined],
  ])('%s', (_label, params, text, expected) => {
    const check = compileKind('link', params, brand) as PostCheck;
    expect(check(facts({ text }))).toEqual(expected);
  });
});
