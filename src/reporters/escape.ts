/** Escapers for every output medium, in one place: each reporter owns nothing but its layout. */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Control characters no report should carry from a post: C0 (but tab, line feed and carriage
 * return), DEL, C1, and the bidi overrides that make text read backwards (U+202E).
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return withoutControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/** A link taken from a post may become an href only when it is plain http(s). */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** XML 1.0 text and attributes: escaped, and the control characters XML forbids removed. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => (c === "'" ? '&apos;' : HTML_ENTITIES[c]!));
}

/** A web address inside post text, up to a space, a quote or an angle bracket (which no autolink may hold). */
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/gi;

/**
 * Markdown inline text: characters that start markup are backslash-escaped and raw HTML is
 * neutralised, so a post can never become a link, an image, a heading or a table cell break.
 * Web addresses become autolinks instead, whose text no escape may touch: a backslash inside one
 * is part of the address and breaks it.
 */
export function escapeMarkdown(text: string): string {
  const clean = withoutControls(text).replace(/[\r\n]+/g, ' ');
  let out = '';
  let last = 0;
  for (const match of clean.matchAll(URL_IN_TEXT)) {
    const url = withoutTrailingPunctuation(match[0]);
    // A pipe would end a table cell even inside an autolink; %7C is the same address.
    out += `${markdownText(clean.slice(last, match.index))}<${url.replace(/\|/g, '%7C')}>`;
    last = match.index + url.length;
  }
  return out + markdownText(clean.slice(last));
}

/** As GitHub's autolinks read it: a full stop, comma or unbalanced bracket after an address ends the sentence, not the address. */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1]!;
    const unbalanced = c === ')' && url.slice(0, end).split('(').length <= url.slice(0, end).split(')').length - 1;
    if (!/[.,:;!?'*_~]/.test(c) && !unbalanced) break;
    end--;
  }
  return url.slice(0, end);
}

function markdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/^(\s*)(\d+)\\?\./, '$1$2\\.');
}

/** GitHub workflow-command data (the message), as actions/toolkit escapes it. */
export function escapeCommandData(text: string): string {
  return withoutControls(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub workflow-command property values (file, title…): also `:` and `,`. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A CSV cell (RFC 4180), with a leading = + - @ tab or CR neutralised so a spreadsheet never runs it. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : withoutControls(String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Post text for a terminal: escape sequences, other control characters and bidi overrides are
 * removed so a post cannot restyle, move or hide parts of the screen.
 */
export function terminalText(text: string): string {
  return text
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g, '')
    .replace(CONTROLS, '')
    .replace(/\r/g, '');
}

/** A CSS string literal: everything but letters, digits and spaces as a hex escape, so no text can close the string or the style element. */
export function cssString(text: string): string {
  return `"${withoutControls(text).replace(/[^A-Za-z0-9 ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
