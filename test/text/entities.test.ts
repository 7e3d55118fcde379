import { describe, expect, it } from 'vitest';
import { openingHandles } from '../../src/text/entities.js';

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
