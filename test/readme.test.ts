import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT, runCli } from './helpers/run-cli.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
const blocks = (language: string) => [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const scratch = mkdtempSync(path.join(tmpdir(), 'presence-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the README, as pasted', () => {
  test('every npx line runs this package: -p presence-audit, or the checkout’s own bin in the opening commands', () => {
    expect(pkg.name).toBe('presence-audit');
    expect(pkg.bin.presence).toBe('bin/presence.js');
    const opening = blocks('sh')[0]!;
    expect(opening).toMatch(/^npm install\b/);
    const lines = readme.split('\n').filter((line) => /\bnpx\b/.test(line.replace(/`npx presence …`/g, '')));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      // npx runs the bin of the package whose folder it is in, so inside the checkout `npx presence` is ours.
      if (opening.includes(line)) expect(line).toMatch(/^npx presence /);
      else expect(line, line).toMatch(/\bnpx (?:--yes )?-p presence-audit presence /);
    }
  });

  test('the install advice names the package, never the other project’s name', () => {
    expect(readme).toContain('npm install -g presence-audit');
    expect(readme).not.toMatch(/npm install (?:-g |--save-dev )?presence(?!-audit)\b/);
  });

  test('the brand profile and the rule file it names work as pasted', async () => {
    const profile = blocks('yaml').find((block) => block.startsWith('brand:'))!;
    const rules = blocks('yaml').find((block) => block.startsWith('family:'))!;
    const file = /rule-files: \[([^\]]+)\]/.exec(profile)![1]!;
    const command = blocks('sh')
      .flatMap((block) => block.split('\n'))
      .find((line) => line.startsWith('presence rules test '))!;
    expect(command.split(/\s+/)[3]).toBe(file);
    mkdirSync(path.join(scratch, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(scratch, 'presence.yaml'), profile);
    writeFileSync(path.join(scratch, file), rules);

    const tested = await runCli(['rules', 'test', file], { cwd: scratch });
    expect(tested).toMatchObject({ exitCode: 0, stderr: '' });
    const id = /- id: (\S+)/.exec(rules)![1]!;
    const listed = await runCli(['rules', 'list', '--format', 'json'], { cwd: scratch });
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toContain(id);
    const audit = await runCli(['audit', path.join(ROOT, 'fixtures/x/archive.zip'), '--format', 'json'], { cwd: scratch });
    expect(audit.stderr).not.toMatch(/duplicate|error in|expected/);
    expect(JSON.parse(audit.stdout).rules.map((r: { id: string }) => r.id)).toContain(id);
  });
});
