import type { Post } from '../model/post.js';
import { hashtagsIn, mentionsIn } from './entities.js';
import { findUrls, toLink } from './links.js';

export type TextPostFields = Pick<Post, 'id' | 'platform' | 'author' | 'createdAt' | 'text' | 'source'> & Partial<Omit<Post, 'links'>> & { links?: string[] };

/**
 * A Post from sources that give plain text and little else (CSV, Meta exports, queues): links,
 * hashtags and mentions are read from the text, and extra links (an attachment) are added once.
 */
export function textPost(fields: TextPostFields): Post {
  const urls = [...findUrls(fields.text), ...(fields.links ?? [])];
  return {
    hashtags: hashtagsIn(fields.text),
    mentions: mentionsIn(fields.text),
    media: [],
    kind: 'post',
    scheduled: false,
    ...fields,
    links: [...new Set(urls)].map(toLink),
  };
}
