import type { Reporter } from './reporter.js';

/**
 * Every output format by name, each loaded when it is asked for: a run pays only for the formats
 * it writes (the table's terminal styling is not loaded for a JSON report in CI). A test keeps
 * this equal to the reporter files and to FORMAT_NAMES.
 */
export const reporters: Readonly<Record<string, () => Promise<Reporter>>> = {
  csv: async () => (await import('./csv.js')).csv,
  github: async () => (await import('./github.js')).github,
  'github-summary': async () => (await import('./github-summary.js')).githubSummary,
  html: async () => (await import('./html.js')).html,
  json: async () => (await import('./json.js')).json,
  junit: async () => (await import('./junit.js')).junit,
  markdown: async () => (await import('./markdown.js')).markdown,
  sarif: async () => (await import('./sarif.js')).sarif,
  table: async () => (await import('./table.js')).table,
};
