import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fingerprint } from '../model/fingerprint.js';
import type { Level } from '../model/finding.js';
import { findingText, locateFindings } from './locations.js';
import type { Reporter, ReporterOptions } from './reporter.js';

const HOME = 'https://github.com/presence-audit/presence';
/** GitHub code scanning keeps at most this many results per run. */
export const SARIF_MAX_RESULTS = 5000;
const SARIF_LEVEL: Record<Level, 'note' | 'warning' | 'error'> = { suggestion: 'note', warning: 'warning', error: 'error' };

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: every result located (an account finding at the
 * file its posts came from, line 1: code scanning drops results without a line), paths relative to
 * the repository root, a help page for each built-in rule, a category per command, and fingerprints
 * that survive edits to the files.
 */
export const sarif: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  extension: 'sarif',
  render(audit, options) {
    const uriOf = artifactUri(options.paths);
    const rules = [...audit.rules].sort((a, b) => a.id.localeCompare(b.id));
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const located = locateFindings(audit);
    const kept = located.slice(0, SARIF_MAX_RESULTS);
    const dropped = located.length - kept.length;
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'presence',
              version: audit.tool.version,
              informationUri: HOME,
              rules: rules.map((rule) => ({
                id: rule.id,
                name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
                shortDescription: { text: rule.description },
                fullDescription: { text: `${rule.description}. ${rule.why}` },
                help: {
                  text: `${rule.why}\nThreshold: ${rule.threshold || 'none'}.\nSource: ${rule.source}`,
                  markdown: `${rule.why}\n\n**Threshold:** ${rule.threshold || 'none'}\n\n**Source:** ${rule.source}`,
                },
                ...(rule.builtin && { helpUri: `${HOME}/blob/main/rules/README.md#${rule.id.replace(/[^a-z0-9 _-]/g, '')}` }),
                defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
                properties: { family: rule.family, kind: rule.kind },
              })),
            },
          },
          // A queue check and an audit are separate analyses: each keeps its own open alerts.
          automationDetails: { id: `presence/${audit.posts.some((p) => p.scheduled) ? 'check' : 'audit'}/` },
          results: kept.map(({ finding, file, line }) => ({
            ruleId: finding.rule,
            ...(ruleIndex.has(finding.rule) && { ruleIndex: ruleIndex.get(finding.rule) }),
            level: SARIF_LEVEL[finding.level],
            message: { text: findingText(finding) },
            ...(file && { locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file) }, region: { startLine: line ?? 1 } } }] }),
            partialFingerprints: { 'presenceFinding/v1': fingerprint(finding) },
            properties: {
              bucket: finding.bucket,
              scope: finding.scope,
              ...(finding.platform && { platform: finding.platform }),
              ...(finding.post?.url && { permalink: finding.post.url }),
            },
          })),
          ...(dropped > 0 && {
            invocations: [
              {
                executionSuccessful: true,
                toolExecutionNotifications: [
                  { level: 'note', message: { text: `${dropped} more results were left out: code scanning keeps at most ${SARIF_MAX_RESULTS} per run.` } },
                ],
              },
            ],
          }),
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

/**
 * A file as code scanning names it: relative to the repository root, each segment percent-encoded
 * (`#`, `?` and `%` in a name would otherwise cut or change it); outside the repository, a file URI.
 */
function artifactUri(paths: ReporterOptions['paths']): (file: string) => string {
  const encode = (relative: string) => relative.split('/').map(encodeURIComponent).join('/');
  if (!paths) return encode;
  return (file) => {
    const absolute = path.resolve(paths.cwd, file);
    const relative = paths.root ? path.relative(paths.root, absolute) : '';
    if (!paths.root || relative.startsWith('..') || path.isAbsolute(relative)) return paths.root ? pathToFileURL(absolute).href : encode(file);
    return encode(relative.split(path.sep).join('/'));
  };
}
