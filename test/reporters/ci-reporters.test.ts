import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Audit } from '../../src/model/audit.js';
import type { Finding } from '../../src/model/finding.js';
import { github } from '../../src/reporters/github.js';
import { githubSummary, SUMMARY_MAX_BYTES } from '../../src/reporters/github-summary.js';
import { gitlab } from '../../src/reporters/gitlab.js';
import { junit } from '../../src/reporters/junit.js';
import type { ReporterOptions } from '../../src/reporters/reporter.js';
import { sarif, SARIF_MAX_RESULTS } from '../../src/reporters/sarif.js';
import { checkAudit, hostileAudit } from '../helpers/audits.js';
import { ROOT } from '../helpers/run-cli.js';

// CommonJS packages: their default export is the module, whose `default` is the class.
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const options: ReporterOptions = { color: false, locale: 'en-GB', timeZone: 'UTC' };
let audit: Audit;
let hostile: Audit;
beforeAll(async () => {
  audit = await checkAudit();
  hostile = hostileAudit(audit);
});

/** An audit with n copies of a post finding on distinct lines. */
function many(n: number): Audit {
  const template = audit.findings.find((f) => f.scope === 'post')!;
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    ...template,
    post: { ...template.post!, id: `m${i}`, excerpt: `post ${i}`, source: { file: 'queue.csv', line: i + 1 } },
  }));
  return { ...audit, findings };
}

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/vendor/sarif-schema-2.1.0.json'), 'utf8'));
  // The schema's language pattern has a stray bracket that only non-Unicode regular expressions accept.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  test('is valid SARIF 2.1.0, with rule metadata, help and locations in the queue file', () => {
    const log = JSON.parse(sarif.render(audit, options));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.length).toBe(audit.rules.length);
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: expect.any(String),
      help: { text: expect.stringContaining('Source:') },
      defaultConfiguration: { level: expect.stringMatching(/note|warning|error/) },
    });
    const overLength = run.results.find((r: { ruleId: string }) => r.ruleId === 'platform-fit/over-length');
    expect(overLength).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'fixtures/queue/over-limit.csv' }, region: { startLine: 3 } } }],
    });
    expect(run.tool.driver.rules[overLength.ruleIndex].id).toBe('platform-fit/over-length');
  });

  test('is what code scanning ingests: every result has a file and a line, a fingerprint, and one category', () => {
    const run = JSON.parse(sarif.render(audit, options)).runs[0];
    expect(run.automationDetails).toEqual({ id: 'presence/check/' });
    expect(run.tool.driver.informationUri).toBe('https://github.com/presence-audit/presence');
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(result.locations[0].physicalLocation, result.ruleId).toMatchObject({
        artifactLocation: { uri: expect.stringMatching(/^[^/:]/) },
        region: { startLine: expect.any(Number) },
      });
      expect(result.partialFingerprints['presenceFinding/v1']).toMatch(/\|/);
    }
    // An account finding is placed at the queue or history file it is based on.
    const account = run.results.filter((r: { properties: { scope: string } }) => r.properties.scope === 'account');
    expect(account.length).toBeGreaterThan(0);
    expect(
      account.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0]!.physicalLocation.artifactLocation.uri),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^fixtures\/(queue\/over-limit\.csv|x\/archive\.zip)$/)]));
  });

  test('paths are relative to the repository root, whatever the working folder; a zip entry points at the zip', () => {
    const from = (cwd: string) => JSON.parse(sarif.render(audit, { ...options, paths: { cwd: path.join(ROOT, cwd), root: ROOT } })).runs[0];
    const moved = {
      ...audit,
      findings: audit.findings.map((f) => (f.post ? { ...f, post: { ...f.post, source: { ...f.post.source, file: '../queue/over-limit.csv' } } } : f)),
    };
    const run = JSON.parse(sarif.render(moved, { ...options, paths: { cwd: path.join(ROOT, 'fixtures/x'), root: ROOT } })).runs[0];
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'platform-fit/over-length').locations[0].physicalLocation.artifactLocation.uri).toBe(
      'fixtures/queue/over-limit.csv',
    );
    expect(from('.').results.map((r: { locations: unknown }) => r.locations)).toEqual(
      JSON.parse(sarif.render(audit, options)).runs[0].results.map((r: { locations: unknown }) => r.locations),
    );
    const odd = {
      ...audit,
      findings: [
        {
          ...audit.findings.find((f) => f.post)!,
          post: { ...audit.findings.find((f) => f.post)!.post!, source: { file: 'exports/2024:06 #1.zip:data/tweets.js', record: 3 } },
        },
      ],
    };
    const uri = JSON.parse(sarif.render(odd, { ...options, paths: { cwd: ROOT, root: ROOT } })).runs[0].results[0].locations[0].physicalLocation
      .artifactLocation.uri;
    expect(uri).toBe('exports/2024%3A06%20%231.zip');
  });

  test('each built-in rule links to its section of the rule docs', () => {
    const docs = readFileSync(path.join(ROOT, 'rules/README.md'), 'utf8');
    const anchors = new Set(
      [...docs.matchAll(/^### (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 _-]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const rules = JSON.parse(sarif.render(audit, options)).runs[0].tool.driver.rules;
    for (const rule of rules) expect(anchors.has(rule.helpUri.split('#')[1]), rule.id).toBe(true);
    expect(rules.every((r: { helpUri: string }) => r.helpUri.startsWith('https://github.com/presence-audit/presence/blob/main/rules/README.md#'))).toBe(true);
  });

  test('fingerprints are stable across runs and unaffected by line numbers', async () => {
    const again = JSON.parse(sarif.render(await checkAudit(), options));
    const first = JSON.parse(sarif.render(audit, options));
    expect(again.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(
      first.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
    );
  });

  test(`caps results at ${SARIF_MAX_RESULTS} with a note on what was left out`, () => {
    const log = JSON.parse(sarif.render(many(SARIF_MAX_RESULTS + 7), options));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results).toHaveLength(SARIF_MAX_RESULTS);
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^7 more results were left out/);
  });

  test('hostile text stays valid JSON and valid SARIF', () => {
    expect(validate(JSON.parse(sarif.render(hostile, options)))).toBe(true);
  });
});

