import type { Reporter } from './reporter.js';

/**
 * Every output format by name, in the order --help lists them, each loaded when it is asked for:
 * a run pays only for the formats it writes (the table's terminal styling is not loaded for a JSON
 * report in CI). A test keeps this equal to the reporter files.
 */
export const reporters: Readonly<Record<string, () => Promise<Reporter>>> = {
  table: async () => (await import('./table.js')).table,
  json: async () => (await import('./json.js')).json,
  html: async () => (await import('./html.js')).html,
  markdown: async () => (await import('./markdown.js')).markdown,
  csv: async () => (await import('./csv.js')).csv,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  github: async () => (await import('./github.js')).github,
  'github-summary': async () => (await import('./github-summary.js')).githubSummary,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(reporters);
