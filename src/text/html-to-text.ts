import { lazy } from '../lazy.js';

const htmlparser2 = lazy<typeof import('htmlparser2')>('htmlparser2');

/**
 * Plain text from the HTML of a Mastodon post or a feed item: paragraphs and line breaks kept,
 * entities decoded, a real link written as its full href (Mastodon hides part of the URL in
 * invisible spans), mentions and hashtags as their visible text. Scripts and styles are dropped.
 */
export function htmlToText(html: string): { text: string; links: string[] } {
  let text = '';
  const links: string[] = [];
  const anchors: { href?: string; keepText: boolean; start: number }[] = [];
  let skipping = 0;
  const parser = new (htmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        if (name === 'script' || name === 'style') skipping++;
        else if (name === 'br') text += '\n';
        else if ((name === 'p' || name === 'div' || name === 'li') && text && !text.endsWith('\n\n')) text += text.endsWith('\n') ? '\n' : '\n\n';
        else if (name === 'a') {
          const classes = attributes.class ?? '';
          const keepText = /\b(?:mention|hashtag)\b/.test(classes) || attributes.rel === 'tag';
          anchors.push({ href: attributes.href, keepText, start: text.length });
        }
      },
      ontext(chunk) {
        if (!skipping) text += chunk;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skipping--;
        else if (name === 'a') {
          const anchor = anchors.pop();
          const href = anchor?.href;
          if (anchor && !anchor.keepText && href && /^https?:\/\//i.test(href)) {
            const visible = text.slice(anchor.start).trim();
            // Write the full destination when the visible text is the (possibly shortened) URL itself.
            if (/^(?:https?:\/\/)?[^\s]+$/.test(visible) && (visible.includes('.') || visible.includes('/'))) text = text.slice(0, anchor.start) + href;
            links.push(href);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return {
    text: text
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    links,
  };
}
