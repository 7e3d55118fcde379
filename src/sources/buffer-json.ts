import { inputError } from '../errors.js';
import { readJsonEntry } from './json-entry.js';
import { LoadCollector, type FileSource } from './source.js';
import { textPost } from './text-post.js';

interface BufferNode {
  id?: string;
  text?: string;
  dueAt?: string;
  status?: string;
  channelId?: string;
}

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
    const pages = Array.isArray(value) ? value : [value];
    const nodes = pages.flatMap((page) => ((page as { data?: { posts?: { edges?: { node?: BufferNode }[] } } })?.data?.posts?.edges ?? []).map((edge) => edge?.node));
    if (nodes.length === 0 && !pages.every((page) => (page as { data?: { posts?: unknown } })?.data?.posts)) {
      throw inputError({ file }, 'expected a Buffer posts response: { "data": { "posts": { "edges": [ { "node": … } ] } } }');
    }
    nodes.forEach((node, index) => {
      const record = index + 1;
      if (!node?.text || !node.dueAt || Number.isNaN(Date.parse(node.dueAt))) return collector.skip({ file, record }, 'expected a post with text and dueAt');
      if (node.status && node.status.toLowerCase() !== 'scheduled') return collector.exclude(`${node.status.toLowerCase()} post`);
      collector.add(textPost({ id: node.id ?? `${file}#${record}`, platform: 'other', author: node.channelId ?? 'queue', createdAt: new Date(node.dueAt).toISOString(), text: node.text, scheduled: true, source: { file, record } }));
    });
    return collector.result();
  },
};
