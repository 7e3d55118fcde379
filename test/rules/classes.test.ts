import { describe, expect, test } from 'vitest';
import { EMPTY_BRAND } from '../../src/rules/brand-context.js';
import { ClassDefinition, compileClassifier } from '../../src/rules/classes.js';
import { facts } from '../helpers/posts.js';

/** Class `word-N` holds the posts that say "wN". */
const wordClass = (n: number) => ClassDefinition.parse({ name: `word-${n}`, description: `says w${n}`, signals: [{ phrases: [`w${n}`] }] });

describe('the classifier', () => {
  test('has no limit on the number of classes: the 60th and the 1st are both told apart', () => {
    const classify = compileClassifier(
      Array.from({ length: 60 }, (_, n) => wordClass(n + 1)),
      EMPTY_BRAND,
    );
    expect([...classify(facts({ text: 'w1 and w60' }))]).toEqual(['word-1', 'word-60']);
    expect([...classify(facts({ text: 'w53 only' }))]).toEqual(['word-53']);
    expect(classify(facts({ text: 'none of them' })).size).toBe(0);
  });

  test('posts in the same classes share one set; a kind outside the class never gets it', () => {
    const replyOnly = ClassDefinition.parse({ name: 'reply-w', description: 'a reply saying w1', kinds: ['reply'], signals: [{ phrases: ['w1'] }] });
    const classify = compileClassifier([wordClass(1), replyOnly], EMPTY_BRAND);
    const first = classify(facts({ text: 'w1 here' }));
    expect(classify(facts({ text: 'w1 there' }))).toBe(first);
    expect([...first]).toEqual(['word-1']);
    expect([...classify(facts({ text: 'w1', kind: 'reply' }))]).toEqual(['word-1', 'reply-w']);
  });

  test('weights add up to the threshold, and a signal that cannot reach it is not needed', () => {
    const both = ClassDefinition.parse({ name: 'both', description: 'w1 and w2', threshold: 2, signals: [{ phrases: ['w1'] }, { phrases: ['w2'] }] });
    const classify = compileClassifier([both], EMPTY_BRAND);
    expect(classify(facts({ text: 'w1 w2' })).has('both')).toBe(true);
    expect(classify(facts({ text: 'w2 alone' })).has('both')).toBe(false);
  });
});

// A real game developer's archive linked its own screenshots on Gyazo 25 times: read as "sharing others' work".
describe('a link to a third party', () => {
  const others = ClassDefinition.parse({ name: 'others', description: "links someone else's page", signals: [{ 'third-party-link': true }] });
  const classify = compileClassifier([others], { ...EMPTY_BRAND, domains: ['northwind.example'] });

  test("is someone else's page; the brand's own, a network's or a picture on a screenshot host is not", () => {
    expect(classify(facts({ text: 'Lovely write-up of lamp wiring by @mara https://mara.example/notes/wiring' })).has('others')).toBe(true);
    expect(classify(facts({ text: 'Our wiring notes https://northwind.example/notes/wiring' })).has('others')).toBe(false);
    expect(classify(facts({ text: 'Level 12 finally works, first try https://gyazo.com/4f1c2a9be0d3c7a1' })).has('others')).toBe(false);
    expect(classify(facts({ text: 'The new shade, in daylight https://i.imgur.com/Qm3kLdg.jpg' })).has('others')).toBe(false);
  });
});
