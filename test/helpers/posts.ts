import type { Post } from '../../src/model/post.js';
import { PostFacts } from '../../src/text/facts.js';
import { textPost } from '../../src/text/text-post.js';

let counter = 0;

/** A valid Post with links, hashtags and mentions taken from its text; override any field. */
export function makePost(overrides: Partial<Post> & { text?: string } = {}): Post {
  counter++;
  const { links, ...fields } = overrides;
  return {
    ...textPost({
      id: `p${counter}`,
      platform: 'x',
      author: 'northwindlamps',
      createdAt: new Date(Date.UTC(2024, 4, 1) + counter * 3_600_000).toISOString(),
      text: 'A plain post about warm light.',
      source: { file: 'test', record: counter },
      ...fields,
    }),
    // Links given whole replace the text's: a test may want a post whose links its text does not show.
    ...(links && { links }),
  };
}

export function facts(overrides: Partial<Post> & { text?: string } = {}, classes: string[] = []): PostFacts {
  const tags = new Set(classes);
  return new PostFacts(makePost(overrides), () => tags);
}
