import { z } from 'zod';
import { inputError } from '../../errors.js';
import type { Evidence } from '../../model/audit.js';
import type { Post } from '../../model/post.js';
import { repairDeep } from '../../text/mojibake.js';
import { findEntries, type Input } from '../read/input.js';
import { jsonHeadMatches, readJsonEntry } from '../read/json-entry.js';
import { META_LACKS, syntheticId } from '../read/meta-export.js';
import { LoadCollector, UnixSeconds, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

/** Every era's name for the posts file of a Facebook export (profiles and Pages). */
const POSTS = /(?:^|\/)(?:your_posts(?:__check_ins__photos_and_videos)?|profile_posts)_\d+\.json$/;
/** The account's comments sit in their own file, under comments_and_reactions/ (comments/ in older exports). */
const COMMENTS = /(?:^|\/)comments(?:_and_reactions)?\/comments(?:_\d+)?\.json$/;

/**
 * Titles of entries Facebook wrote about the account rather than posts the account wrote. They count
 * as generated only when the entry has no typed `data[].post`: a check-in with a comment is the brand's
 * words. The title is in the export's language: English and Spanish here, matched after mojibake repair.
 */
export const GENERATED_TITLES: readonly RegExp[] = [
  /\brecommends\b|\brecomienda\b/,
  /\b(?:was|were) at\b|\bchecked in (?:at|to)\b|\bestaba en\b|\bha estado en\b/,
  /\b(?:updated|changed)\b.*\b(?:profile|cover photo|cover video)\b|\bha (?:actualizado|cambiado) su foto (?:del perfil|de portada)\b/,
  /\bshared a memory\b|\bha compartido un recuerdo\b/,
  /\bis (?:feeling|with|celebrating)\b|\bse siente\b/,
  /\badded (?:a|\d+) new (?:photos?|videos?)\b|\bha añadido (?:una|\d+) fotos? nuevas?\b/,
  /\bis (?:attending|interested in|going to)\b|\bha añadido .+ a (?:libros|películas)\b/,
];

/**
 * Someone else's post, photo or video shared on: the export keeps only the title (and the account's
 * comment, if it wrote one), never the shared words. A shared link is the account's own link post.
 */
const RESHARE_TITLES: readonly RegExp[] = [
  /\bshared (?:a|an|.+?[’']s?) (?:post|photo|video|reel|memory)\b/,
  /\b(?:ha compartido|compartió) (?:una publicación|una foto|un vídeo|un video|la publicación|la foto|el vídeo|un recuerdo)\b/,
];

/** Posted by an app on the account's behalf: "… ha publicado algo a través de YouTube." / "… posted something via Spotify." */
const VIA_APP = /\b(?:posted something via|ha publicado algo a través de|ha hecho una publicación a través de) (.+?)\.?$/;

/** A post on someone else's timeline is conversation with them. Either apostrophe, as repaired titles may carry ’. */
const ON_TIMELINE = /\b(?:wrote|posted) on (.+?)[’'](?:s\b)? timeline\b|\bha escrito en la biografía de (.+?)\.?$/;
/** "… commented on Studio Lumen's post." / "… replied to Ana's comment." */
const COMMENTED_ON = /\b(?:commented on|replied to) (.+?)[’'](?:s\b)? /;
const ON_OWN = /\b(?:commented on|replied to) (?:his|her|their|its|your) own\b/;

const Attachments = z.array(
  z.object({
    data: z
      .array(z.object({ external_context: z.object({ url: z.string().optional() }).optional(), media: z.object({ uri: z.string().optional() }).optional() }))
      .optional(),
  }),
);

const FacebookPost = z.object({
  timestamp: UnixSeconds,
  title: z.string().optional(),
  data: z.array(z.object({ post: z.string().optional() })).optional(),
  attachments: Attachments.optional(),
});

const FacebookComment = z
  .object({
    timestamp: UnixSeconds.optional(),
    title: z.string().optional(),
    data: z.array(z.object({ comment: z.object({ comment: z.string().optional(), timestamp: UnixSeconds.optional() }).optional() })).optional(),
    attachments: Attachments.optional(),
  })
  .refine((c) => (c.timestamp ?? c.data?.find((d) => d.comment)?.comment?.timestamp) !== undefined, 'expected a comment with a timestamp');

/** Shared links and media: the same attachment shape on posts and on comments. */
function attached(attachments: z.infer<typeof Attachments> = []): Pick<Post, 'media'> & { links: string[] } {
  const items = attachments.flatMap((a) => a.data ?? []);
  return {
    links: items.map((i) => i.external_context?.url).filter((u): u is string => Boolean(u)),
    media: items.filter((i) => i.media?.uri).map((i) => ({ type: /\.(mp4|mov)$/i.test(i.media!.uri!) ? ('video' as const) : ('image' as const) })),
  };
}

interface RecordFile<T> {
  schema: z.ZodType<T>;
  /** Where the records sit in the parsed file, and what the message says when they are not there. */
  list: (value: unknown) => unknown;
  expected: string;
}

const POSTS_FILE: RecordFile<z.infer<typeof FacebookPost>> = { schema: FacebookPost, list: (value) => value, expected: 'expected a JSON array of posts' };
const COMMENTS_FILE: RecordFile<z.infer<typeof FacebookComment>> = {
  schema: FacebookComment,
  // comments_v2 since about 2022, comments before.
  list: (value) => {
    const file = value as { comments_v2?: unknown; comments?: unknown } | null;
    return file?.comments_v2 ?? file?.comments;
  },
  expected: 'expected { "comments": [ … ] }',
};

type Place = { file: string; record: number };

/** Parses one JSON file, repaired, and walks its records; a record that fails its schema is skipped and counted. */
async function eachRecord<T>(input: Input, entry: string, into: LoadCollector, shape: RecordFile<T>, visit: (record: T, where: Place) => Post): Promise<void> {
  const file = input.describe(entry);
  const list = shape.list(repairDeep(await readJsonEntry(input, entry)));
  if (!Array.isArray(list)) throw inputError({ file }, shape.expected);
  list.forEach((value, index) => {
    const where = { file, record: index + 1 };
    const record = into.parse(shape.schema, value, where);
    if (record) into.add(visit(record, where));
  });
}

function postOf(post: z.infer<typeof FacebookPost>, source: Place): Post {
  const text = post.data?.find((d) => typeof d.post === 'string')?.post ?? '';
  const title = post.title ?? '';
  const { links, media } = attached(post.attachments);
  const createdAt = post.timestamp;
  const app = VIA_APP.exec(title)?.[1];
  const generated = !text && (Boolean(app) || GENERATED_TITLES.some((phrase) => phrase.test(title)));
  const onTimeline = ON_TIMELINE.exec(title);
  const timeline = onTimeline?.[1] ?? onTimeline?.[2];
  // The title is the only hint of a reshare; with a comment of its own it is a quote of the shared post.
  const reshare = RESHARE_TITLES.some((phrase) => phrase.test(title));
  const kind = timeline ? 'reply' : reshare ? (text ? 'quote' : 'repost') : 'post';
  // Entries without words of their own (a batch of recommendations seconds apart) differ only by their title.
  const identity = text + links.join(' ') + (text ? '' : title);
  return textPost({
    id: syntheticId('fb', createdAt, identity),
    platform: 'facebook',
    author: 'facebook',
    createdAt,
    text,
    links,
    media,
    kind,
    ...(timeline && { replyTo: { isOwn: false, author: timeline } }),
    ...(generated && { generated }),
    ...(app && { app }),
    source,
  });
}

function commentOf(record: z.infer<typeof FacebookComment>, source: Place): Post {
  const comment = record.data?.find((d) => d.comment)?.comment;
  const text = comment?.comment ?? '';
  const title = record.title ?? '';
  const createdAt = (record.timestamp ?? comment!.timestamp)!;
  const isOwn = ON_OWN.test(title);
  const author = isOwn ? undefined : COMMENTED_ON.exec(title)?.[1];
  return textPost({
    id: syntheticId('fb-comment', createdAt, text + title),
    platform: 'facebook',
    author: 'facebook',
    createdAt,
    text,
    ...attached(record.attachments),
    kind: 'reply',
    replyTo: { isOwn, ...(author && { author }) },
    source,
  });
}

/**
 * Facebook's "Download your information" posts JSON: text in data[].post, shared links in
 * attachments, Unix-second times, every string mojibake-encoded. Exports carry no post id,
 * permalink or engagement counts, and the account's comments only when comments.json came along.
 */
export const facebookJson: FileSource = {
  id: 'facebook-json',
  description: 'Facebook export: your_posts_1.json (any era) or the export zip',
  async detect(input) {
    const entries = findEntries(input, POSTS);
    const entry = entries[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    return entry !== undefined && (await jsonHeadMatches(input, entry, /^\s*\[\s*\{[\s\S]*"timestamp"\s*:\s*\d+[\s\S]*"(?:data|attachments|title)"/));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const entries = findEntries(input, POSTS);
    for (const entry of entries.length ? entries : [input.entries[0]!]) {
      await eachRecord(input, entry, collector, POSTS_FILE, postOf);
    }
    const comments = findEntries(input, COMMENTS);
    for (const entry of comments) await eachRecord(input, entry, collector, COMMENTS_FILE, commentOf);
    const lacks: Evidence[] = comments.length ? [] : ['replies'];
    collector.lacks = [...lacks, ...META_LACKS];
    return collector.result();
  },
};
