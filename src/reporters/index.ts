import { json } from './json.js';
import type { Reporter } from './reporter.js';
import { table } from './table.js';

/** Every output format by name; a test keeps this equal to the reporter files. */
export const reporters: Readonly<Record<string, Reporter>> = {
  json,
  table,
};
