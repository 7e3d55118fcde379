import { inputError } from '../errors.js';
import type { Media, Post } from '../model/post.js';
import { htmlToText } from '../text/html-to-text.js';
import { toLink } from '../text/links.js';
import { findEntries, type Input } from './input.js';
import { jsonHeadMatches, readJsonEntry } from './json-entry.js';
import { LoadCollector, type FileSource } from './source.js';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const OUTBOX = /(?:^|\/)outbox\.json$/;

interface Activity {
  type?: string;
  published?: string;
  to?: string | string[];
  cc?: string | string[];
  object?: string | Note;
}

interface Note {
  id?: string;
  url?: string;
  published?: string;
  content?: string;
  summary?: string | null;
  inReplyTo?: string | null;
  quote?: string | { type?: string };
  quoteUri?: string;
  _misskey_quote?: string;
  tag?: { type?: string; name?: string }[];
  attachment?: { type?: string; mediaType?: string; name?: string | null }[];
  likes?: { totalItems?: number };
  shares?: { totalItems?: number };
}

/** A Mastodon account export: the zip, its folder, or outbox.json alone (with actor.json when beside it). */
export const mastodonOutbox: FileSource = {
  id: 'mastodon-outbox',
  description: 'Mastodon account export: the zip, its folder, or outbox.json',
  async detect(input) {
    const outbox = findEntries(input, OUTBOX)[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    return outbox !== undefined && (await jsonHeadMatches(input, outbox, /"type"\s*:\s*"OrderedCollection"[\s\S]*"orderedItems"|"orderedItems"[\s\S]*"type"\s*:\s*"(?:Create|Announce)"/));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const outboxEntry = findEntries(input, OUTBOX)[0] ?? input.entries[0]!;
    const file = input.describe(outboxEntry);
    const outbox = (await readJsonEntry(input, outboxEntry)) as { orderedItems?: Activity[] };
    if (!Array.isArray(outbox?.orderedItems)) throw inputError({ file }, 'expected an ActivityPub OrderedCollection with orderedItems');
    const actor = await readActor(input);
    const handle = actor?.handle ?? 'unknown';
    collector.account = handle;
    outbox.orderedItems.forEach((activity, index) => {
      const record = index + 1;
      const post = toPost(activity, actor?.id, handle, { file, record });
      if (typeof post === 'string') {
        if (post.startsWith('skip:')) collector.skip({ file, record }, post.slice(5));
        else collector.exclude(post);
      } else collector.add(post);
    });
    return collector.result();
  },
};

async function readActor(input: Input): Promise<{ id: string; handle: string } | undefined> {
  const entry = findEntries(input, /(?:^|\/)actor\.json$/)[0];
  if (!entry) return undefined;
  const actor = (await readJsonEntry(input, entry)) as { id?: string; preferredUsername?: string };
  if (!actor?.id || !actor.preferredUsername) return undefined;
  return { id: actor.id, handle: `${actor.preferredUsername}@${new URL(actor.id).host}` };
}

function audience(activity: Activity): string[] {
  return [activity.to, activity.cc].flat().filter((a): a is string => typeof a === 'string');
}

/** A Post, a reason to leave the activity out, or `skip:` and what was wrong with it. */
function toPost(activity: Activity, actorId: string | undefined, handle: string, source: Post['source']): Post | string {
  const published = activity?.published ?? (typeof activity?.object === 'object' ? activity.object.published : undefined);
  if (!activity || !published || Number.isNaN(Date.parse(published))) return 'skip:expected an activity with a published time';
  const everyone = audience(activity);
  if (!everyone.includes(PUBLIC) && !everyone.some((a) => a.endsWith('/followers'))) return 'direct message';
  const base = { platform: 'mastodon' as const, author: handle, createdAt: new Date(published).toISOString(), hashtags: [], mentions: [], media: [], links: [], scheduled: false, source };
  if (activity.type === 'Announce') {
    const boosted = typeof activity.object === 'string' ? activity.object : activity.object?.id;
    return { ...base, id: `${boosted ?? source.record}#boost`, kind: 'repost', text: '', ...(boosted && { url: boosted }) };
  }
  const note = activity.object;
  if (activity.type !== 'Create' || typeof note !== 'object' || !note?.id) return 'skip:expected a Create activity with a Note, or an Announce';
  const { text, links } = htmlToText(note.content ?? '');
  // Mastodon counts a content warning towards the length, and readers see it first.
  const fullText = note.summary ? `${note.summary}\n\n${text}` : text;
  const quoted = typeof note.quote === 'string' ? note.quote : note.quoteUri ?? note._misskey_quote;
  const isOwnReply = Boolean(note.inReplyTo && actorId && note.inReplyTo.startsWith(`${actorId}/`));
  const kind: Post['kind'] = note.inReplyTo && !isOwnReply ? 'reply' : quoted ? 'quote' : 'post';
  const likes = note.likes?.totalItems;
  const shares = note.shares?.totalItems;
  return {
    ...base,
    id: note.id,
    kind,
    text: fullText,
    links: [...new Set([...links, ...(quoted ? [quoted] : [])])].map(toLink),
    hashtags: (note.tag ?? []).filter((t) => t.type === 'Hashtag' && t.name).map((t) => t.name!.replace(/^#/, '')),
    mentions: (note.tag ?? []).filter((t) => t.type === 'Mention' && t.name).map((t) => t.name!.replace(/^@/, '')),
    media: (note.attachment ?? []).filter((a) => a.type === 'Document' || a.type === 'Image' || a.type === 'Video').map(toMedia),
    ...(note.inReplyTo && { replyTo: { id: note.inReplyTo, isOwn: isOwnReply } }),
    ...(note.url && { url: note.url }),
    ...((likes !== undefined || shares !== undefined) && { metrics: { ...(likes !== undefined && { likes }), ...(shares !== undefined && { reposts: shares }) } }),
  };
}

function toMedia(attachment: { mediaType?: string; name?: string | null }): Media {
  const type = attachment.mediaType?.startsWith('image/gif') ? 'gif' : attachment.mediaType?.startsWith('image/') ? 'image' : attachment.mediaType?.startsWith('video/') ? 'video' : attachment.mediaType?.startsWith('audio/') ? 'audio' : 'other';
  // Mastodon writes null or "" for an image without a description: a known gap, not unknown.
  return { type, altText: attachment.name ?? '' };
}
