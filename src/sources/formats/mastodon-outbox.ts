import path from 'node:path';
import { z } from 'zod';
import { inputError } from '../../errors.js';
import type { Media, Post } from '../../model/post.js';
import { htmlToText } from '../../text/html-to-text.js';
import { hostOf, parseUrl, toLink, ownSites } from '../../text/links.js';
import { botDeclaration, MASTODON_BOT } from '../read/bot-profile.js';
import { findEntries, type Input } from '../read/input.js';
import { jsonHeadMatches, readJsonEntry } from '../read/json-entry.js';
import { Count, LoadCollector, TextTime, type FileSource } from '../source.js';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const OUTBOX = /(?:^|\/)outbox\.json$/;
const ACTOR = /(?:^|\/)actor\.json$/;
/** Mastodon repeats a quoted post's link in a paragraph of its own, for servers that cannot show quotes. */
const QUOTE_INLINE = /<p\b[^>]*\bclass="[^"]*\bquote-inline\b[^"]*"[^>]*>[\s\S]*?<\/p>/gi;

interface Actor {
  id?: string;
  type?: string;
  preferredUsername?: string;
  followers?: string;
  summary?: string | null;
  attachment?: { type?: string; name?: string; value?: string }[];
}

/** Who the export belongs to, as actor.json says. */
interface Owner {
  id: string;
  handle: string;
  followers: string;
  sites: string[];
  bot?: string;
}

/** `to` and `cc`: one address or several. */
const Addressees = z.union([z.string(), z.array(z.string())]).optional();

/** The brand's own post, checked for every field read of it; Mastodon writes null for an absent summary, reply or description. */
const Note = z.object({
  id: z.string().optional(),
  to: Addressees,
  cc: Addressees,
  url: z.string().optional(),
  published: TextTime.optional(),
  content: z.string().optional(),
  summary: z.string().nullish(),
  inReplyTo: z.string().nullish(),
  quote: z.union([z.string(), z.object({ type: z.string().optional() })]).optional(),
  quoteUri: z.string().optional(),
  _misskey_quote: z.string().optional(),
  tag: z.array(z.object({ type: z.string().optional(), name: z.string().optional() })).optional(),
  attachment: z.array(z.object({ type: z.string().optional(), mediaType: z.string().optional(), name: z.string().nullish() })).optional(),
  likes: z.object({ totalItems: Count.optional() }).optional(),
  shares: z.object({ totalItems: Count.optional() }).optional(),
});
type Note = z.infer<typeof Note>;

const Create = z.object({
  type: z.string().optional(),
  published: TextTime.optional(),
  to: Addressees,
  cc: Addressees,
  object: z.union([z.string(), Note]).optional(),
});

/** A boost's object is someone else's post, of whatever server: only its address and time are read. */
const Announce = Create.extend({
  object: z.union([z.string(), z.object({ id: z.string().optional(), published: TextTime.optional(), to: Addressees, cc: Addressees })]).optional(),
});
type Activity = z.infer<typeof Create> | z.infer<typeof Announce>;

/** A Mastodon account export: the zip, its folder, or outbox.json alone (with actor.json when beside it). */
export const mastodonOutbox: FileSource = {
  id: 'mastodon-outbox',
  description: 'Mastodon account export: the zip, its folder, or outbox.json',
  async detect(input) {
    const outbox = findEntries(input, OUTBOX)[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    return (
      outbox !== undefined &&
      (await jsonHeadMatches(input, outbox, /"type"\s*:\s*"OrderedCollection"[\s\S]*"orderedItems"|"orderedItems"[\s\S]*"type"\s*:\s*"(?:Create|Announce)"/))
    );
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const outboxEntry = findEntries(input, OUTBOX)[0] ?? input.entries[0]!;
    const file = input.describe(outboxEntry);
    const outbox = (await readJsonEntry(input, outboxEntry)) as { orderedItems?: unknown[] };
    if (!Array.isArray(outbox?.orderedItems)) throw inputError({ file }, 'expected an ActivityPub OrderedCollection with orderedItems');
    const actor = (await readActor(input)) ?? ownerOfOutbox(outbox.orderedItems);
    const handle = actor?.handle ?? 'unknown';
    collector.account = handle;
    collector.sites = actor?.sites;
    collector.bot = actor?.bot;
    collector.exportedAt = exportTime(input.label);
    outbox.orderedItems.forEach((value, index) => {
      const where = { file, record: index + 1 };
      const activity = collector.parse((value as { type?: unknown } | null)?.type === 'Announce' ? Announce : Create, value, where);
      if (!activity) return;
      const post = toPost(activity, actor, handle, where);
      if (typeof post === 'string') {
        if (post.startsWith('skip:')) collector.skip(where, post.slice(5));
        else collector.exclude(post);
      } else collector.add(post);
    });
    return collector.result();
  },
};

/** Mastodon names its export `archive-YYYYMMDDHHMMSS-<hash>.zip` after the moment it was made (UTC). */
function exportTime(label: string): string | undefined {
  const stamp = /(?:^|[/\\])archive-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})-[0-9a-f]+(?:\.zip)?$/i.exec(label);
  if (!stamp) return undefined;
  const [, year, month, day, hour, minute, second] = stamp.map(Number) as number[];
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * actor.json from the archive, or from beside outbox.json when that file is given alone, so the
 * handle, instance and sites are the same whichever form the user names.
 */
async function readActor(input: Input): Promise<Owner | undefined> {
  const entry = findEntries(input, ACTOR)[0];
  if (entry) return toOwner((await readJsonEntry(input, entry)) as Actor | null);
  const beside = await input.beside?.('actor.json');
  if (!beside) return undefined;
  try {
    return toOwner((await readJsonEntry(beside, beside.entries[0]!)) as Actor | null);
  } finally {
    await beside.close();
  }
}

function toOwner(actor: Actor | null): Owner | undefined {
  if (!actor?.id || !actor.preferredUsername) return undefined;
  const instance = parseUrl(actor.id);
  if (!instance) return undefined;
  // The actor's `url` is its page on the instance; the sites are the links in its profile fields and bio.
  const fields = Array.isArray(actor.attachment) ? actor.attachment.filter((field) => field?.type === 'PropertyValue') : [];
  const html = [actor.summary, ...fields.map((field) => field.value)].filter((fragment): fragment is string => typeof fragment === 'string');
  return {
    id: actor.id,
    handle: `${actor.preferredUsername}@${instance.host}`,
    followers: typeof actor.followers === 'string' ? actor.followers : `${actor.id}/followers`,
    sites: ownSites(
      html.flatMap((fragment) => htmlToText(fragment).links),
      [hostOf(instance)],
    ),
    bot: actor.type === 'Service' ? MASTODON_BOT : botDeclaration(typeof actor.summary === 'string' ? htmlToText(actor.summary).text : undefined),
  };
}

/**
 * An outbox without its actor.json still names its account: each activity's `actor` is the
 * account's id, and a post's page (`…/@name/…`) or the id (`…/users/name`) its user name. Without
 * it, the account's answers in its own threads would read as replies to others. Its sites are unknown.
 */
function ownerOfOutbox(items: readonly unknown[]): Owner | undefined {
  const activities = items.slice(0, 50) as { actor?: unknown; object?: { url?: unknown } }[];
  const id = activities.find((activity) => typeof activity?.actor === 'string')?.actor as string | undefined;
  const instance = id === undefined ? undefined : parseUrl(id);
  if (!id || !instance) return undefined;
  const page = activities.map((activity) => activity?.object?.url).find((url): url is string => typeof url === 'string' && PROFILE_PAGE.test(url));
  const name = (page && PROFILE_PAGE.exec(page)?.[1]) ?? USER_ID.exec(id)?.[1];
  return name ? { id, handle: `${name}@${instance.host}`, followers: `${id}/followers`, sites: [] } : undefined;
}

const PROFILE_PAGE = /^https?:\/\/[^/]+\/@([\w.-]+)\/\w+$/;
const USER_ID = /\/users\/([\w.-]+)$/;

function addressees(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}

/**
 * Mastodon's addressing: a public post goes to Public, an unlisted one only copies Public, a
 * followers-only one goes to the followers collection alone; anything else is a direct message.
 */
function visibilityOf(activity: Activity, owner: Owner | undefined): Post['visibility'] | 'direct' {
  const note = typeof activity.object === 'object' ? activity.object : undefined;
  const to = addressees(activity.to ?? note?.to);
  const cc = addressees(activity.cc ?? note?.cc);
  if (to.includes(PUBLIC)) return 'public';
  if (cc.includes(PUBLIC)) return 'unlisted';
  const isFollowers = (address: string) => (owner ? address === owner.followers : address.endsWith('/followers'));
  return to.some(isFollowers) || cc.some(isFollowers) ? 'followers' : 'direct';
}

/** The quoted post's author as `name@host`, read off `https://host/users/<name>/statuses/<id>` or `https://host/@<name>/<id>`. */
function authorOf(uri: string): string | undefined {
  const match = /^https?:\/\/([^/]+)\/(?:users\/([^/]+)\/statuses|@([^/]+))\//i.exec(uri);
  return match ? `${match[2] ?? match[3]}@${match[1]!.toLowerCase()}` : undefined;
}

/** A Post, a reason to leave the activity out, or `skip:` and what was wrong with it. */
function toPost(activity: Activity, owner: Owner | undefined, handle: string, source: Post['source']): Post | string {
  const createdAt = activity.published ?? (typeof activity.object === 'object' ? activity.object.published : undefined);
  if (!createdAt) return 'skip:expected an activity with a published time';
  const visibility = visibilityOf(activity, owner);
  if (visibility === 'direct') return 'direct message';
  const empty = { hashtags: [], mentions: [], media: [], links: [] };
  const base = { platform: 'mastodon' as const, author: handle, createdAt, ...empty, visibility, scheduled: false, source };
  if (activity.type === 'Announce') {
    const boosted = typeof activity.object === 'string' ? activity.object : activity.object?.id;
    // A boost carries no words of the brand's: an embedded copy's content is the boosted author's, and never read.
    return { ...base, id: `${boosted ?? source.record}#boost`, kind: 'repost', text: '', ...(boosted && { url: boosted }) };
  }
  // Anything but a boost was read with the Create schema: its object is a Note.
  const note = activity.object as string | Note | undefined;
  if (activity.type !== 'Create' || typeof note !== 'object' || !note.id) return 'skip:expected a Create activity with a Note, or an Announce';
  const quoted = typeof note.quote === 'string' ? note.quote : (note.quoteUri ?? note._misskey_quote);
  const { text, links } = htmlToText(quoted ? (note.content ?? '').replace(QUOTE_INLINE, '') : (note.content ?? ''));
  // Mastodon counts a content warning towards the length, and readers see it first.
  const fullText = note.summary ? `${note.summary}\n\n${text}` : text;
  const isOwnReply = Boolean(note.inReplyTo && owner && note.inReplyTo.startsWith(`${owner.id}/`));
  const bridged = bridgedRetweet(fullText, links);
  // A post that opens with someone's handle talks to them, as X marks such a tweet a reply: on real
  // accounts they are answers ("@ryan Definitely! Thanks for the tip") whose reply link was lost.
  const lostParent = !note.inReplyTo && /^\s*@/.test(text) && !opensWithOwnHandle(text, handle);
  const kind: Post['kind'] = (note.inReplyTo && !isOwnReply) || lostParent ? 'reply' : quoted || bridged ? 'quote' : 'post';
  const quotedAuthor = quoted && authorOf(quoted);
  const likes = note.likes?.totalItems;
  const shares = note.shares?.totalItems;
  const tags = (note.tag ?? []).filter((t) => t.type === 'Hashtag' && t.name).map((t) => t.name!.replace(/^#/, ''));
  const mentions = (note.tag ?? []).filter((t) => t.type === 'Mention' && t.name).map((t) => t.name!.replace(/^@/, ''));
  const media = (note.attachment ?? []).filter((a) => a.type === 'Document' || a.type === 'Image' || a.type === 'Video').map(toMedia);
  return {
    ...base,
    id: note.id,
    kind,
    // A tweet bridged from X is the tweet's author's words, picture and tags: only the comment before it is the brand's.
    text: bridged ? bridged.own : fullText,
    // The quoted post is someone else's: it is `quoted`, not a link the brand shares.
    links: [...new Set((bridged ? bridged.ownLinks : links).filter((link) => link !== quoted))].map(toLink),
    hashtags: bridged ? tags.filter((tag) => bridged.own.toLowerCase().includes(`#${tag.toLowerCase()}`)) : tags,
    mentions: bridged ? mentions.filter((m) => bridged.own.includes(`@${m.split('@')[0]}`)) : mentions,
    media: bridged ? [] : media,
    ...(note.inReplyTo && { replyTo: { id: note.inReplyTo, isOwn: isOwnReply } }),
    ...(lostParent && { replyTo: { isOwn: false } }),
    ...(note.url && { url: note.url }),
    ...(quoted && { quoted: { url: quoted, ...(quotedAuthor && { author: quotedAuthor }) } }),
    ...(bridged && !quoted && { quoted: { url: bridged.url, author: bridged.author } }),
    ...((likes !== undefined || shares !== undefined) && {
      metrics: { ...(likes !== undefined && { likes }), ...(shares !== undefined && { reposts: shares }) },
    }),
  };
}

/** `comment RT @someone@twitter.com text 🐦🔗: link`, as the Twitter-to-Mastodon bridges wrote a quoted tweet. */
const BRIDGED_RT = /(?:^|\s)RT @([\w]{1,15})@(?:twitter\.com|x\.com)\b/;
const STATUS_LINK = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/\w+\/status\/\d+/i;

function bridgedRetweet(text: string, links: readonly string[]): { own: string; ownLinks: string[]; author: string; url: string } | undefined {
  const match = BRIDGED_RT.exec(text);
  if (!match) return undefined;
  const own = text.slice(0, match.index).trim();
  const status = links.find((link) => STATUS_LINK.test(link));
  return { own, ownLinks: links.filter((link) => own.includes(link)), author: match[1]!, url: status ?? `https://twitter.com/${match[1]}` };
}

function opensWithOwnHandle(text: string, handle: string): boolean {
  const user = handle.split('@')[0]!.toLowerCase();
  const opening = /^\s*@([\w.-]+)/.exec(text)?.[1]?.toLowerCase();
  return opening === user;
}

function toMedia(attachment: { mediaType?: string; name?: string | null }): Media {
  const type = attachment.mediaType?.startsWith('image/gif')
    ? 'gif'
    : attachment.mediaType?.startsWith('image/')
      ? 'image'
      : attachment.mediaType?.startsWith('video/')
        ? 'video'
        : attachment.mediaType?.startsWith('audio/')
          ? 'audio'
          : 'other';
  // Mastodon writes null or "" for an image without a description: a known gap, not unknown.
  return { type, altText: attachment.name ?? '' };
}
