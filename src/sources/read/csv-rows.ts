import { inputError } from '../../errors.js';
import { lazy } from '../../lazy.js';
import { readText, type Input } from './input.js';

/** The CSV parser loads only when a CSV file is read. */
const csvParse = lazy<typeof import('csv-parse/sync')>('csv-parse/sync');

export interface CsvRow {
  /** Cells by header name. */
  cells: Record<string, string>;
  /** The 1-based line where the record starts. */
  line: number;
}

/** How a CSV text is laid out, for exports that are not plain comma-separated files. */
export interface CsvLayout {
  /** The field separator; a comma unless told (LinkedIn's 2018 exports use tabs). */
  delimiter?: string;
}

/**
 * Reads the records of a CSV entry, each with the line it starts on: RFC 4180 quoting, multi-line
 * cells, a BOM tolerated.
 */
export async function readCsvRecords(input: Input, entry: string): Promise<{ record: string[]; line: number }[]> {
  const file = input.describe(entry);
  return parseCsvRecords(await readText(input, entry), file);
}

/** The records of CSV text already decoded (for callers that decode an encoding `readText` refuses), each with its line. */
export function parseCsvRecords(text: string, file: string, layout: CsvLayout = {}): { record: string[]; line: number }[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, ...(layout.delimiter && { delimiter: layout.delimiter }) };
    records = csvParse().parse(text, options) as unknown as typeof records;
  } catch (error) {
    throw inputError({ file, line: (error as { lines?: number }).lines }, `not a readable CSV (${(error as Error).message.replace(/^Invalid [^:]*: /, '')})`);
  }
  // csv-parse counts the lines read so far; a record starts after the previous one ends.
  let line = 1;
  return records.map(({ record, info }) => {
    const start = line;
    line = info.lines + 1;
    return { record, line: start };
  });
}

/** Reads a CSV entry with a header row, cells keyed by column name. */
export async function readCsv(input: Input, entry: string): Promise<{ header: string[]; rows: CsvRow[] }> {
  const file = input.describe(entry);
  return parseCsv(await readText(input, entry), file);
}

/** CSV text already decoded, with a header row, cells keyed by column name. */
export function parseCsv(text: string, file: string, layout: CsvLayout = {}): { header: string[]; rows: CsvRow[] } {
  const [head, ...body] = parseCsvRecords(text, file, layout);
  const header = (head?.record ?? []).map((h) => h.trim());
  return { header, rows: body.map(({ record, line }) => ({ cells: Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])), line })) };
}

/** The first line of a CSV entry (its header), cheaply. */
export async function csvHeader(input: Input, entry: string): Promise<string> {
  return (
    (await input.head(entry, 2048))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0] ?? ''
  );
}
