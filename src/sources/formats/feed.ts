import { inputError } from '../../errors.js';
import { lazy } from '../../lazy.js';
import type { Post } from '../../model/post.js';
import { htmlToText } from '../../text/html-to-text.js';
import { readText } from '../read/input.js';
import { LoadCollector, type FileSource, type LoadOptions, type LoadResult } from '../source.js';
import { textPost } from '../../text/text-post.js';

const parser = lazy<typeof import('fast-xml-parser')>('fast-xml-parser');
const FEED_XML = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
} as const;

type Node = Record<string, unknown>;
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const textOf = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : value && typeof value === 'object' ? textOf((value as Node)['#text']) : '';

/** RSS 2.0 and Atom feeds: a blog, a YouTube channel, GitHub releases, any network that offers one. */
export const feed: FileSource = {
  id: 'feed',
  description: 'RSS 2.0 or Atom feed file',
  async detect(input) {
    if (input.container !== 'file') return false;
    const head = (await input.head(input.entries[0]!, 2048)).toString('utf8');
    return /<rss[\s>]|<feed[\s>][^]*?xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/.test(head);
  },
  async load(input, options) {
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    return parseFeed(await readText(input, entry), file, options);
  },
};

/** Items of an RSS or Atom document as posts; shared with the live feed: source. */
export function parseFeed(xml: string, file: string, options: Pick<LoadOptions, 'strict'>): LoadResult {
  let document: Node;
  try {
    document = new (parser().XMLParser)(FEED_XML).parse(xml, true) as Node;
  } catch (error) {
    const message = (error as { err?: { msg?: string; line?: number } }).err;
    throw inputError({ file, line: message?.line }, `not well-formed XML (${message?.msg ?? (error as Error).message})`);
  }
  const collector = new LoadCollector(options);
  const rss = (document.rss as Node | undefined)?.channel as Node | undefined;
  const atom = document.feed as Node | undefined;
  if (!rss && !atom) throw inputError({ file }, 'expected an RSS <rss><channel> or an Atom <feed> document');
  const author = textOf(rss?.title ?? atom?.title) || 'feed';
  collector.account = author;
  const items = list((rss?.item ?? atom?.entry) as Node | Node[] | undefined);
  items.forEach((item, index) => {
    const record = index + 1;
    const post = rss ? rssPost(item, author, { file, record }) : atomPost(item, author, { file, record });
    if (typeof post === 'string') collector.skip({ file, record }, post);
    else collector.add(post);
  });
  return collector.result();
}

function combine(title: string, body: string): string {
  // Many feeds repeat the title as the start of the description; say it once.
  return body.startsWith(title) ? body : [title, body].filter(Boolean).join('\n\n');
}

function rssPost(item: Node, author: string, source: Post['source']): Post | string {
  const date = textOf(item.pubDate) || textOf(item['dc:date']);
  if (!date || Number.isNaN(Date.parse(date))) return 'expected an item with a pubDate';
  const { text, links } = htmlToText(textOf(item['content:encoded']) || textOf(item.description));
  const link = textOf(item.link);
  const enclosures = list(item.enclosure as Node | Node[] | undefined).filter((e) => String(e['@type'] ?? '').startsWith('image/'));
  return textPost({
    id: textOf(item.guid) || link || `${source.file}#${source.record}`,
    platform: 'feed',
    author,
    createdAt: new Date(date).toISOString(),
    text: combine(textOf(item.title), text),
    links: [...(link ? [link] : []), ...links],
    media: enclosures.map(() => ({ type: 'image' as const })),
    ...(link && { url: link }),
    source,
  });
}

function atomPost(entry: Node, author: string, source: Post['source']): Post | string {
  const date = textOf(entry.published) || textOf(entry.updated);
  if (!date || Number.isNaN(Date.parse(date))) return 'expected an entry with a published or updated time';
  const links = list(entry.link as Node | Node[] | undefined);
  const href = String((links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0])?.['@href'] ?? '');
  const group = entry['media:group'] as Node | undefined;
  const body = textOf(entry.content) || textOf(entry.summary) || textOf(group?.['media:description']);
  const { text, links: inBody } = htmlToText(body);
  return textPost({
    id: textOf(entry.id) || href || `${source.file}#${source.record}`,
    platform: 'feed',
    author: textOf((entry.author as Node | undefined)?.name) || author,
    createdAt: new Date(date).toISOString(),
    text: combine(textOf(entry.title), text),
    links: [...(href ? [href] : []), ...inBody],
    media: group?.['media:thumbnail'] ? [{ type: 'video' as const }] : [],
    ...(href && { url: href }),
    source,
  });
}
