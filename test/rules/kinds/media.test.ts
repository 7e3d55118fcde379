import { describe, expect, test } from 'vitest';
import type { PostCheck } from '../../../src/rules/kinds/define-kind.js';
import { compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

describe('media', () => {
  const check = compileKind('media', {}) as PostCheck;
  test.each([
    [
      'empty alt text is missing',
      [
        { type: 'image', altText: '' },
        { type: 'image', altText: 'A lamp' },
      ],
      { missing: 1, media: 2 },
    ],
    ['unknown alt text is not judged', [{ type: 'image' }], undefined],
    ['described media pass', [{ type: 'video', altText: 'A lamp dimming' }], undefined],
  ] as const)('%s', (_label, media, expected) => {
    expect(check(facts({ media: media.map((m) => ({ ...m })) }))).toEqual(expected);
  });
});
