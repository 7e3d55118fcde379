import path from 'node:path';
import type { Command } from 'commander';
import { addSourceOptions, httpSettings, type SourceOptions } from '../command-options.js';
import type { CommandContext } from '../command-context.js';
import { parseCount } from '../options.js';
import { count } from '../../plural.js';
import { redactSecrets } from '../../model/source-spec.js';

type FetchOptions = SourceOptions & { output: string; last: number };

export function register(program: Command, { io }: CommandContext): void {
  const command = program
    .command('fetch')
    .summary('pull posts from an API once, to audit offline and repeatably')
    .description(
      'Read an account over its API (mastodon:@user@server, bluesky:handle, x:handle, feed:https://…) or any file SOURCE, ' +
        'and save the posts as a snapshot that `presence audit` reads back identically. ' +
        'Tokens come only from the environment (MASTODON_TOKEN, X_BEARER_TOKEN) and are never saved.',
    )
    .argument('<source>', 'an account or a file')
    .requiredOption('-o, --output <file>', 'where to write the snapshot (JSON Lines)')
    .option('--last <n>', 'how many of the newest posts to read (an account over its API: 10000 at most)', parseCount('--last'), 200);
  addSourceOptions(command);
  command.action(async (source: string, options: FetchOptions) => {
    const [{ loadPosts }, { writeAtomically }, { writeSnapshot }] = await Promise.all([
      import('../pipeline.js'),
      import('../output.js'),
      import('../../sources/formats/snapshot-jsonl.js'),
    ]);
    const loaded = await loadPosts([source], { strict: options.strict, quiet: options.quiet, ...httpSettings(options) }, io);
    const summary = loaded.sources[0]!;
    const meta = {
      source: redactSecrets(source),
      fetchedAt: new Date().toISOString(),
      ...(summary.account && { account: summary.account }),
      // What the source could not show and when it was made travel with the posts, so the snapshot audits the same.
      ...(summary.exportedAt && { exportedAt: summary.exportedAt }),
      ...(summary.lacks && { lacks: summary.lacks }),
      ...(summary.sites && { sites: summary.sites }),
      ...(summary.bot && { bot: summary.bot }),
    };
    await writeAtomically(path.resolve(io.cwd, options.output), writeSnapshot(loaded.posts, meta));
    if (!options.quiet) io.stderr.write(`presence: ${count(loaded.posts.length, 'post')} from ${redactSecrets(source)} saved to ${options.output}\n`);
  });
}
