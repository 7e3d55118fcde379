import { z } from 'zod';
import { inputError } from '../../errors.js';
import { readJsonEntry } from '../read/json-entry.js';
import { LoadCollector, TextTime, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

/** One queued post; Buffer's GraphQL API writes null for what a post does not have. */
const BufferNode = z.object({
  id: z.string().nullish(),
  text: z.string().min(1, 'expected the text of the post'),
  dueAt: TextTime,
  status: z.string().nullish(),
  channelId: z.string().nullish(),
});

const EXPECTED = 'expected a Buffer posts response: { "data": { "posts": { "edges": [ { "node": … } ] } } }';

/**
 * A Buffer queue as its GraphQL API returns it (`data.posts.edges[].node`, pages concatenated
 * in a JSON array also accepted). Buffer documents no CSV import; this is the machine-readable
 * form of a Buffer queue. Only scheduled posts are queued posts; sent ones are history.
 */
export const bufferJson: FileSource = {
  id: 'buffer-json',
  description: 'Buffer queue as returned by its GraphQL API (data.posts.edges[].node with dueAt)',
  async detect(input) {
    if (input.container !== 'file') return false;
    const head = (await input.head(input.entries[0]!, 2048)).toString('utf8');
    return /"posts"\s*:\s*\{\s*"edges"/.test(head) && /"dueAt"/.test(head);
  },
  async load(input, options) {
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    const collector = new LoadCollector(options);
    const value = await readJsonEntry(input, entry);
    const pages = (Array.isArray(value) ? value : [value]) as ({ data?: { posts?: { edges?: unknown } } } | null)[];
    const edges = pages.flatMap((page) => {
      const list = page?.data?.posts?.edges ?? [];
      if (!Array.isArray(list)) throw inputError({ file }, EXPECTED);
      return list as unknown[];
    });
    if (edges.length === 0 && !pages.every((page) => page?.data?.posts)) throw inputError({ file }, EXPECTED);
    edges.forEach((edge, index) => {
      const record = index + 1;
      const node = collector.parse(BufferNode, (edge as { node?: unknown } | null)?.node, { file, record });
      if (!node) return;
      if (node.status && node.status.toLowerCase() !== 'scheduled') return collector.exclude(`${node.status.toLowerCase()} post`);
      collector.add(
        textPost({
          id: node.id ?? `${file}#${record}`,
          platform: 'other',
          author: node.channelId ?? 'queue',
          createdAt: node.dueAt,
          text: node.text,
          scheduled: true,
          source: { file, record },
        }),
      );
    });
    return collector.result();
  },
};
