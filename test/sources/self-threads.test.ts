import { describe, expect, test } from 'vitest';
import { loadSource } from '../../src/sources/index.js';
import { addressedThreadParts } from '../../src/sources/read/self-threads.js';
import { makePost } from '../helpers/posts.js';
import { ROOT } from '../helpers/run-cli.js';

describe('self-threads that turn to someone', () => {
  test('a thread part opening with a handle new to the thread is a reply; one carrying the handle it inherited is the thread', async () => {
    const loaded = await loadSource('fixtures/mastodon/thread-talk', { cwd: ROOT, strict: true });
    expect(loaded.posts.map((p) => [p.kind, p.replyTo?.isOwn ?? null])).toEqual([
      ['post', null],
      ['post', true],
      ['reply', true],
      ['post', true],
    ]);
  });

  // A part opens with the handles Mastodon copied from the part it answers, or with someone new.
  const partAfter = (parentText: string, text: string) => {
    const parent = makePost({ id: 'p', platform: 'mastodon', author: 'brand@example.social', text: parentText });
    const part = makePost({ id: 'c', platform: 'mastodon', author: 'brand@example.social', text, replyTo: { id: 'p', isOwn: true } });
    return addressedThreadParts([parent, part])[1]!.kind;
  };

  test.each([
    // The server is part of the handle: bo@mastodon.nl is the bo the thread already named, not someone called mastodon.nl.
    ['@ana @bo more on this', '@ana @bo@mastodon.nl\n\nand one more thing', 'post'],
    ['@ana more on this', '@Ana and one more thing', 'post'],
    ['@ana more on this', '@cleo good question, here it is', 'reply'],
    // A part that is nothing but a new handle still turns to that person.
    ['@ana more on this', '@ana @cleo', 'reply'],
    ['A thread about light', '3/ and the wiring', 'post'],
  ])('after %j, %j is a %s', (parentText, text, kind) => expect(partAfter(parentText, text)).toBe(kind));
});
