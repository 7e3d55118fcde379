import { inputError } from '../../errors.js';
import { findEntries } from '../read/input.js';
import { jsonHeadMatches, readJsonEntry } from '../read/json-entry.js';
import { mediaOf, META_LACKS, readMediaPost, syntheticId } from '../read/meta-export.js';
import { LoadCollector, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

const POSTS = /(?:^|\/)(?:content|media)\/posts_\d+\.json$/;

/**
 * Instagram's export: posts_1.json (in content/ or media/ depending on the era), captions in the
 * post's or its first media item's title, carousels as several media, Unix-second times,
 * mojibake-encoded text. No ids, permalinks, alt text, counts or replies are exported.
 */
export const instagramJson: FileSource = {
  id: 'instagram-json',
  description: 'Instagram export: posts_1.json or the export zip',
  async detect(input) {
    const entry = findEntries(input, POSTS)[0] ?? (input.container === 'file' && /posts_\d+\.json$/.test(input.entries[0]!) ? input.entries[0] : undefined);
    return entry !== undefined && (await jsonHeadMatches(input, entry, /^\s*\[\s*\{\s*"media"\s*:/));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const entries = findEntries(input, POSTS);
    for (const entry of entries.length ? entries : [input.entries[0]!]) {
      const file = input.describe(entry);
      const posts = (await readJsonEntry(input, entry)) as unknown[];
      if (!Array.isArray(posts)) throw inputError({ file }, 'expected a JSON array of posts with media');
      posts.forEach((value, index) => {
        const record = index + 1;
        const read = readMediaPost(collector, value, { file, record });
        if (!read) return;
        const { post, createdAt, text } = read;
        const id = syntheticId('ig', createdAt, text);
        collector.add(textPost({ id, platform: 'instagram', author: 'instagram', createdAt, text, media: mediaOf(post), source: { file, record } }));
      });
    }
    // Only the account's posts are read: what it said to others, where exported at all, is not, so replies stay unknown.
    collector.lacks = ['replies', ...META_LACKS];
    return collector.result();
  },
};
