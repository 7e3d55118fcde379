import type { Finding } from '../model/finding.js';
import { escapeXml } from './escape.js';
import { locateFindings } from './locations.js';
import type { Reporter } from './reporter.js';

interface TestCase {
  classname: string;
  name: string;
  failures: Finding[];
}

/**
 * JUnit XML for CI test reports: one test suite per input file, one test case per post that
 * has findings (account-level findings are their own cases), each finding a failure. Case names
 * carry the line, so classname + name is unique.
 */
export const junit: Reporter = {
  name: 'junit',
  description: 'JUnit XML for GitLab, Jenkins and other CI test reports',
  extension: 'xml',
  render(audit) {
    const cases = new Map<string, TestCase>();
    for (const { finding, file, line } of locateFindings(audit)) {
      const classname = finding.scope === 'post' ? file ?? finding.post!.platform : `account.${finding.platform ?? 'all'}`;
      const name = finding.scope === 'post' ? `${line !== undefined ? `line ${line}` : `post ${finding.post!.id}`}: ${finding.post!.excerpt.slice(0, 60)}` : finding.rule;
      const key = `${classname}\u0000${name}`;
      const entry = cases.get(key) ?? { classname, name, failures: [] };
      entry.failures.push(finding);
      cases.set(key, entry);
    }
    const suites = new Map<string, TestCase[]>();
    for (const entry of [...cases.values()].sort((a, b) => a.classname.localeCompare(b.classname) || a.name.localeCompare(b.name, 'en', { numeric: true }))) {
      const suite = suites.get(entry.classname);
      if (suite) suite.push(entry);
      else suites.set(entry.classname, [entry]);
    }
    const failing = (f: Finding) => f.level !== 'suggestion';
    const body = [...suites]
      .map(([name, entries]) => {
        const failures = entries.filter((e) => e.failures.some(failing)).length;
        const testcases = entries.map((e) => {
          const failed = e.failures.filter(failing);
          const notes = e.failures.filter((f) => !failing(f));
          return [
            `    <testcase classname="${escapeXml(e.classname)}" name="${escapeXml(e.name)}">`,
            ...failed.map((f) => `      <failure type="${escapeXml(f.rule)}" message="${escapeXml(f.message)}">${escapeXml(`${f.level}: ${f.message}${f.post?.url ? `\n${f.post.url}` : ''}`)}</failure>`),
            ...(notes.length ? [`      <system-out>${escapeXml(notes.map((f) => `${f.rule}: ${f.message}`).join('\n'))}</system-out>`] : []),
            '    </testcase>',
          ].join('\n');
        });
        return [`  <testsuite name="${escapeXml(name)}" tests="${entries.length}" failures="${failures}" errors="0" skipped="0">`, ...testcases, '  </testsuite>'].join('\n');
      })
      .join('\n');
    const total = cases.size;
    const failed = [...cases.values()].filter((e) => e.failures.some(failing)).length;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="presence" tests="${total}" failures="${failed}" errors="0">\n${body}${body ? '\n' : ''}</testsuites>\n`;
  },
};
