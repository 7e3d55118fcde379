import { usageError } from '../errors.js';

/** `--map text=Message,createdAt=Date` → { text: 'Message', createdAt: 'Date' }. */
export function parseColumnMapOption(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) throw usageError(`--map expects FIELD=COLUMN pairs separated by commas; got "${pair}"`);
    map[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return map;
}
