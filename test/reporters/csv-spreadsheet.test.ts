import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, test } from 'vitest';
import { csv } from '../../src/reporters/csv.js';
import { runCli } from '../helpers/run-cli.js';
import { auditOf } from '../helpers/audits.js';

// LibreOffice is the spreadsheet a machine can run headless; where it is not installed this check is skipped.
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => spawnSync(p, ['--version']).status === 0);
const work = mkdtempSync(path.join(tmpdir(), 'presence-csv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Opens the CSV in LibreOffice Calc as a user would (UTF-8, formulas evaluated or not) and saves the cells as shown. */
function throughCalc(file: string, evaluateFormulas: boolean): string[][] {
  const out = path.join(work, evaluateFormulas ? 'evaluated' : 'literal');
  const result = spawnSync(
    soffice!,
    [
      `-env:UserInstallation=file://${work}/profile`,
      '--headless',
      `--infilter=Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1,${evaluateFormulas}`,
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
      '--outdir',
      out,
      file,
    ],
    { timeout: 60_000 },
  );
  expect(result.status, String(result.stderr)).toBe(0);
  return parse(readFileSync(path.join(out, path.basename(file)), 'utf8'));
}

describe.skipIf(!soffice)('the CSV delete list in LibreOffice Calc', () => {
  test('ids keep all 19 digits and accented, emoji and CJK text survive, with formulas evaluated or not', async () => {
    const base = auditOf((await runCli(['audit', 'fixtures/x/archive.zip', '--format', 'json'])).stdout);
    const text = 'Café crème ☕ 日本語のテキスト — “quoted”';
    const audit = { ...base, findings: base.findings.map((f) => (f.bucket === 'delete' && f.post ? { ...f, post: { ...f.post, excerpt: text } } : f)) };
    const file = path.join(work, 'delete-list.csv');
    const written = csv.render(audit, { color: false, locale: 'en-GB', timeZone: 'UTC' });
    writeFileSync(file, written);
    const ids = (parse(written.slice(1), { columns: true }) as { permalink: string }[]).map((r) => r.permalink.split('/').at(-1)!);
    expect(ids[0]).toMatch(/^\d{19}$/);

    const evaluated = throughCalc(file, true);
    expect(evaluated[0]).toEqual(['permalink', 'id', 'platform', 'date', 'post', 'reasons', 'rules', 'source']);
    expect(evaluated.slice(1).map((r) => r[1])).toEqual(ids);
    expect(evaluated[1]![4]).toBe(text);
    // Without evaluation Calc shows the formula's text: uglier, but every digit is still there.
    expect(
      throughCalc(file, false)
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(ids.map((id) => `="${id}"`));
  }, 120_000);
});
