import type { Finding } from '../model/finding.js';
import { localDate } from '../local-time.js';
import { csvCell } from './escape.js';
import { postSource } from './report-sections.js';
import type { Reporter } from './reporter.js';

const COLUMNS = ['permalink', 'id', 'platform', 'date', 'post', 'reasons', 'rules', 'source'];

/** Excel reads a CSV as the system's code page unless it starts with this mark; LibreOffice and Google Sheets take it as UTF-8 too. */
const UTF8_BOM = '\uFEFF';

/**
 * A numeric post id as the formula ="…", which every spreadsheet turns into text: a bare 19-digit
 * id is read as a number and rounded to 15 digits, so the post could no longer be found. Only
 * digits go in, so the formula can do nothing else.
 */
function idCell(id: string): string {
  return /^\d+$/.test(id) ? `"=""${id}"""` : csvCell(id);
}

/**
 * The delete list as a spreadsheet: one row per post to delete, every reason on it, dated in the audit's time zone. Cells that
 * would start a formula are neutralised.
 */
export const csv: Reporter = {
  name: 'csv',
  description: 'the delete list as CSV: one row per post, for a spreadsheet',
  extension: 'csv',
  render(audit, options) {
    const byPost = new Map<string, Finding[]>();
    for (const finding of audit.findings) {
      if (finding.bucket !== 'delete' || !finding.post) continue;
      const list = byPost.get(finding.post.id);
      if (list) list.push(finding);
      else byPost.set(finding.post.id, [finding]);
    }
    const rows = [...byPost.values()]
      .sort((a, b) => a[0]!.post!.createdAt.localeCompare(b[0]!.post!.createdAt))
      .map((findings) => {
        const post = findings[0]!.post!;
        const cells = [
          post.url,
          post.platform,
          localDate(post.createdAt, options.timeZone),
          post.excerpt,
          findings.map((f) => f.message).join('; '),
          findings.map((f) => f.rule).join('; '),
          postSource(post.source),
        ].map(csvCell);
        return [cells[0], idCell(post.id), ...cells.slice(1)].join(',');
      });
    return `${UTF8_BOM}${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
  },
};
