import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const AUDIT = ['audit', 'fixtures/x/archive.zip', '--format', 'json'];
const fresh = () => mkdtempSync(path.join(tmpdir(), 'presence-out-'));

describe('-o writes where a shell user expects', () => {
  test('/dev/null is written to, not replaced by a regular file', async () => {
    const result = await runCli([...AUDIT, '-o', '/dev/null']);
    expect(result.exitCode).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a symlink is followed: its target gets the report and the link stays a link', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, 'reports'));
    symlinkSync(path.join('reports', 'latest.json'), path.join(dir, 'audit.json'));
    await runCli([...AUDIT, '-o', path.join(dir, 'audit.json')]);
    expect(lstatSync(path.join(dir, 'audit.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports', 'latest.json'), 'utf8'))).toHaveProperty('findings');
  });

  test('a replaced file keeps its mode, and no temporary file is left beside it', async () => {
    const dir = fresh();
    const file = path.join(dir, 'audit.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await runCli([...AUDIT, '-o', file]);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['audit.json']);
  });

  test('a named pipe is written in place for its reader', async () => {
    const dir = fresh();
    const fifo = path.join(dir, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    await runCli([...AUDIT, '-o', fifo]);
    await closed;
    expect(JSON.parse(received)).toHaveProperty('findings');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  test('a folder, or a path through a file, is one line and exit 2', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'file'), '');
    expect(await runCli([...AUDIT, '-o', dir])).toMatchObject({
      exitCode: 2,
      stderr: `presence: cannot write ${dir}: it is a folder (name a file inside it)\n`,
    });
    const through = path.join(dir, 'file', 'child.json');
    expect(await runCli([...AUDIT, '-o', through])).toMatchObject({
      exitCode: 2,
      stderr: `presence: cannot write ${through}: a part of its path is a file, not a folder\n`,
    });
    expect(readdirSync(dir)).toEqual(['file']);
  });

  test('SIGTERM in the middle of a write leaves no temporary file behind', () => {
    const dir = fresh();
    const output = pathToFileURL(path.join(ROOT, 'dist/cli/output.js')).href;
    const script = `
      const { writeAtomically } = await import(${JSON.stringify(output)});
      function* pieces() { yield 'a'.repeat(1000); process.kill(process.pid, 'SIGTERM'); for (;;) yield 'b'.repeat(1000); }
      await writeAtomically(${JSON.stringify(path.join(dir, 'report.json'))}, pieces());`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 });
    expect(run.signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual([]);
  });
});
