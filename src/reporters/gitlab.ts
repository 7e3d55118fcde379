import { fnv64Hex } from '../fnv.js';
import { fingerprint } from '../model/fingerprint.js';
import type { Level } from '../model/finding.js';
import { findingText, locateFindings } from './locations.js';
import type { Reporter } from './reporter.js';

/** GitLab's severities: info, minor, major, critical, blocker. */
const SEVERITY: Record<Level, 'info' | 'minor' | 'major'> = { suggestion: 'info', warning: 'minor', error: 'major' };

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`), GitLab's counterpart of SARIF:
 * one issue per finding, located at the file and line it points into. The fingerprint is the
 * finding's identity across runs, so a merge request shows which issues are new and which are gone;
 * findings that share one (the same text posted twice) are told apart by their order.
 */
export const gitlab: Reporter = {
  name: 'gitlab',
  description: 'GitLab Code Quality report (codequality artifact) for merge requests',
  extension: 'json',
  render(audit) {
    const seen = new Map<string, number>();
    const issues = locateFindings(audit).map(({ finding, file, line }) => {
      const identity = fingerprint(finding);
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      return {
        type: 'issue',
        description: findingText(finding),
        check_name: finding.rule,
        fingerprint: fnv64Hex(`${identity}|${occurrence}`),
        severity: SEVERITY[finding.level],
        categories: ['Style'],
        location: { path: file ?? '', lines: { begin: line ?? 1 } },
      };
    });
    return `${JSON.stringify(issues, null, 2)}\n`;
  },
};
