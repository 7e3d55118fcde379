import { inputError } from '../errors.js';
import { repairDeep } from '../text/mojibake.js';
import { findEntries } from './input.js';
import { jsonHeadMatches, readJsonEntry } from './json-entry.js';
import { syntheticId } from './meta-export.js';
import { LoadCollector, type FileSource } from './source.js';
import { textPost } from './text-post.js';

/** Every era's name for the posts file of a Facebook export (profiles and Pages). */
const POSTS = /(?:^|\/)(?:your_posts(?:__check_ins__photos_and_videos)?|profile_posts)_\d+\.json$/;

interface FacebookPost {
  timestamp?: number;
  title?: string;
  data?: { post?: string; update_timestamp?: number }[];
  attachments?: { data?: { external_context?: { url?: string }; media?: { uri?: string; description?: string } }[] }[];
}

/**
 * Facebook's "Download your information" posts JSON: text in data[].post, shared links in
 * attachments, Unix-second times, every string mojibake-encoded. Exports carry no post id,
 * permalink or engagement counts.
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
      const file = input.describe(entry);
      const posts = repairDeep(await readJsonEntry(input, entry)) as FacebookPost[];
      if (!Array.isArray(posts)) throw inputError({ file }, 'expected a JSON array of posts');
      posts.forEach((post, index) => {
        const record = index + 1;
        if (!post || typeof post.timestamp !== 'number') return collector.skip({ file, record }, 'expected a post with a numeric timestamp');
        const text = post.data?.find((d) => typeof d.post === 'string')?.post ?? '';
        const items = (post.attachments ?? []).flatMap((a) => a.data ?? []);
        const links = items.map((i) => i.external_context?.url).filter((u): u is string => Boolean(u));
        const media = items.filter((i) => i.media?.uri).map((i) => ({ type: /\.(mp4|mov)$/i.test(i.media!.uri!) ? ('video' as const) : ('image' as const) }));
        const createdAt = new Date(post.timestamp * 1000).toISOString();
        // The title is the only hint of a reshare ("… shared a post."); in English exports at least.
        const kind = !text && /shared a (?:post|memory)/i.test(post.title ?? '') ? 'repost' : 'post';
        collector.add(textPost({ id: syntheticId('fb', createdAt, text + links.join(' ')), platform: 'facebook', author: 'facebook', createdAt, text, links, media, kind, source: { file, record } }));
      });
    }
    return collector.result();
  },
};
