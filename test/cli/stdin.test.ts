import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditOf } from '../helpers/audits.js';
import { ROOT, spawnCli } from '../helpers/run-cli.js';

const fixture = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('- reads standard input', () => {
  test('a piped export is audited like the file, and named stdin in findings', () => {
    const piped = spawnCli(['audit', '-', '--all', '--format', 'json'], { input: fixture('fixtures/mastodon/export/outbox.json') });
    // The same file alone, as a pipe has no actor.json beside it.
    const alone = path.join(mkdtempSync(path.join(tmpdir(), 'presence-stdin-')), 'outbox.json');
    copyFileSync(path.join(ROOT, 'fixtures/mastodon/export/outbox.json'), alone);
    const file = spawnCli(['audit', alone, '--all', '--format', 'json']);
    const rules = (stdout: string) => JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule);
    expect(piped.exitCode).toBe(file.exitCode);
    expect(rules(piped.stdout)).toEqual(rules(file.stdout));
    const post = auditOf(piped.stdout).findings.find((f) => f.post)!;
    expect(post.post!.source.file).toBe('stdin');
  });

  test('a queue piped to check, with its format forced when only its file name would tell', () => {
    const result = spawnCli(['check', 'hootsuite-csv:-', '--queue-platform', 'x', '--format', 'json'], { input: fixture('fixtures/queue/over-limit.csv') });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('platform-fit/over-length');
    const unnamed = spawnCli(['check', '-', '--queue-platform', 'x'], { input: fixture('fixtures/queue/over-limit.csv') });
    expect(unnamed).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/^presence: -: unknown format; .*\(force one as FORMAT:PATH\)\n$/) });
  });

  test('nothing piped, a zip piped, or - twice: one line and exit 2', () => {
    expect(spawnCli(['audit', '-'])).toMatchObject({ exitCode: 2, stderr: 'presence: stdin: nothing was read from standard input\n' });
    expect(spawnCli(['audit', '-', 'x-archive:-'])).toMatchObject({ exitCode: 2, stderr: 'presence: standard input (-) can be read only once\n' });
    const zip = spawnCli(['audit', '-'], { input: readFileSync(path.join(ROOT, 'fixtures/x/archive.zip')) });
    expect(zip).toMatchObject({ exitCode: 2, stderr: 'presence: stdin: a zip cannot be read from standard input (give its path instead)\n' });
  });
});
