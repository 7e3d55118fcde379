import { describe, expect, test } from 'vitest';
import type { AccountCheck } from '../../../src/rules/kinds/define-kind.js';
import { accountWindow, compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

const timeline = (inClass: number, others: number) => [
  ...Array.from({ length: inClass }, () => facts({}, ['promotional'])),
  ...Array.from({ length: others }, () => facts({})),
];

describe('ratio', () => {
  const window = accountWindow({ now: Date.now() });
  test.each([
    [
      'over the maximum: a warning with the class posts',
      { class: 'promotional', max: 20, 'error-max': 33 },
      3,
      7,
      { value: 30, count: 3, total: 10, limit: 20 },
      3,
    ],
    [
      'over the error maximum: raised to error',
      { class: 'promotional', max: 20, 'error-max': 33 },
      4,
      6,
      { value: 40, count: 4, total: 10, limit: 20, level: 'error' },
      4,
    ],
    ['under the minimum: the other posts are the evidence', { class: 'promotional', min: 33 }, 2, 8, { value: 20, count: 2, total: 10, limit: 33 }, 8],
  ])('%s', (_label, params, inClass, others, data, evidence) => {
    const result = (compileKind('ratio', params) as AccountCheck)(timeline(inClass, others), window);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.data).toEqual(data);
    expect(result.hits[0]!.postIds).toHaveLength(evidence);
  });

  test('within bounds: a pass for "keep doing"', () => {
    const result = (compileKind('ratio', { class: 'promotional', max: 20 }) as AccountCheck)(timeline(1, 9), window);
    expect(result).toEqual({ hits: [], pass: { value: 10, count: 1, total: 10, limit: 20 } });
  });

  test('too few posts: not evaluated, never a silent pass', () => {
    const result = (compileKind('ratio', { class: 'promotional', max: 20 }) as AccountCheck)(timeline(3, 2), window);
    expect(result.notEvaluated).toMatch(/5 posts/);
    expect(result.pass).toBeUndefined();
  });
});
