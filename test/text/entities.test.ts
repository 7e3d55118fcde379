import { describe, expect, it } from 'vitest';
import { HASHTAG_AS_WRITTEN, hashtagsIn, MENTION_AS_WRITTEN, mentionsIn, openingHandles } from '../../src/text/entities.js';

describe('openingHandles', () => {
  it.each([
    ['@ana @bo thanks', 'mastodon', '@ana @bo '],
    // The server belongs to the handle: "@bo@mastodon.nl" is one person, not bo and mastodon.nl.
    ['@ana @bo@mastodon.nl\n\nthanks', 'mastodon', '@ana @bo@mastodon.nl\n\n'],
    // A part that is nothing but handles addresses them all, the last one included.
    ['@ana @bo', 'mastodon', '@ana @bo'],
    ['@ana', 'x', '@ana'],
    ['.@ana_reads look', 'x', '.@ana_reads '],
    // A handle that runs into a word is that word's, not an address.
    ["@ana's new shop", 'mastodon', ''],
    ['@ana, look', 'x', ''],
    ['Thanks @ana', 'mastodon', ''],
    // X handles are at most 15 characters.
    ['@a_handle_of_sixteen hi', 'x', ''],
    ['@a_handle_of_sixteen hi', 'mastodon', '@a_handle_of_sixteen '],
  ])('%j on %s opens with %j', (text, platform, opening) => expect(openingHandles(text, platform)).toBe(opening));
});

describe('entities and what reads as one', () => {
  const asWritten = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((m) => m[0]);
  it.each([
    ['#lighting #1 and#not', ['lighting'], ['#lighting', '#1']],
    ['café&#39;s #été', ['été'], ['#été']],
  ])('hashtags in %j', (text, tags, written) => {
    expect(hashtagsIn(text)).toEqual(tags);
    expect(asWritten(HASHTAG_AS_WRITTEN, text)).toEqual(written);
  });

  it.each([
    ['thanks @ana. And @bo@mastodon.nl', ['ana', 'bo@mastodon.nl'], ['@ana.', '@bo@mastodon.nl']],
    ['mail ana@example.com, ask @ana.bsky.social', ['ana.bsky.social'], ['@ana.bsky.social']],
  ])('mentions in %j', (text, mentions, written) => {
    expect(mentionsIn(text)).toEqual(mentions);
    expect(asWritten(MENTION_AS_WRITTEN, text)).toEqual(written);
  });
});
