import type { Post } from '../../src/model/post.js';
import { findUrls, toLink } from '../../src/text/links.js';
import { PostFacts } from '../../src/text/facts.js';

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
    hashtags: [...text.matchAll(/#(\p{L}[\p{L}\p{N}_]*)/gu)].map((m) => m[1]!),
    mentions: [...text.matchAll(/@([\w.]+)/g)].map((m) => m[1]!),
    media: [],
    kind: 'post',
    scheduled: false,
    source: { file: 'test', record: counter },
    ...overrides,
  };
}

export function facts(overrides: Partial<Post> & { text?: string } = {}, classes: string[] = []): PostFacts {
  const f = new PostFacts(makePost(overrides));
  f.classes = new Set(classes);
  return f;
}
