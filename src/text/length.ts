import type { Platform, Post } from '../model/post.js';
import { openingHandles } from './entities.js';
import { URL_WITH_SCHEME } from './url-patterns.js';
import { emojiStats, graphemeCount, utf8Length } from './unicode.js';

/** Every platform that shortens links counts one as 23 characters (X's t.co, Mastodon). */
const LINK_WEIGHT = 23;

/**
 * X's weighted length, from twitter-text config v3: code points in these ranges weigh 1,
 * everything else (CJK, emoji…) 2; an emoji sequence counts once; a URL counts 23.
 * The config is four ranges, so it is written here rather than pulling in twitter-text
 * and its deprecated core-js 2 dependency.
 */
const LIGHT_RANGES: readonly [number, number][] = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];

export function xWeightedLength(text: string): number {
  let units = 0;
  const withoutUrls = text.normalize('NFC').replace(URL_WITH_SCHEME, () => {
    units += LINK_WEIGHT;
    return '';
  });
  const emoji = emojiStats(withoutUrls);
  units += emoji.count * 2;
  const rest = emoji.count ? stripEmojiChars(withoutUrls) : withoutUrls;
  for (let i = 0; i < rest.length; i++) {
    const code = rest.codePointAt(i)!;
    if (code > 0xffff) i++;
    // Most text sits in the first range: answer it before looking at the others.
    units += code <= 0x10ff || LIGHT_RANGES.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
  }
  return units;
}

/** Emoji graphemes were already counted once each; drop their code points (including ZWJ and selectors). */
function stripEmojiChars(text: string): string {
  return text.replace(
    /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*|\p{Regional_Indicator}{1,2}|\uFE0F|\u20E3/gu,
    '',
  );
}

/** Mastodon: every URL counts 23, and a mention counts its username only, not the domain. */
function mastodonLength(text: string): number {
  const withLinks = text.replace(URL_WITH_SCHEME, 'x'.repeat(LINK_WEIGHT));
  return [...withLinks.replace(/(@[\p{L}\p{N}_]+)@[\w.-]+\w/gu, '$1')].length;
}

/** Threads counts emoji by their UTF-8 bytes (Meta's API documentation). */
function threadsLength(text: string): number {
  const emoji = [...text.matchAll(/\p{Extended_Pictographic}[\uFE0F\u200D\p{Extended_Pictographic}\p{Emoji_Modifier}]*/gu)];
  const emojiChars = emoji.reduce((sum, match) => sum + [...match[0]].length, 0);
  const emojiBytes = emoji.reduce((sum, match) => sum + utf8Length(match[0]), 0);
  return [...text].length - emojiChars + emojiBytes;
}

const COUNTERS: Partial<Record<Platform, (text: string) => number>> = {
  x: xWeightedLength,
  mastodon: mastodonLength,
  bluesky: graphemeCount,
  threads: threadsLength,
};

/**
 * The @handles a reply opens with: the people of the conversation it answers, which the client
 * fills in and X has not counted toward the limit since 2017. Empty for a post that is no reply.
 */
export function replyAddressees(post: Pick<Post, 'platform' | 'text' | 'replyTo'>): string {
  return post.replyTo ? openingHandles(post.text, post.platform) : '';
}

/** The post's length counted the way its platform counts it (code points where it says "characters"). */
export function platformLength(post: Pick<Post, 'platform' | 'text' | 'replyTo'>): number {
  const text = post.platform === 'x' ? post.text.slice(replyAddressees(post).length) : post.text;
  return (COUNTERS[post.platform] ?? ((t: string) => [...t].length))(text);
}
