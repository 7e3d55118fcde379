import { describe, expect, test } from 'vitest';
import { measures } from '../../src/text/facts.js';
import { facts } from '../helpers/posts.js';

describe('PostFacts', () => {
  test('prose leaves out URLs, mentions, hashtags, emoji and the retweet prefix', () => {
    const f = facts({ text: 'RT @studiolumen: Warm light 💡 for @jordan #WorkFromHome https://northwind.example/x' });
    expect(f.prose).toBe('Warm light for');
  });

  // On a real brand archive, a comment before a bare "RT" and the retweeted sentence read as the bait "RT if you".
  test('the voice leaves out a sentence retweeted after a bare RT, but keeps an RT that opens the post', () => {
    const retweet = facts({ text: "thanks @wkeenan_mayo for clearing this up RT If you have a hovercraft, it won't be welcome on a golf course." });
    expect(retweet.voiceText.trim()).toBe('thanks @wkeenan_mayo for clearing this up');
    expect(facts({ text: 'RT if you agree that warm light reads better' }).voiceText).toBe('RT if you agree that warm light reads better');
  });

  test.each([
    ['boilerplate is not an own word', 'New post: https://northwind.example/blog', 0],
    ['ICYMI and emoji are not own words', 'ICYMI 👉 https://northwind.example/blog #lighting', 0],
    ['real words count', 'We tested forty bulbs for eye strain https://northwind.example/blog', 7],
    ['CJK words count by segmentation', '新しいランプを発売しました https://northwind.example/', 6],
  ])('ownWords: %s', (_label, text, expected) => {
    expect(facts({ text }).ownWords).toBe(expected);
  });
});

describe('measures', () => {
  test.each([
    ['emoji', 'Cozy 🕯️✨ with Aurora 💡👨‍👩‍👧', 4],
    ['emoji-run', 'Weekend ✨ ✨ ✨ and then', 3],
    ['exclamations', 'New!! Really!', 3],
    ['exclamation-runs', 'New!! Really?! Fine!', 2],
    ['caps-words', 'HUGE NEWS about USB and LED lamps, approved', 2],
    ['questions', 'Warm or cool? Tell us?', 2],
    ['links', 'a https://a.example b https://b.example', 2],
  ] as const)('%s', (name, text, expected) => {
    expect(measures[name].measure(facts({ text }))).toBe(expected);
  });

  test('caps-share is not measured on short text', () => {
    expect(measures['caps-share'].measure(facts({ text: 'OK GO' }))).toBeNaN();
  });

  test('words-per-link is not measured without links', () => {
    expect(measures['words-per-link'].measure(facts({ text: 'no links here' }))).toBeNaN();
  });
});

describe('mentions', () => {
  // A Mastodon self-thread: each part carries the handles of the people the thread addresses.
  const carried = '@sandra@mastodon.nl @bert@mastodon.nl @nos @nrc@mastodon.nl @ftm@ftm.nl @bert@eupolicy.social';
  const handles = ['sandra@mastodon.nl', 'bert@mastodon.nl', 'nos', 'nrc@mastodon.nl', 'ftm@ftm.nl', 'bert@eupolicy.social'];

  test("a reply's opening @handles are the conversation, not tagging", () => {
    const part = facts({
      platform: 'mastodon',
      replyTo: { id: 'part-1', isOwn: true },
      text: `${carried} I wonder how you would even measure that.`,
      mentions: handles,
    });
    expect(measures.mentions.measure(part)).toBe(0);
  });

  test('handles written into a post, or opening a post that answers no one, are counted', () => {
    expect(measures.mentions.measure(facts({ platform: 'mastodon', text: `${carried} I wonder how you would even measure that.`, mentions: handles }))).toBe(6);
    const reply = facts({
      platform: 'mastodon',
      replyTo: { id: 'p', isOwn: false },
      text: '@sandra@mastodon.nl thanks, and cc @nos @ftm@ftm.nl',
      mentions: ['sandra@mastodon.nl', 'nos', 'ftm@ftm.nl'],
    });
    expect(measures.mentions.measure(reply)).toBe(2);
  });
});
