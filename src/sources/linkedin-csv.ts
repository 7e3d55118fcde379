import { findEntries } from './input.js';
import { csvHeader, readCsv } from './csv-rows.js';
import { LoadCollector, type FileSource } from './source.js';
import { textPost } from './text-post.js';

const SHARES = /(?:^|\/)Shares(?:_\d+)?\.csv$/i;
const HEADER = /^Date,ShareLink,ShareCommentary/;

/**
 * LinkedIn's data export: Shares.csv (or Shares_<memberId>.csv), alone or in the export zip.
 * Dates carry no zone; LinkedIn does not say which, so they are read as UTC.
 */
export const linkedinCsv: FileSource = {
  id: 'linkedin-csv',
  description: 'LinkedIn data export: Shares.csv or the export zip',
  async detect(input) {
    const entry = findEntries(input, SHARES)[0] ?? (input.container === 'file' ? input.entries[0] : undefined);
    return entry !== undefined && HEADER.test(await csvHeader(input, entry));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const entry = findEntries(input, SHARES)[0] ?? input.entries[0]!;
    const file = input.describe(entry);
    const { rows } = await readCsv(input, entry);
    for (const { cells, line } of rows) {
      const stamp = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?: UTC)?$/.exec(cells.Date?.trim() ?? '');
      if (!stamp) {
        collector.skip({ file, line }, `expected a Date such as 2024-05-14 09:30:12; got "${cells.Date ?? ''}"`);
        continue;
      }
      const link = (cells.ShareLink ?? '').replace(/%3A/gi, ':');
      const id = /urn:li:(?:share|ugcPost|activity):(\d+)/.exec(link)?.[1] ?? `${file}:${line}`;
      const text = repairLineQuoting(cells.ShareCommentary ?? '');
      const shared = cells.SharedUrl?.trim();
      const isReshare = !text && Boolean(shared && /linkedin\.com\/feed\/update\//.test(shared));
      collector.add(
        textPost({
          id,
          platform: 'linkedin',
          author: 'linkedin',
          createdAt: `${stamp[1]}T${stamp[2]}.000Z`,
          text,
          links: shared && !isReshare ? [shared] : [],
          kind: isReshare ? 'repost' : 'post',
          media: cells.MediaUrl?.trim() ? [{ type: 'image' }] : [],
          ...(cells.ShareLink && { url: cells.ShareLink }),
          source: { file, line },
        }),
      );
    }
    return collector.result();
  },
};

/**
 * LinkedIn wraps every line of multi-paragraph commentary in its own quotes, so after CSV decoding
 * the text reads `"Line 1"\n""\n"Line 2"`; strip those per-line quotes.
 */
export function repairLineQuoting(text: string): string {
  const lines = text.split('\n');
  if (lines.length < 2 || !lines.every((l) => /^".*"$/.test(l.trim()))) return text.trim();
  return lines.map((l) => l.trim().slice(1, -1)).join('\n').trim();
}
