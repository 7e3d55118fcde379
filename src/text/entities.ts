/** Hashtags and mentions written in plain text, for sources that give no entities of their own. */

const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}\p{M}_]*\p{L}[\p{L}\p{N}\p{M}_]*)/gu;
const MENTION = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*(?:@[\w.-]+\w)?)/gu;

/**
 * What reads as a tag or a mention, to leave out of the author's prose: wider than the entities
 * above, since an all-digit `#1` is no hashtag but no word either, and a mention takes the dots it
 * runs into (`@ana.`). Global: use with replace or matchAll.
 */
export const HASHTAG_AS_WRITTEN = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}\p{M}_]+/gu;
export const MENTION_AS_WRITTEN = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_.]+(?:@[\w.-]+\w)?/gu;

/** Hashtags without `#`; an all-digit tag (`#1`) is not a hashtag. */
export function hashtagsIn(text: string): string[] {
  return [...text.matchAll(HASHTAG)].map((m) => m[1]!);
}

/** Mentions without `@`, including fediverse `@user@server` forms. */
export function mentionsIn(text: string): string[] {
  return [...text.matchAll(MENTION)].map((m) => m[1]!);
}

/**
 * Whom a text opens by addressing: X handles are 15 word characters; a fediverse handle may carry
 * its server (`@ana@mastodon.nl`), which is part of the handle, never a handle of its own. Each
 * handle ends at a space or at the end of the text: "@ana" alone addresses ana, "@ana's shop" no one.
 */
const OPENING_HANDLES = { x: /^(?:\.?@\w{1,15}(?:\s+|$))+/, other: /^(?:\.?@[\w.-]+(?:@[\w.-]+\w)?(?:\s+|$))+/ };

/** The run of @handles a text opens with, spaces after them included: "@ana @bo@example.social thanks" → "@ana @bo@example.social ". */
export function openingHandles(text: string, platform: string): string {
  return OPENING_HANDLES[platform === 'x' ? 'x' : 'other'].exec(text)?.[0] ?? '';
}
