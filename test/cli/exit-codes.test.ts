import { describe, expect, test } from 'vitest';
import { EXIT, gate } from '../../src/cli/exit-codes.js';
import type { Finding } from '../../src/model/finding.js';
import { runCli } from '../helpers/run-cli.js';

const finding = (level: Finding['level'], bucket: Finding['bucket'] = 'fix'): Finding => ({
  rule: 'r/x',
  family: 'r',
  level,
  bucket,
  scope: 'account',
  message: 'm',
  data: {},
});

describe('gate', () => {
  test.each([
    ['nothing found', [], { failOn: 'error' }, EXIT.ok],
    ['a warning under --fail-on error', [finding('warning')], { failOn: 'error' }, EXIT.ok],
    ['an error under --fail-on error', [finding('error')], { failOn: 'error' }, EXIT.findings],
    ['a suggestion under --fail-on suggestion', [finding('suggestion')], { failOn: 'suggestion' }, EXIT.findings],
    ['more warnings than --max-warnings', [finding('warning'), finding('warning')], { failOn: 'error', maxWarnings: 1 }, EXIT.findings],
    ['as many warnings as --max-warnings', [finding('warning')], { failOn: 'error', maxWarnings: 1 }, EXIT.ok],
    ['keep-doing lines never fail', [finding('error', 'keep')], { failOn: 'suggestion' }, EXIT.ok],
    ['habits already in history never fail a queue', [{ ...finding('warning', 'stop'), data: { preexisting: true } }], { failOn: 'suggestion' }, EXIT.ok],
  ] as const)('%s', (_label, findings, policy, expected) => {
    expect(gate([...findings], policy).exitCode).toBe(expected);
  });
});

describe('usage errors exit 2 with one line', () => {
  test.each([
    ['an unknown option', ['audit', 'x.zip', '--lats', '5'], /unknown option '--lats'/],
    ['a missing source', ['audit'], /missing required argument 'source'/],
    ['a bad --last', ['audit', 'x.zip', '--last', 'many'], /^presence: --last expects a whole number; got "many"$/m],
    ['a bad --fail-on', ['audit', 'x.zip', '--fail-on', 'warn'], /--fail-on/],
    ['an unknown format', ['audit', 'x.zip', '--format', 'jsn'], /^presence: unknown format "jsn".*\(did you mean "json"\?\)$/m],
    ['a file that does not exist', ['audit', 'no/such/export.zip'], /^presence: no\/such\/export\.zip: no such file or folder$/m],
    ['an unknown command', ['audti'], /unknown command 'audti'/],
  ])('%s', async (_label, args, stderr) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(EXIT.error);
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help and --version exit 0', async () => {
    const help = await runCli(['audit', '--help']);
    expect(help.exitCode).toBe(EXIT.ok);
    for (const option of [
      '--last',
      '--all',
      '--since',
      '--until',
      '--platform',
      '--config',
      '--rules',
      '--format',
      '--output',
      '--fail-on',
      '--max-warnings',
      '--strict',
      '--map',
      '--quiet',
    ]) {
      expect(help.stdout).toContain(option);
    }
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ exitCode: EXIT.ok, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  test('every command that writes a file spells it -o/--output, and help never shows an empty list as a default', async () => {
    const commands = [['audit'], ['check'], ['fetch'], ['report'], ['rules', 'docs'], ['rules', 'schema'], ['rules', 'list'], ['init']];
    for (const command of commands) {
      const help = (await runCli([...command, '--help'])).stdout;
      expect(help, command.join(' ')).not.toContain('default: []');
      expect(help, command.join(' ')).not.toMatch(/--out\b(?!put)/);
      if (!['rules list', 'init'].includes(command.join(' '))) expect(help, command.join(' ')).toMatch(/-o, --output </);
    }
  });
});

describe('an unexpected error', () => {
  test('is one line with a hint to rerun with --debug, exit 2; --debug adds the stack', async () => {
    const { main } = await import('../../src/cli/main.js');
    let stderr = '';
    const io = () => ({
      stdout: {
        write: () => {
          throw new TypeError('disk on fire');
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd: process.cwd(),
    });
    expect(await main(['audit', 'fixtures/x/archive.zip', '--format', 'json'], io())).toBe(EXIT.error);
    expect(stderr).toBe('presence: unexpected error: disk on fire (rerun with --debug for the stack trace)\n');
    stderr = '';
    expect(await main(['audit', 'fixtures/x/archive.zip', '--format', 'json', '--debug'], io())).toBe(EXIT.error);
    expect(stderr).toMatch(/^presence: unexpected error: disk on fire\nTypeError: disk on fire\n\s+at /);
  });
});
