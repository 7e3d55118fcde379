import { describe, expect, test } from 'vitest';
import { findUrls, isNetworkHost, isNeverOwn, normalizeUrl, PROFILE_PATHS } from '../../src/text/links.js';

describe('URLs found in plain text', () => {
  test('the sentence keeps its punctuation; the URL keeps its own parentheses', () => {
    expect(findUrls('New video: https://northwind.example/dimmer. Thoughts?')).toEqual(['https://northwind.example/dimmer']);
    expect(findUrls('(see https://northwind.example/faq)')).toEqual(['https://northwind.example/faq']);
    expect(findUrls('Loved https://en.wikipedia.org/wiki/Chappie_(film), and you?')).toEqual(['https://en.wikipedia.org/wiki/Chappie_(film)']);
    expect(findUrls('(https://en.wikipedia.org/wiki/Chappie_(film))')).toEqual(['https://en.wikipedia.org/wiki/Chappie_(film)']);
  });

  test('a Markdown link pasted into a post is one link, not one URL glued to another', () => {
    expect(findUrls('Part 2 is up [https://youtu.be/3YE1tUxSHEI](https://youtu.be/3YE1tUxSHEI) enjoy')).toEqual(['https://youtu.be/3YE1tUxSHEI']);
    expect(findUrls('[the guide](https://northwind.example/guide) and [the shop](https://shop.northwind.example/)')).toEqual([
      'https://northwind.example/guide',
      'https://shop.northwind.example/',
    ]);
  });

  test('the same URL twice is one link; a scheme alone is none', () => {
    expect(findUrls('https://northwind.example/a and again https://northwind.example/a')).toEqual(['https://northwind.example/a']);
    expect(findUrls('type https:// then the address')).toEqual([]);
  });
});

describe('social network hosts', () => {
  test('a site with profiles is never a brand’s own, though a video site is no social network', () => {
    for (const host of Object.keys(PROFILE_PATHS)) expect(isNeverOwn(host), host).toBe(true);
    expect(isNetworkHost('youtube.com')).toBe(false);
    expect(isNetworkHost('m.facebook.com')).toBe(true);
  });

  test.each([
    ['x.com', 'northwind', '/northwind', true],
    ['linkedin.com', 'northwind', '/company/northwind/', true],
    ['bsky.app', 'northwind', '/profile/northwind.bsky.social', true],
    ['x.com', 'northwind', '/northwind/status/1', false],
  ])('on %s, %s’s profile path: %s is %s', (host, handle, path, matches) => expect(PROFILE_PATHS[host]!(handle).test(path)).toBe(matches));
});

describe('one canonical form per page', () => {
  test('tracking parameters, www. and a trailing slash go; a #! fragment is the page itself and stays', () => {
    expect(normalizeUrl('https://www.Northwind.example/blog/aurora/?utm_source=x&b=2&a=1#comments')).toBe('northwind.example/blog/aurora?a=1&b=2');
    expect(normalizeUrl('http://twitter.com/#!/northwind/status/133737786120470529')).toBe('twitter.com#!/northwind/status/133737786120470529');
    expect(normalizeUrl('http://twitter.com/#!/northwind/status/1')).not.toBe(normalizeUrl('http://twitter.com/#!/northwind/status/2'));
  });
});
