import type { Post } from '../../src/model/post.js';
import { findUrls, toLink } from '../../src/text/links.js';
import { PostFacts } from '../../src/text/facts.js';
import { hashtagsIn, mentionsIn } from '../../src/text/entities.js';

let counter = 0;

/** A valid Post with links, hashtags and mentions taken from its text; override any field. */
export function makePost(overrides: Partial<Post> & { text?: string } = {}): Post {
  const text = overrides.text ?? 'A plain post about warm light.';
  counter++;
  return {
    id: `p${counter}`,
    platform: 'x',
    author: 'northwindlamps',
    createdAt: new Date(Date.UTC(2024, 4, 1) + counter * 3_600_000).toISOString(),
    text,
    links: findUrls(text).map(toLink),
    hashtags: hashtagsIn(text),
    mentions: mentionsIn(text),
    media: [],
    kind: 'post',
    scheduled: false,
    source: { file: 'test', record: counter },
    ...overrides,
  };
}

export function facts(overrides: Partial<Post> & { text?: string } = {}, classes: string[] = []): PostFacts {
  const tags = new Set(classes);
  return new PostFacts(makePost(overrides), () => tags);
}
