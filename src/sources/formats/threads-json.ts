import { inputError } from '../../errors.js';
import { findEntries } from '../read/input.js';
import { jsonHeadMatches, readJsonEntry } from '../read/json-entry.js';
import { mediaList, mediaOf, META_LACKS, readMediaPost, syntheticId } from '../read/meta-export.js';
import { LoadCollector, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

const THREADS = /(?:^|\/)threads_and_replies\.json$/;

/**
 * Threads, as Meta's export delivers it: threads/threads_and_replies.json inside an
 * Instagram-style archive, `{ "text_post_app_text_posts": [ … ] }`, each post shaped like an
 * Instagram post. Known: text, time, media, and `text_app_post.is_reply`. Not in the export:
 * ids, permalinks, the post replied to, quotes, reposts and engagement counts.
 */
export const threadsJson: FileSource = {
  id: 'threads-json',
  description: 'Threads export: threads_and_replies.json or the export zip',
  async detect(input) {
    const entry = findEntries(input, THREADS)[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    return entry !== undefined && (await jsonHeadMatches(input, entry, /"text_post_app_text_posts"\s*:/));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const entry = findEntries(input, THREADS)[0] ?? input.entries[0]!;
    const file = input.describe(entry);
    const value = (await readJsonEntry(input, entry)) as { text_post_app_text_posts?: unknown[] };
    if (!Array.isArray(value?.text_post_app_text_posts)) throw inputError({ file }, 'expected { "text_post_app_text_posts": [ … ] }');
    value.text_post_app_text_posts.forEach((value, index) => {
      const record = index + 1;
      const read = readMediaPost(collector, value, { file, record });
      if (!read) return;
      const { post, createdAt, text } = read;
      const isReply = mediaList(post).some((m) => m.text_app_post?.is_reply === true);
      collector.add(
        textPost({
          id: syntheticId('threads', createdAt, text),
          platform: 'threads',
          author: 'threads',
          createdAt,
          text,
          media: mediaOf(post),
          kind: isReply ? 'reply' : 'post',
          ...(isReply && { replyTo: { isOwn: false } }),
          source: { file, record },
        }),
      );
    });
    // Replies are in the same file (is_reply), so only the counts are missing.
    collector.lacks = [...META_LACKS];
    return collector.result();
  },
};
