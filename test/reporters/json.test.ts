import { beforeAll, describe, expect, test } from 'vitest';
import type { Audit } from '../../src/model/audit.js';
import { json } from '../../src/reporters/json.js';
import type { ReporterOptions } from '../../src/reporters/reporter.js';
import { checkAudit, hostileAudit } from '../helpers/audits.js';

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
    expect(JSON.parse(text)).toEqual(roundTrip(hostile));
    const lines = new Set(text.split('\n').map((line) => line.replace(/,$/, '')));
    for (const item of [...hostile.findings, ...hostile.posts]) expect(lines).toContain(`    ${JSON.stringify(item)}`);
  });

  test('a large audit comes in pieces of bounded size that join into the same document', () => {
    const post = audit.posts[0]!;
    const large: Audit = { ...audit, posts: Array.from({ length: 20_000 }, (_, i) => ({ ...post, id: `p${i}` })) };
    const pieces = [...json.pieces!(large, options)];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.length).toBeLessThan(2 * 1024 * 1024);
    expect(pieces.join('')).toBe(json.render(large, options));
    expect(JSON.parse(pieces.join(''))).toEqual(roundTrip(large));
  });

  test('empty lists and absent fields read back as JSON.stringify would write them', () => {
    const bare: Audit = { ...audit, findings: [], posts: [], comparison: undefined };
    expect(JSON.parse(json.render(bare, options))).toEqual(roundTrip(bare));
  });
});
