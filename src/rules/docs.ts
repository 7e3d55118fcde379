import path from 'node:path';
import type { RuleDefinition } from './compile-rule.js';
import { describeThreshold } from './params.js';

/** Where a rule comes from: built-in (its file under rules/) or the user's file. */
export function originOf(definition: RuleDefinition, builtinDir: string): string {
  const file = definition.origin.file;
  const inside = path.relative(builtinDir, path.resolve(file));
  return definition.untrusted
    ? `${file}:${definition.origin.line ?? ''}`.replace(/:$/, '')
    : `built-in (rules/${inside.startsWith('..') ? path.basename(file) : inside})`;
}

const exampleText = (example: unknown): string =>
  Array.isArray(example) ? example.map(exampleText).join(' ⏎ ') : typeof example === 'string' ? example : String((example as { text?: string }).text ?? '');

/** One rule's catalogue entry, in Markdown: shared by `presence rules show` and rules/README.md. */
export function ruleEntry(definition: RuleDefinition): string {
  const { header } = definition;
  const threshold = describeThreshold(definition.written, definition.kind.thresholds) || 'none';
  const scope = [
    header.platforms ? `platforms: ${header.platforms.join(', ')}` : 'every platform',
    header['post-kinds'] ? `post kinds: ${header['post-kinds'].join(', ')}` : '',
    header.when ? `only ${header.when.join(' and ')} posts` : '',
    header['skip-bots'] ? 'not on a self-declared bot' : '',
  ]
    .filter(Boolean)
    .join('; ');
  const lines = [
    `### ${header.id}`,
    '',
    `${capitalise(header.description)}.`,
    '',
    `- **Level:** ${header.level}${header['scheduled-level'] ? ` (${header['scheduled-level']} for scheduled posts)` : ''}; ` +
      `**kind:** ${definition.kind.kind} (${definition.kind.scope === 'post' ? 'per post' : 'account-level'}); ${scope}`,
    `- **Threshold:** ${threshold}`,
    `- **Why:** ${header.why}`,
    `- **Source:** ${header.source}`,
  ];
  const examples = header.examples;
  if (examples?.fail.length) lines.push(`- **Fails:** ${examples.fail.map((e) => `\`${exampleText(e).replace(/`/g, "'").slice(0, 160)}\``).join('; ')}`);
  if (examples?.keep.length)
    lines.push(`- **Earns a keep-doing line:** ${examples.keep.map((e) => `\`${exampleText(e).replace(/`/g, "'").slice(0, 160)}\``).join('; ')}`);
  if (examples?.pass.length) lines.push(`- **Passes:** ${examples.pass.map((e) => `\`${exampleText(e).replace(/`/g, "'").slice(0, 160)}\``).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** The whole catalogue, rules/README.md, generated from the rule files. */
export function catalogue(definitions: readonly RuleDefinition[]): string {
  const families = [...new Set(definitions.map((d) => d.header.family))];
  const parts = [
    '# Built-in rules',
    '',
    'Generated from the rule files in this folder by `presence rules docs --output rules/README.md`; a test keeps it current.',
    'Every threshold names its source (grades A–C and H as in the audit practices: platform documentation, large vendor',
    'studies, practitioner consensus, or a cut-off chosen here and tuned on the labelled set).',
    '',
    'What every rule sees:',
    '',
    '- **The brand’s own words only.** Per-post rules never judge a repost (a retweet, a Mastodon boost, a LinkedIn reshare',
    '  without commentary) nor a post the platform generated (check-ins, "… recommends …"); a quote is judged on the words',
    '  the brand added, and the quoted post is not one of its links. Account-level rules count reposts as amplifying others.',
    '- **A current window.** By default an audit reads the newest 200 posts of each account, none older than 12 months before',
    '  its newest post (`--all` or `--since` widen it); account habits are judged over that window.',
    '- **Evidence first.** A rule whose input cannot show what it needs (`needs:`, e.g. replies in a LinkedIn Shares.csv without',
    '  its Comments.csv) is listed as not evaluated, with the reason.',
    '- **People, not bots.** A rule about people’s habits (`skip-bots: true`: replying, sharing others’ work, rhythm, bare and',
    '  repeated links) is not evaluated on an account that says it is a bot: Mastodon’s automated-account setting, or a bio',
    '  such as "I’m a bot that tweets…".',
    '- **Habits.** A rule’s findings on one network are reported as one habit listing its posts.',
    '',
    '| rule | level | kind | checks |',
    '| --- | --- | --- | --- |',
    ...definitions.map((d) => `| [${d.header.id}](#${d.header.id.replace(/\//g, '')}) | ${d.header.level} | ${d.kind.kind} | ${d.header.description} |`),
  ];
  for (const family of families) {
    parts.push('', `## ${family}`, '');
    for (const d of definitions.filter((x) => x.header.family === family)) parts.push(ruleEntry(d));
  }
  return `${parts
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
