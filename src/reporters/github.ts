import type { Level } from '../model/finding.js';
import { escapeCommandData, escapeCommandProperty } from './escape.js';
import { findingText, locateFindings } from './locations.js';
import type { Reporter } from './reporter.js';
import { count } from '../plural.js';

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;
const COMMAND: Record<Level, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', suggestion: 'notice' };

/**
 * GitHub Actions workflow commands, most severe first, at most ten of each level (what GitHub
 * shows per step), then a plain line counting the rest. Message and properties are escaped as
 * actions/toolkit does, so a post's text can never start a command of its own.
 */
export const github: Reporter = {
  name: 'github',
  description: 'GitHub Actions annotations (workflow commands)',
  extension: 'txt',
  render(audit) {
    const shown: Record<Level, number> = { error: 0, warning: 0, suggestion: 0 };
    const lines: string[] = [];
    let hidden = 0;
    for (const { finding, file, line } of locateFindings(audit)) {
      if (shown[finding.level] >= ANNOTATIONS_PER_LEVEL) {
        hidden++;
        continue;
      }
      shown[finding.level]++;
      const properties = [
        ...(file ? [`file=${escapeCommandProperty(file)}`] : []),
        ...(line !== undefined ? [`line=${line}`] : []),
        `title=${escapeCommandProperty(`presence ${finding.rule}`)}`,
      ].join(',');
      lines.push(`::${COMMAND[finding.level]} ${properties}::${escapeCommandData(findingText(finding))}`);
    }
    if (hidden > 0) {
      lines.push(
        `presence: ${count(hidden, 'more finding')} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} of each level per step); ` +
          'see the job summary or the SARIF report.',
      );
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
  },
};
