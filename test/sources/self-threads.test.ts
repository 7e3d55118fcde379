import { describe, expect, test } from 'vitest';
import { loadSource } from '../../src/sources/index.js';
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
});
