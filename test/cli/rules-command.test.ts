import Ajv2020 from 'ajv/dist/2020.js';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { jsonSchemas } from '../../src/config/json-schemas.js';
import { catalogue } from '../../src/rules/docs.js';
import { builtinRuleFiles, readRuleDefinitions } from '../../src/rules/load-rules.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const work = mkdtempSync(path.join(tmpdir(), 'presence-rules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const custom = (name: string, body: string) => {
  writeFileSync(path.join(work, name), body);
  return path.join(work, name);
};
const RULE = (extra: string) =>
  [
    'family: custom',
    'rules:',
    '  - id: custom/no-synergy',
    '    level: warning',
    '    kind: pattern',
    '    phrases: [synergy]',
    '    description: the word synergy',
    '    message: "Avoid {match}."',
    '    why: It says nothing.',
    '    source: house style',
    extra,
  ].join('\n');

describe('presence rules', () => {
  test('list: every rule with family, level, kind and origin; json for scripts', async () => {
    const table = await runCli(['rules', 'list']);
    expect(table.stdout).toMatch(/link-blasting\/bare-link\s+│ link-blasting\s+│ warning\s+│ metric\s+│ built-in \(rules\/link-blasting\.yaml\)/);
    const json = JSON.parse((await runCli(['rules', 'list', '--format', 'json', '--rules', custom('list.yaml', RULE(''))])).stdout) as {
      id: string;
      origin: string;
    }[];
    expect(json.find((r) => r.id === 'custom/no-synergy')!.origin).toMatch(/list\.yaml:3$/);
  });

  test('show: the catalogue entry; an unknown id suggests the closest', async () => {
    const shown = await runCli(['rules', 'show', 'self-promotion/promotional-share']);
    expect(shown.stdout).toMatch(/^### self-promotion\/promotional-share\n\nThe share of original posts that sell \(80\/20 rule\)\.\n/);
    expect(shown.stdout).toContain('- **Threshold:** class: promotional, max: 20, error-max: 33');
    expect(shown.stdout).toContain('- **Source:** 80/20 rule');
    expect(await runCli(['rules', 'show', 'self-promotion/promo-share'])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/did you mean "self-promotion\/promotional-share"/),
    });
  });

  test('test: every built-in example passes', async () => {
    const result = await runCli(['rules', 'test']);
    expect(result).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^\d+ rules, \d+ examples: all pass\n$/) });
  });

  test('test: a mismatch names the rule file and line, and exits 1', async () => {
    const file = custom('bad-example.yaml', RULE('    examples:\n      fail: ["We love teamwork"]\n      pass: ["Real synergy here"]\n'));
    const result = await runCli(['rules', 'test', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`${file}:3: custom/no-synergy: fail example 1 should produce a finding and did not: "We love teamwork"`);
    expect(result.stdout).toContain('custom/no-synergy: pass example 1 should pass and produced a finding');
  });

  test('a catastrophic regular expression is refused at load with file:line:column', async () => {
    const file = custom('redos.yaml', RULE("    patterns: ['^(\\w+\\s?)*$']\n"));
    const result = await runCli(['rules', 'test', file]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/redos\.yaml:3:5: rule custom\/no-synergy: regular expression .* can backtrack catastrophically \(exponential time/);
  });

  test('a polynomial pattern brought in by presence.yaml is refused there, not in the built-in rule it overrides', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'presence-profile-redos-'));
    writeFileSync(path.join(dir, 'presence.yaml'), 'brand:\n  name: Acme\nrules:\n  brand-voice/avoid-words:\n    patterns: ["\\\\w*\\\\w*\\\\w*!"]\n');
    const result = await runCli(['rules', 'test'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /^presence: presence\.yaml:5:5: rule brand-voice\/avoid-words: regular expression .* can backtrack catastrophically \(\d\w+ degree polynomial time/,
    );
  });

  test('the catalogue rules/README.md is current', async () => {
    const definitions = await readRuleDefinitions(await builtinRuleFiles(), ROOT);
    expect(readFileSync(path.join(ROOT, 'rules/README.md'), 'utf8')).toBe(catalogue(definitions));
  });

  test('the shipped JSON Schemas are current, accept every built-in rule file and refuse invalid ones', () => {
    const schemas = jsonSchemas();
    for (const [name, schema] of Object.entries(schemas)) expect(JSON.parse(readFileSync(path.join(ROOT, 'rules/schema', name), 'utf8'))).toEqual(schema);
    const ajv = new Ajv2020.default({ strict: false, allErrors: true });
    const validRules = ajv.compile(schemas['rules.schema.json'] as object);
    for (const file of readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.yaml') && f !== 'classes.yaml')) {
      const text = readFileSync(path.join(ROOT, 'rules', file), 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=schema/rules.schema.json'), file).toBe(true);
      expect(validRules(parse(text)), `${file}: ${JSON.stringify(validRules.errors?.slice(0, 2))}`).toBe(true);
    }
    const base = parse(RULE(''));
    expect(validRules({ ...base, rules: [{ ...base.rules[0], levle: 'warning' }] })).toBe(false);
    expect(validRules({ ...base, rules: [{ ...base.rules[0], level: 'warn' }] })).toBe(false);
    expect(validRules({ ...base, rules: [{ ...base.rules[0], phrases: 'synergy' }] })).toBe(false);
    const validProfile = ajv.compile(schemas['presence.schema.json'] as object);
    expect(validProfile({ brand: { name: 'Northwind', domains: ['northwind.example'] }, rules: { 'cadence/silence': 'off' } })).toBe(true);
    expect(validProfile({ brand: { nmae: 'Northwind' } })).toBe(false);
  });
});

describe('presence init', () => {
  test('writes a commented starter profile that presence then accepts; refuses to overwrite', async () => {
    const dir = mkdtempSync(path.join(work, 'init-'));
    const result = await runCli(['init'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    const text = readFileSync(path.join(dir, 'presence.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*rules\/schema\/presence\.schema\.json\n/);
    expect((await runCli(['audit', path.join(ROOT, 'fixtures/x/archive.zip'), '--format', 'json'], { cwd: dir })).exitCode).not.toBe(2);
    expect(await runCli(['init'], { cwd: dir })).toMatchObject({
      exitCode: 2,
      stderr: 'presence: presence.yaml already exists (use --force to overwrite it)\n',
    });
  });

  test('--from proposes own domains, handles and product names from the posts', async () => {
    const dir = mkdtempSync(path.join(work, 'from-'));
    await runCli(['init', '--from', path.join(ROOT, 'fixtures/x/archive.zip')], { cwd: dir });
    const profile = parse(readFileSync(path.join(dir, 'presence.yaml'), 'utf8'));
    expect(profile.brand.domains[0]).toBe('northwind.example');
    expect(profile.brand.handles).toEqual({ x: 'northwindlamps' });
    expect(profile.brand.products).toContain('Aurora');
  });
});
