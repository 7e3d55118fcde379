import { describe, expect, test } from 'vitest';
import type { PostCheck } from '../../../src/rules/kinds/define-kind.js';
import { compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

describe('metric', () => {
  test.each([
    ['under a minimum', { measure: 'own-words', min: 5 }, 'x', 'New post: https://a.example/b', { value: 0, limit: 5, over: false }],
    ['over a maximum', { measure: 'hashtags', max: 2 }, 'x', '#a1 #b2 #c3', { value: 3, limit: 2, over: true }],
    ['per-platform maximum', { measure: 'hashtags', max: { x: 2, instagram: 5 } }, 'instagram', '#a1 #b2 #c3', undefined],
    ['default for unnamed platforms', { measure: 'mentions', max: { default: 1, instagram: 3 } }, 'linkedin', '@a @b', { value: 2, limit: 1, over: true }],
    ['no threshold for the platform', { measure: 'hashtags', max: { x: 2 } }, 'mastodon', '#a1 #b2 #c3', undefined],
    ['not-measured values never fail', { measure: 'words-per-link', min: 1 }, 'x', 'no links', undefined],
  ] as const)('%s', (_label, params, platform, text, expected) => {
    const check = compileKind('metric', params) as PostCheck;
    expect(check(facts({ text, platform }))).toEqual(expected);
  });
});
