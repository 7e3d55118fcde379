import { parseIgnoreCell } from '../read/ignore-column.js';
import { readCsvRecords } from '../read/csv-rows.js';
import { LoadCollector, type FileSource } from '../source.js';
import { textPost } from '../../text/text-post.js';

const STAMP = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/;

/**
 * Hootsuite's bulk-upload CSV: three positional columns — date and time, message, optional
 * link — with no header (presence reads an optional fourth column as a reviewed exception,
 * `rule-id, rule-id: reason`), the date day-first or month-first as chosen in the upload dialog.
 * The order is read from the file itself: a first number above 12 means day-first, a second
 * above 12 month-first; a file that never says is read day-first, Hootsuite's default outside
 * the US. Times carry no zone and are read as UTC.
 */
export const hootsuiteCsv: FileSource = {
  id: 'hootsuite-csv',
  description: 'Hootsuite bulk-upload CSV (date and time, message, link; no header)',
  async detect(input) {
    if (input.container !== 'file' || !/\.csv$/i.test(input.entries[0]!)) return false;
    const firstLine = (await input.head(input.entries[0]!, 512))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!;
    return STAMP.test(firstLine.split(',')[0]!.replace(/"/g, '').trim());
  },
  async load(input, options) {
    const entry = input.entries[0]!;
    const file = input.describe(entry);
    const collector = new LoadCollector(options);
    const rows = await readCsvRecords(input, entry);
    const stamps = rows.map((row) => STAMP.exec(row.record[0]?.trim() ?? ''));
    const dayFirst = !stamps.some((m) => m && Number(m[2]) > 12) || stamps.some((m) => m && Number(m[1]) > 12);
    rows.forEach(({ record, line }, index) => {
      const stamp = stamps[index];
      const [, message = '', link = '', ignore] = record.map((cell) => cell.trim());
      if (!stamp) return collector.skip({ file, line }, `expected a date and time such as 14/05/2024 09:30 in the first column; got "${record[0] ?? ''}"`);
      if (!message) return collector.skip({ file, line }, 'expected a message in the second column');
      const [day, month] = dayFirst ? [stamp[1], stamp[2]] : [stamp[2], stamp[1]];
      const ms = Date.UTC(Number(stamp[3]), Number(month) - 1, Number(day), Number(stamp[4]), Number(stamp[5]));
      const date = new Date(ms);
      if (Number.isNaN(ms) || date.getUTCDate() !== Number(day)) return collector.skip({ file, line }, `not a real date: "${record[0]}"`);
      const text = link ? `${message} ${link}` : message;
      collector.add(
        textPost({
          id: `${file}:${line}`,
          platform: 'other',
          author: 'queue',
          createdAt: date.toISOString(),
          text,
          scheduled: true,
          ...(parseIgnoreCell(ignore) && { ignore: parseIgnoreCell(ignore) }),
          source: { file, line },
        }),
      );
    });
    return collector.result();
  },
};
