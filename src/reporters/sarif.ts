import { fingerprint } from '../model/fingerprint.js';
import type { Level } from '../model/finding.js';
import { locateFindings } from './locations.js';
import type { Reporter } from './reporter.js';

/** GitHub code scanning keeps at most this many results per run. */
export const SARIF_MAX_RESULTS = 5000;
const SARIF_LEVEL: Record<Level, 'note' | 'warning' | 'error'> = { suggestion: 'note', warning: 'warning', error: 'error' };

/** SARIF 2.1.0 for code scanning: rules with their help, results located in the input files. */
export const sarif: Reporter = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  extension: 'sarif',
  render(audit) {
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
              informationUri: 'https://www.npmjs.com/package/presence',
              rules: rules.map((rule) => ({
                id: rule.id,
                name: rule.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
                shortDescription: { text: rule.description },
                fullDescription: { text: `${rule.description}. ${rule.why}` },
                help: {
                  text: `${rule.why}\nThreshold: ${rule.threshold || 'none'}.\nSource: ${rule.source}`,
                  markdown: `${rule.why}\n\n**Threshold:** ${rule.threshold || 'none'}\n\n**Source:** ${rule.source}`,
                },
                defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
                properties: { family: rule.family, kind: rule.kind },
              })),
            },
          },
          results: kept.map(({ finding, file, line }) => ({
            ruleId: finding.rule,
            ...(ruleIndex.has(finding.rule) && { ruleIndex: ruleIndex.get(finding.rule) }),
            level: SARIF_LEVEL[finding.level],
            message: { text: finding.post ? `${finding.message} Post: “${finding.post.excerpt}”` : finding.message },
            ...(file && {
              locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(file) }, ...(line !== undefined && { region: { startLine: line } }) } }],
            }),
            partialFingerprints: { 'presenceFinding/v1': fingerprint(finding) },
            properties: { bucket: finding.bucket, scope: finding.scope, ...(finding.platform && { platform: finding.platform }), ...(finding.post?.url && { permalink: finding.post.url }) },
          })),
          ...(dropped > 0 && {
            invocations: [
              {
                executionSuccessful: true,
                toolExecutionNotifications: [{ level: 'note', message: { text: `${dropped} more results were left out: code scanning keeps at most ${SARIF_MAX_RESULTS} per run.` } }],
              },
            ],
          }),
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};
