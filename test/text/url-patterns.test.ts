import { describe, expect, it } from 'vitest';
import { URL_AS_WRITTEN, URL_TO_REDACT, URL_WITH_SCHEME } from '../../src/text/url-patterns.js';

const found = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m[0]);

describe('the three senses of a URL in text', () => {
  it.each([
    ['see https://northwind.example/lamps now', ['https://northwind.example/lamps'], ['https://northwind.example/lamps'], ['https://northwind.example/lamps']],
    ['<a href="https://a.example/x">', ['https://a.example/x'], ['https://a.example/x'], ['https://a.example/x']],
    // Only a reader's URLs: no scheme, yet not prose.
    ['at northwind.example/lamps or www.northwind.example', [], ['northwind.example/lamps', 'www.northwind.example'], []],
    // Redaction stops at a single quote and needs no boundary before the scheme.
    ["feed 'https://a.example/rss?token=x'", ["https://a.example/rss?token=x'"], ["https://a.example/rss?token=x'"], ['https://a.example/rss?token=x']],
    ['xhttps://a.example/x', [], ['a.example/x'], ['https://a.example/x']],
  ])('%j', (text, withScheme, asWritten, toRedact) => {
    expect(found(URL_WITH_SCHEME, text)).toEqual(withScheme);
    expect(found(URL_AS_WRITTEN, text)).toEqual(asWritten);
    expect(found(URL_TO_REDACT, text)).toEqual(toRedact);
  });
});
