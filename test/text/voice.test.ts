import { describe, expect, test } from 'vitest';
import { measures } from '../../src/text/facts.js';
import { facts } from '../helpers/posts.js';

const measure = (name: keyof typeof measures, text: string) => measures[name].measure(facts({ text }));

describe("the brand's own voice leaves out what it quotes", () => {
  test.each([
    ['an exclamation in quoted speech', 'exclamations', 'Our favourite line from the film: “Run, you fools!”', 0],
    ['an exclamation of its own', 'exclamations', 'We shipped it today!', 1],
    ['straight quotes around a quoted example', 'exclamations', 'Stop writing "Amazing!!" in product copy.', 0],
    ['an apostrophe is not a quotation', 'exclamations', "Don't miss it, it's great!", 1],
    ['code is not tone', 'exclamations', 'Run `make deploy!` before lunch.', 0],
    ['emoji inside a quoted example', 'emoji', 'Alt text reads “🎉🎉🎉 party”, not just emoji.', 0],
    ['emoji bullets on separate lines are no run', 'emoji-run', '🍋 Lemon\n🍊 Orange\n🍇 Grape', 1],
    ['emoji side by side are a run', 'emoji-run', 'Launch day 🚀🚀🚀', 3],
    [
      'a manual retweet: only the comment before RT @ is the brand’s',
      'exclamations',
      'WUT?! RT @friend@twitter.example: they gave every speaker a game boy!!!',
      1,
    ],
  ] as const)('%s', (_, name, text, expected) => {
    expect(measure(name, text)).toBe(expected);
  });
});

describe('shouting is a run of capitals, not an acronym', () => {
  test.each([
    ['acronyms alone are not shouting', 'NASA and ESA picked HTML and JSON for the mission site', 0],
    ['two shouted words side by side', 'HUGE NEWS: the Aurora lamp is here', 2],
    ['a shouted phrase across punctuation', 'AURORA IS HERE. SHOP NOW', 3],
    ['capitals inside a quotation are someone else’s', 'The stage direction says “EXIT, PURSUED BY A BEAR”.', 0],
    ['a hashtag is not prose', 'Evening light #WORKFROMHOME #READING', 0],
    ['a query in a post is code, not shouting', 'Today: SELECT name FROM lamps WHERE lumens BETWEEN 200 AND 800', 0],
    ['credentials listed with commas are acronyms', 'Congratulations to Ana Ruiz, GLMP, MCSA, MCSE, on the new role', 0],
  ] as const)('%s', (_, text, expected) => {
    expect(measure('caps-words', text)).toBe(expected);
  });
});

describe('a hashtag inside a sentence is one of its words', () => {
  test.each([
    ['tags used as words count', 'New post: Moving from #Linode to #netcup ➡️ https://blog.example/netcup #VPS', 5],
    ['a trailing cluster of tags does not', 'Warm light for long evenings #lamps #design', 5],
    ['a tag at the start of a line is no word of a sentence', '#ThrowbackThursday our first lamp', 3],
  ] as const)('%s', (_, text, expected) => {
    expect(measures['own-words'].measure(facts({ text }))).toBe(expected);
  });
});
