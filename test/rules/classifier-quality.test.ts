import { describe, expect, test } from 'vitest';
import { evaluateClassifier, loadLabelled } from '../helpers/labelled.js';

// The promotional and bare-link judgements are the heart of the advice: measured on a labelled set
// of invented brand posts (test/labelled/posts.yaml; guidelines in test/labelled/README.md).
describe('classifier quality on the labelled set', () => {
  test('the set holds at least 50 posts across platforms, with both labels represented', () => {
    const { posts } = loadLabelled();
    expect(posts.length).toBeGreaterThanOrEqual(50);
    expect(new Set(posts.map((p) => p.platform)).size).toBeGreaterThanOrEqual(5);
    expect(posts.filter((p) => p.promotional).length).toBeGreaterThanOrEqual(15);
    expect(posts.filter((p) => p.bareLink).length).toBeGreaterThanOrEqual(10);
  });

  test.each([
    ['without a brand profile', false],
    ['with each brand’s profile', true],
  ])('%s: precision and recall ≥ 0.9 for both judgements', async (_label, withProfile) => {
    const result = await evaluateClassifier(withProfile);
    console.info(
      `labelled set, ${withProfile ? 'with' : 'without'} profiles: ` +
        `promotional P=${result.promotional.precision.toFixed(2)} R=${result.promotional.recall.toFixed(2)}; ` +
        `bare link P=${result.bareLink.precision.toFixed(2)} R=${result.bareLink.recall.toFixed(2)}`,
    );
    const detail = JSON.stringify(result, null, 1);
    for (const judgement of [result.promotional, result.bareLink]) {
      expect(judgement.precision, detail).toBeGreaterThanOrEqual(0.9);
      expect(judgement.recall, detail).toBeGreaterThanOrEqual(0.9);
    }
  });

  test('a brand profile makes neither judgement worse', async () => {
    const f1 = (s: { precision: number; recall: number }) => (2 * s.precision * s.recall) / (s.precision + s.recall || 1);
    const without = await evaluateClassifier(false);
    const withProfile = await evaluateClassifier(true);
    expect(f1(withProfile.promotional)).toBeGreaterThanOrEqual(f1(without.promotional));
    expect(f1(withProfile.bareLink)).toBeGreaterThanOrEqual(f1(without.bareLink));
  });
});

describe('classifier quality on posts it was never tuned on', () => {
  test('held-out set: precision and recall reported, and not below 0.8', async () => {
    const result = await evaluateClassifier(false, 'held-out.yaml');
    console.info(
      `held-out: promotional P=${result.promotional.precision.toFixed(2)} R=${result.promotional.recall.toFixed(2)}; ` +
        `bare link P=${result.bareLink.precision.toFixed(2)} R=${result.bareLink.recall.toFixed(2)}`,
    );
    for (const judgement of [result.promotional, result.bareLink]) {
      expect(judgement.precision, JSON.stringify(result, null, 1)).toBeGreaterThanOrEqual(0.8);
      expect(judgement.recall, JSON.stringify(result, null, 1)).toBeGreaterThanOrEqual(0.8);
    }
  });
});
