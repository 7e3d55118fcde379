import { formatWhere } from '../errors.js';
import type { Finding } from '../model/finding.js';
import { localDate } from '../local-time.js';
import { csvCell } from './escape.js';
import type { Reporter } from './reporter.js';

const COLUMNS = ['permalink', 'id', 'platform', 'date', 'post', 'reasons', 'rules', 'source'];

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
        return [post.url, post.id, post.platform, localDate(post.createdAt, options.timeZone), post.excerpt, findings.map((f) => f.message).join('; '), findings.map((f) => f.rule).join('; '), formatWhere(post.source)].map(csvCell).join(',');
      });
    return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
  },
};
