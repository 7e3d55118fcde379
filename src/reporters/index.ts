import { lazyImport } from '../lazy.js';
import type { Reporter } from './reporter.js';

/**
 * Every output format by name, in the order --help lists them, each loaded when it is asked for:
 * a run pays only for the formats it writes (the table's terminal styling is not loaded for a JSON
 * report in CI). A test keeps this equal to the reporter files.
 */
export const reporters: Readonly<Record<string, () => Promise<Reporter>>> = {
  table: lazyImport(async () => (await import('./table.js')).table),
  json: lazyImport(async () => (await import('./json.js')).json),
  html: lazyImport(async () => (await import('./html.js')).html),
  markdown: lazyImport(async () => (await import('./markdown.js')).markdown),
  csv: lazyImport(async () => (await import('./csv.js')).csv),
  sarif: lazyImport(async () => (await import('./sarif.js')).sarif),
  junit: lazyImport(async () => (await import('./junit.js')).junit),
  gitlab: lazyImport(async () => (await import('./gitlab.js')).gitlab),
  github: lazyImport(async () => (await import('./github.js')).github),
  'github-summary': lazyImport(async () => (await import('./github-summary.js')).githubSummary),
};

export const FORMAT_NAMES: readonly string[] = Object.keys(reporters);
