/** Hashtags and mentions written in plain text, for sources that give no entities of their own. */

const HASHTAG = /(?<![\p{L}\p{N}_&])#([\p{L}\p{N}\p{M}_]*\p{L}[\p{L}\p{N}\p{M}_]*)/gu;
const MENTION = /(?<![\p{L}\p{N}_])@([\p{L}\p{N}_]+(?:\.[\p{L}\p{N}_]+)*(?:@[\w.-]+\w)?)/gu;

/** Hashtags without `#`; an all-digit tag (`#1`) is not a hashtag. */
export function hashtagsIn(text: string): string[] {
  return [...text.matchAll(HASHTAG)].map((m) => m[1]!);
}

/** Mentions without `@`, including fediverse `@user@server` forms. */
export function mentionsIn(text: string): string[] {
  return [...text.matchAll(MENTION)].map((m) => m[1]!);
}
