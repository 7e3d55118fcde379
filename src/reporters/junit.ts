import type { Finding } from '../model/finding.js';
import { failsGate } from '../model/gate.js';
import { escapeXml } from './escape.js';
import { locateFindings } from './locations.js';
import type { Reporter } from './reporter.js';

interface TestCase {
  classname: string;
  name: string;
  findings: Finding[];
}

/**
 * JUnit XML for CI test reports: one test suite per input file. In a queue check every queued post
 * is a test case, passing or not, so the dashboard counts the queue; in an audit, each post with
 * findings is one. Account-level findings are cases of their own. Only a finding that fails the
 * gate (at or above --fail-on, not already so before the queue) is a `<failure>`; the others are
 * the case's output. Case names carry the line, so classname + name is unique.
 */
export const junit: Reporter = {
  name: 'junit',
  description: 'JUnit XML for GitLab, Jenkins and other CI test reports',
  extension: 'xml',
  render(audit, options) {
    const failOn = options.failOn ?? 'error';
    const cases = new Map<string, TestCase>();
    const caseFor = (classname: string, name: string) => {
      const key = `${classname}\u0000${name}`;
      let entry = cases.get(key);
      if (!entry) cases.set(key, (entry = { classname, name, findings: [] }));
      return entry;
    };
    const postCase = (file: string, line: number | undefined, id: string, excerpt: string) =>
      caseFor(file, `${line !== undefined ? `line ${line}` : `post ${id}`}${excerpt ? `: ${excerpt.slice(0, 60)}` : ''}`);
    const excerpts = new Map(audit.findings.filter((f) => f.post).map((f) => [f.post!.id, f.post!.excerpt]));
    for (const post of audit.posts) {
      if (post.scheduled) postCase(post.source.file, post.source.line, post.id, excerpts.get(post.id) ?? '');
    }
    for (const { finding, file, line } of locateFindings(audit)) {
      const entry =
        finding.scope === 'post'
          ? postCase(file ?? finding.post!.platform, line, finding.post!.id, finding.post!.excerpt)
          : caseFor(`account.${finding.platform ?? 'all'}`, finding.rule);
      entry.findings.push(finding);
    }
    const fails = (f: Finding) => failsGate(f, failOn);
    const suites = new Map<string, TestCase[]>();
    for (const entry of [...cases.values()].sort((a, b) => a.classname.localeCompare(b.classname) || a.name.localeCompare(b.name, 'en', { numeric: true }))) {
      const suite = suites.get(entry.classname);
      if (suite) suite.push(entry);
      else suites.set(entry.classname, [entry]);
    }
    const body = [...suites]
      .map(([name, entries]) => {
        const failures = entries.filter((e) => e.findings.some(fails)).length;
        const testcases = entries.map((e) => {
          const failed = e.findings.filter(fails);
          const notes = e.findings.filter((f) => !fails(f));
          return [
            `    <testcase classname="${escapeXml(e.classname)}" name="${escapeXml(e.name)}">`,
            ...failed.map((f) => {
              const detail = `${f.level}: ${f.message}${f.post?.url ? `\n${f.post.url}` : ''}`;
              return `      <failure type="${escapeXml(f.rule)}" message="${escapeXml(f.message)}">${escapeXml(detail)}</failure>`;
            }),
            ...(notes.length ? [`      <system-out>${escapeXml(notes.map((f) => `${f.level} ${f.rule}: ${f.message}`).join('\n'))}</system-out>`] : []),
            '    </testcase>',
          ].join('\n');
        });
        return [
          `  <testsuite name="${escapeXml(name)}" tests="${entries.length}" failures="${failures}" errors="0" skipped="0">`,
          ...testcases,
          '  </testsuite>',
        ].join('\n');
      })
      .join('\n');
    const total = cases.size;
    const failed = [...cases.values()].filter((e) => e.findings.some(fails)).length;
    return (
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="presence" tests="${total}" failures="${failed}" errors="0">\n${body}${body ? '\n' : ''}</testsuites>\n`
    );
  },
};
