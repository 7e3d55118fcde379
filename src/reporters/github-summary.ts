import { formatWhere } from '../errors.js';
import type { Level } from '../model/finding.js';
import { escapeMarkdown } from './escape.js';
import { ANNOTATIONS_PER_LEVEL } from './github.js';
import { locateFindings } from './locations.js';
import type { Reporter } from './reporter.js';
import { count } from '../plural.js';

/** GitHub refuses a job summary over 1 MiB; stay well under it. */
export const SUMMARY_MAX_BYTES = 1024 * 1024 - 64 * 1024;

/** The Markdown job summary for `$GITHUB_STEP_SUMMARY`: counts, then a table of findings, capped by size. */
export const githubSummary: Reporter = {
  name: 'github-summary',
  description: 'Markdown job summary for $GITHUB_STEP_SUMMARY (written there automatically by check)',
  extension: 'md',
  render(audit) {
    const located = locateFindings(audit);
    const level = (wanted: Level) => located.filter((l) => l.finding.level === wanted).length;
    const annotated = (['error', 'warning', 'suggestion'] as const).reduce((sum, wanted) => sum + Math.min(ANNOTATIONS_PER_LEVEL, level(wanted)), 0);
    const head = [
      '## presence',
      '',
      `${count(level('error'), 'error')}, ${count(level('warning'), 'warning')}, ${count(level('suggestion'), 'suggestion')} ` +
        `in ${count(audit.stats.posts, 'post')} (score ${audit.scores.overall}/100).`,
      ...(located.length > annotated
        ? [
            '',
            `${count(located.length - annotated, 'finding')} ${located.length - annotated === 1 ? 'is' : 'are'} not shown as annotations ` +
              `(GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step); all are listed below.`,
          ]
        : []),
      '',
      '| level | where | rule | finding |',
      '| --- | --- | --- | --- |',
    ].join('\n');
    let text = `${head}\n`;
    // The size so far is kept as a sum: measuring the whole text again for every row made this quadratic.
    let bytes = Buffer.byteLength(text);
    let listed = 0;
    for (const { finding, file, line } of located) {
      const where = file ? formatWhere({ file, line }) : (finding.platform ?? 'account');
      const what = finding.post ? `${finding.message} “${finding.post.excerpt}”` : finding.message;
      const row = `| ${finding.level} | ${escapeMarkdown(where)} | ${escapeMarkdown(finding.rule)} | ${escapeMarkdown(what)} |
`;
      const rowBytes = Buffer.byteLength(row);
      if (bytes + rowBytes > SUMMARY_MAX_BYTES) break;
      text += row;
      bytes += rowBytes;
      listed++;
    }
    if (listed < located.length)
      text += `\n${located.length - listed} more findings not listed: the summary is capped at 1 MiB. Use --format sarif or json for all.\n`;
    return text;
  },
};
