import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../../errors.js';
import type { Post } from '../../model/post.js';
import type { CommandContext } from '../command-context.js';
import { collect } from '../options.js';
import { isNeverOwn } from '../../text/links.js';
import { count } from '../../plural.js';

interface InitOptions {
  force: boolean;
  from: string[];
}

export function register(program: Command, { io }: CommandContext): void {
  program
    .command('init')
    .summary('write a commented starter presence.yaml')
    .description(
      'Write a commented starter presence.yaml in the working directory. ' +
        'With --from, propose your own domains, handles and product names from your posts. Asks nothing.',
    )
    .option('--from <source>', 'posts to learn domains, handles and product names from (repeatable)', collect, [])
    .option('--force', 'overwrite an existing presence.yaml', false)
    .action(async (options: InitOptions) => {
      const [{ writeAtomically }, { BUILTIN_RULES_DIR }, { loadPosts }] = await Promise.all([
        import('../output.js'),
        import('../../rules/load-rules.js'),
        import('../pipeline.js'),
      ]);
      const file = path.join(io.cwd, 'presence.yaml');
      if (
        !options.force &&
        (await access(file).then(
          () => true,
          () => false,
        ))
      )
        throw usageError('presence.yaml already exists', 'use --force to overwrite it');
      const loaded = options.from.length ? await loadPosts(options.from, { strict: false, quiet: true }, io) : undefined;
      const schema = path
        .relative(io.cwd, path.join(BUILTIN_RULES_DIR, 'schema', 'presence.schema.json'))
        .split(path.sep)
        .join('/');
      await writeAtomically(
        file,
        starterProfile(
          schema,
          loaded
            ? propose(
                loaded.posts,
                loaded.sources.map((s) => s.account),
              )
            : undefined,
        ),
      );
      io.stdout.write(`wrote presence.yaml${loaded ? ` with proposals from ${count(loaded.posts.length, 'post')}` : ''}; check it, then run presence audit\n`);
    });
}

interface Proposal {
  domains: string[];
  handles: Record<string, string>;
  products: string[];
}

/**
 * Own domains (the most linked that are not networks), handles (the accounts read)
 * and product names (capitalised names after "meet", "introducing", "our new").
 */
export function propose(posts: readonly Post[], accounts: readonly (string | undefined)[]): Proposal {
  const domains = new Map<string, number>();
  for (const post of posts) for (const link of post.links) if (!isNeverOwn(link.domain)) domains.set(link.domain, (domains.get(link.domain) ?? 0) + 1);
  const handles: Record<string, string> = {};
  for (const post of posts) if (post.author !== 'unknown' && !handles[post.platform] && accounts.includes(post.author)) handles[post.platform] = post.author;
  const products = new Map<string, number>();
  for (const post of posts) {
    for (const match of post.text.matchAll(/\b(?:[Mm]eet|[Ii]ntroducing|[Oo]ur new|[Tt]he new)\s+(?:the\s+)?((?:[A-Z][\p{L}\d]+)(?:\s+[A-Z][\p{L}\d]+)?)/gu))
      products.set(match[1]!, (products.get(match[1]!) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>, n: number) =>
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([k]) => k);
  return { domains: top(domains, 3), handles, products: top(products, 5) };
}

const list = (items: readonly string[]) => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;

export function starterProfile(schema: string, proposal?: Proposal): string {
  const handles =
    proposal && Object.keys(proposal.handles).length
      ? `\n${Object.entries(proposal.handles)
          .map(([p, h]) => `    ${p}: ${JSON.stringify(h)}`)
          .join('\n')}`
      : ' {}   # e.g. { x: yourbrand, mastodon: yourbrand@mastodon.social }';
  const domainsNote = proposal ? '\n  # Proposed from the links in your posts: keep only the ones that are yours.' : '';
  const productsNote = proposal ? '\n  # Proposed from "meet …", "introducing …" and "our new …" in your posts.' : '';
  return `# yaml-language-server: $schema=${schema}
# The brand profile for presence: who you are, how you sound, and which rules you change.
# Every key is checked; \`presence rules list\` shows the rules, \`presence rules show ID\` explains one.

brand:
  name: Your Brand
  # Your handle on each network, without @. Lets presence spot links to your own profiles elsewhere.
  handles:${handles}
  # Your own web domains: links there are your pages, and a link to your shop or pricing reads as a sales post.${domainsNote}
  domains: ${proposal?.domains.length ? list(proposal.domains) : '[]   # e.g. [yourbrand.example]'}
  # Product names: a launch of one of these reads as promotion.${productsNote}
  products: ${proposal?.products.length ? list(proposal.products) : '[]'}

voice:
  # Words you never use (brand-voice/avoid-words).
  avoid: []
  # Preferred terms, avoided: preferred (brand-voice/preferred-terms).
  prefer: {}
  # Your habits: the tone rules judge a post only against a habit set here.
  # never | sparingly | freely (brand-voice/exclamation)
  exclamation: sparingly
  # At most this many emoji a post (brand-voice/emoji-load).
  # max-emoji: 2
  # At most this many shouted words a post (brand-voice/all-caps).
  # max-caps-words: 1

# Your own rule files, in the same format as the built-in ones.
rule-files: []

# Switch a rule off, change its level, or change its parameters:
rules: {}
#   cadence/silence: off
#   platform-fit/hashtags: suggestion
#   self-promotion/promotional-share: { max: 25 }
`;
}
