/**
 * Where a URL is written in text, in the three senses presence needs. Each ends at a space, an
 * angle bracket or a double quote (the edges of a URL in HTML-ish and quoted text); they differ
 * in what else counts as a URL, and why is said beside each. Global: use with replace or matchAll.
 */

/** A URL with its scheme: what becomes a link of a post and what platforms count as 23 characters. */
export const URL_WITH_SCHEME = /\bhttps?:\/\/[^\s<>"]+/gi;

/**
 * Any URL a reader sees as one: with a scheme, with `www.`, or a bare domain with a path
 * (`northwind.example/lamps`). None of it is the author's prose, though only a URL with a scheme
 * is a link.
 */
export const URL_AS_WRITTEN = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>"]*/gi;

/**
 * A URL in a SOURCE or a message about one, to be redacted: it also ends at a single quote, so a
 * quoted SOURCE ('https://…') keeps its closing quote, and needs no word boundary before it, so
 * no URL escapes redaction by running into a word.
 */
export const URL_TO_REDACT = /https?:\/\/[^\s"'<>]+/gi;