describe('junit', () => {
  test('one test case per queued post with findings; failures carry the rule', () => {
    const xml = junit.render(audit, options);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="presence"/);
    expect(xml).toContain('<testsuite name="fixtures/queue/over-limit.csv"');
    expect(xml).toMatch(/<testcase classname="fixtures\/queue\/over-limit.csv" name="line 3: Aurora dims/);
    expect(xml).toContain('<failure type="platform-fit/over-length"');
  });

  test('every queued post is a test case; only findings that fail the gate are failures', () => {
    const xml = junit.render(audit, options);
    const queueSuite = /<testsuite name="fixtures\/queue\/over-limit.csv" tests="(\d+)" failures="(\d+)"/.exec(xml)!;
    // Four queued rows, one without findings; two errors fail an error gate, the warnings do not.
    expect([queueSuite[1], queueSuite[2]]).toEqual(['4', '2']);
    expect(xml).toMatch(/<testcase classname="fixtures\/queue\/over-limit.csv" name="line 1">\n    <\/testcase>/);
    expect(xml).not.toContain('<failure type="link-blasting/bare-link"');
    expect(xml).toContain('warning link-blasting/bare-link: Bare link');
    // Habits already in history are reported, never failures, whatever the level.
    const strict = junit.render(audit, { ...options, failOn: 'suggestion' });
    expect(strict).toContain('<failure type="link-blasting/bare-link"');
    expect(strict).not.toMatch(/<failure[^>]*already so before this queue/);
  });

  test('every classname + name pair is unique, even with many findings', () => {
    const xml = junit.render(many(300), options);
    const pairs = [...xml.matchAll(/<testcase classname="queue.csv" name="([^"]*)"/g)].map((m) => m[1]);
    expect(pairs).toHaveLength(300);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  test('hostile text is escaped and forbidden control characters removed', () => {
    const xml = junit.render(hostile, options);
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('&lt;script&gt;');
  });
});

describe('github', () => {
  test('annotations at the queue file and line, most severe first', () => {
    const lines = github.render(audit, options).trim().split('\n');
    expect(lines[0]).toMatch(/^::error file=fixtures\/queue\/over-limit\.csv,line=3,title=presence platform-fit\/over-length::/);
    const levels = lines.filter((l) => l.startsWith('::')).map((l) => l.slice(2, l.indexOf(' ')));
    expect(levels).toEqual([...levels].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
  });

  test('at most ten of each level, then a line counting the rest', () => {
    const out = github.render(many(25), options).trim().split('\n');
    expect(out.filter((l) => l.startsWith('::'))).toHaveLength(10);
    expect(out.at(-1)).toMatch(/^presence: 15 more findings not annotated/);
  });

  test('a post cannot inject a workflow command', () => {
    const out = github.render(hostile, options);
    for (const line of out.split('\n')) expect(line === '' || line.startsWith('::') || line.startsWith('presence: ')).toBe(true);
    expect(out).not.toMatch(/\n::error file=x/);
    expect(out).toContain('%0A::error file=x');
  });
});

describe('github job summary', () => {
  test('counts, a table of findings, escaped text', () => {
    const md = githubSummary.render(hostile, options);
    expect(md).toMatch(/^## presence\n\n\d+ errors, \d+ warnings, \d+ suggestions/);
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/\]\(javascript:/);
  });

  test('stays under 1 MiB however many findings', () => {
    const md = githubSummary.render(many(40_000), options);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(md)).toBeGreaterThan(SUMMARY_MAX_BYTES - 2000);
    expect(md).toMatch(/more findings not listed: the summary is capped at 1 MiB/);
  });
});

describe('gitlab', () => {
  test('a Code Quality report: each finding an issue with its check, severity, unique fingerprint and place', () => {
    const issues = JSON.parse(gitlab.render(audit, options));
    expect(issues.length).toBe(audit.findings.filter((f) => f.bucket !== 'keep').length);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['categories', 'check_name', 'description', 'fingerprint', 'location', 'severity', 'type']);
      expect(issue.severity).toMatch(/^(info|minor|major)$/);
      expect(issue.location).toMatchObject({ path: expect.stringMatching(/^fixtures\//), lines: { begin: expect.any(Number) } });
    }
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
    expect(issues.find((i: { check_name: string }) => i.check_name === 'platform-fit/over-length')).toMatchObject({
      severity: 'major',
      location: { path: 'fixtures/queue/over-limit.csv', lines: { begin: 3 } },
    });
  });

  test('fingerprints stay the same when lines move, and differ for two findings on the same text', () => {
    const twice = many(2);
    const moved = {
      ...twice,
      findings: twice.findings.map((f) => ({
        ...f,
        post: { ...f.post!, excerpt: 'same words', source: { file: 'queue.csv', line: f.post!.source.line! + 10 } },
      })),
    };
    const same = { ...twice, findings: twice.findings.map((f) => ({ ...f, post: { ...f.post!, excerpt: 'same words' } })) };
    const prints = (a: Audit) => JSON.parse(gitlab.render(a, options)).map((i: { fingerprint: string }) => i.fingerprint);
    expect(prints(moved)).toEqual(prints(same));
    expect(new Set(prints(same)).size).toBe(2);
  });

  test('hostile text stays valid JSON', () => {
    expect(Array.isArray(JSON.parse(gitlab.render(hostile, options)))).toBe(true);
  });
});
