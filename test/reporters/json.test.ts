import Ajv2020 from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { jsonSchemas } from '../../src/config/json-schemas.js';
import { AuditDocument, POST_FIELDS, type Audit } from '../../src/model/audit.js';
import { readAuditDocument } from '../../src/model/audit-document.js';
import { json } from '../../src/reporters/json.js';
import type { ReporterOptions } from '../../src/reporters/reporter.js';
import { auditOf, checkAudit, hostileAudit } from '../helpers/audits.js';

const options: ReporterOptions = { color: false, locale: 'en-GB', timeZone: 'UTC' };
let audit: Audit;
beforeAll(async () => {
  audit = await checkAudit();
});

/** What any JSON writer must give back: the audit as JSON.parse sees it (undefined fields gone). */
const roundTrip = (value: Audit): unknown => JSON.parse(JSON.stringify(value));

describe('json', () => {
  test('reads back as the audit, hostile text included, one finding and one post per line', () => {
    const hostile = hostileAudit(audit);
    const text = json.render(hostile, options);
    expect(auditOf(text)).toEqual(roundTrip(hostile));
    const document = AuditDocument.parse(JSON.parse(text));
    const lines = new Set(text.split('\n').map((line) => line.replace(/,$/, '')));
    for (const item of [...document.findings, ...document.posts]) expect(lines).toContain(`    ${JSON.stringify(item)}`);
  });

  test('version 2 lists each post and each file once, and findings and habits point at posts by index', () => {
    const document = AuditDocument.parse(JSON.parse(json.render(audit, options)));
    expect(document).toMatchObject({ version: 2, postFields: [...POST_FIELDS] });
    expect(document.posts.map((row) => row[0])).toEqual(audit.posts.map((post) => post.id));
    expect(document.files.map((file) => file.path)).toEqual([...new Set(audit.posts.map((post) => post.source.file))]);
    const rows = [...document.findings, ...document.habits, ...document.posts].map((item) => JSON.stringify(item));
    for (const file of document.files)
      expect(
        rows.filter((row) => row.includes(JSON.stringify(file.path))),
        file.path,
      ).toEqual([]);
    audit.findings.forEach((finding, i) => {
      const written = document.findings[i]!;
      if (finding.post) expect(document.posts[written.post!]![0]).toBe(finding.post.id);
      expect(written.postIndexes?.map((at) => document.posts[at]![0])).toEqual(finding.postIds);
    });
    audit.habits!.forEach((habit, i) => expect(document.habits[i]!.postIndexes.map((at) => document.posts[at]![0])).toEqual(habit.postIds));
  });

  test('the document meets its JSON Schema (rules/schema/audit.schema.json)', () => {
    const schema = jsonSchemas()['audit.schema.json'] as object;
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    expect(validate(JSON.parse(json.render(hostileAudit(audit), options))), JSON.stringify(validate.errors)).toBe(true);
  });

  test('a large audit comes in pieces of bounded size that join into the same document', () => {
    const post = audit.posts[0]!;
    const large: Audit = { ...audit, posts: [...audit.posts, ...Array.from({ length: 20_000 }, (_, i) => ({ ...post, id: `p${i}` }))] };
    const pieces = [...json.pieces!(large, options)];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.length).toBeLessThan(2 * 1024 * 1024);
    expect(pieces.join('')).toBe(json.render(large, options));
    expect(auditOf(pieces.join(''))).toEqual(roundTrip(large));
  });

  test('empty lists and absent fields read back as JSON.stringify would write them', () => {
    const bare: Audit = { ...audit, findings: [], habits: [], posts: [], comparison: undefined };
    expect(auditOf(json.render(bare, options))).toEqual(roundTrip(bare));
  });

  test('a post index out of range is refused with its place', () => {
    const document = JSON.parse(json.render(audit, options));
    document.findings.find((f: { post?: number }) => f.post !== undefined).post = 99_999;
    expect(readAuditDocument(document).problem).toMatchObject({
      path: expect.stringMatching(/^findings\.\d+\.post$/),
      message: 'no post 99999 in this document',
    });
  });
});
