import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FORMAT_NAMES } from '../../src/reporters/index.js';
import { runCli } from '../helpers/run-cli.js';

// Documents of version 1, written by presence before version 2 with these very commands at this time.
const SAVED = path.join(import.meta.dirname, 'audit-v1');
const GENERATED_AT = '2026-12-01T12:00:00.000Z';
const COMMON = ['--timezone', 'UTC', '--locale', 'en-GB', '--no-config', '--quiet'];
const AUDITS = [
  {
    document: 'multi-source.json',
    command: ['audit', 'fixtures/x/archive.zip', 'fixtures/mastodon/export', 'fixtures/linkedin/Shares.csv', '--all', ...COMMON],
  },
  { document: 'queue-check.json', command: ['check', 'fixtures/queue/promo-push.csv', '--history', 'fixtures/x/archive.zip', ...COMMON] },
];
const work = mkdtempSync(path.join(tmpdir(), 'presence-v1-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every report `presence report` renders from a saved audit, by format. */
async function reportsOf(file: string): Promise<Record<string, string>> {
  const reports: Record<string, string> = {};
  for (const format of FORMAT_NAMES.filter((name) => name !== 'json')) {
    const result = await runCli(['report', file, '--format', format, '--timezone', 'UTC', '--locale', 'en-GB']);
    expect(result.stderr, format).toBe('');
    reports[format] = result.stdout;
  }
  return reports;
}

describe('audit documents of version 1', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(GENERATED_AT));
  });
  afterEach(() => vi.useRealTimers());

  test.each(AUDITS)('$document renders every report exactly as version 2 of the same audit does', async ({ document, command }) => {
    const result = await runCli([...command, '--format', 'json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 2, generatedAt: GENERATED_AT });
    const current = path.join(work, document);
    writeFileSync(current, result.stdout);
    const fromV1 = await reportsOf(path.join(SAVED, document));
    expect(fromV1.table).toContain('posts');
    expect(await reportsOf(current)).toEqual(fromV1);
  });

  test('a version 1 document is compared with a version 2 one, either way round', async () => {
    const { command, document } = AUDITS[1]!;
    const current = path.join(work, `compare-${document}`);
    writeFileSync(current, (await runCli([...command, '--format', 'json'])).stdout);
    const old = path.join(SAVED, document);
    const forward = await runCli(['report', current, '--compare', old, '--format', 'markdown']);
    const backward = await runCli(['report', old, '--compare', current, '--format', 'markdown']);
    expect([forward.exitCode, backward.exitCode]).toEqual([0, 0]);
    expect(forward.stdout).toMatch(/0 findings fixed, 0 new/);
    expect(backward.stdout).toBe(forward.stdout);
  });

  test('a document of another version is refused with the versions presence reads', async () => {
    const file = path.join(work, 'v3.json');
    writeFileSync(file, JSON.stringify({ version: 3 }));
    expect(await runCli(['report', file])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('not a presence audit of version 1 or 2 (found version 3)'),
    });
  });
});
