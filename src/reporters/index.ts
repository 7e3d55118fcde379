import { csv } from './csv.js';
import { github } from './github.js';
import { githubSummary } from './github-summary.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { Reporter } from './reporter.js';
import { sarif } from './sarif.js';
import { table } from './table.js';

/** Every output format by name; a test keeps this equal to the reporter files and to FORMAT_NAMES. */
export const reporters: Readonly<Record<string, Reporter>> = {
  csv,
  github,
  'github-summary': githubSummary,
  html,
  json,
  junit,
  markdown,
  sarif,
  table,
};
