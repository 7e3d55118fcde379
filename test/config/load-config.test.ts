import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { PresenceError } from '../../src/errors.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'presence-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PresenceError) return error.render();
    throw error;
  }
  throw new Error('expected an error');
}

async function rulesFor(dir: string) {
  const config = await loadConfig(undefined, dir);
  return loadRuleSet({
    builtin: config.profile.builtin,
    files: [...config.ruleFiles],
    overrides: config.overrides,
    overridesSource: config.source,
    overridesPath: ['rules'],
    brand: config.brand,
    cwd: dir,
  });
}

describe('presence.yaml', () => {
  test('no profile: defaults, built-in rules', async () => {
    const dir = workspace({});
    const config = await loadConfig(undefined, dir);
    expect(config.file).toBeUndefined();
    expect((await rulesFor(dir)).rules.length).toBeGreaterThan(20);
  });

  test('a profile sets the brand, voice and overrides', async () => {
    const dir = workspace({
      'presence.yaml': [
        'brand:',
        '  name: Northwind Lamps',
        '  domains: [www.Northwind.example]',
        '  handles: { x: "@northwindlamps" }',
        'voice:',
        '  avoid: [synergy]',
        '  exclamation: freely',
        'rules:',
        '  cadence/silence: off',
        '  self-promotion/promotional-share: { max: 25 }',
        '',
      ].join('\n'),
    });
    const config = await loadConfig(undefined, dir);
    expect(config.brand).toMatchObject({ name: 'Northwind Lamps', domains: ['northwind.example'], handles: { x: 'northwindlamps' } });
    const ids = (await rulesFor(dir)).rules.map((r) => r.id);
    expect(ids).not.toContain('cadence/silence');
    expect(ids).not.toContain('brand-voice/exclamation');
    const share = (await rulesFor(dir)).rules.find((r) => r.id === 'self-promotion/promotional-share')!;
    expect(share.params.max).toBe(25);
  });

  test.each([
    ['invalid YAML', 'brand:\n  name: [unclosed\n', /^presence\.yaml:\d+:\d+: invalid YAML/],
    ['an unknown key suggests the closest', 'brand:\n  nmae: Northwind\n', /^presence\.yaml:2:3: unknown key "nmae" in brand \(did you mean "name"\?\)$/],
    ['a wrong type', 'brand:\n  domains: northwind.example\n', /^presence\.yaml:2:12: brand\.domains: /],
    ['a wrong level suggests the closest', 'rules:\n  cadence/silence: warn\n', /presence\.yaml:2:\d+: .*(warning|did you mean)/],
    [
      'an unknown rule id suggests the closest',
      'rules:\n  cadence/silense: off\n',
      /^presence\.yaml:2:3: unknown rule "cadence\/silense" \(did you mean "cadence\/silence"\?\)$/,
    ],
    ['a wrong parameter type in an override', 'rules:\n  self-promotion/promotional-share: { max: lots }\n', /^presence\.yaml:2:\d+: max: /],
  ])('%s is one located line', async (_label, yaml, expected) => {
    const dir = workspace({ 'presence.yaml': yaml });
    expect(await errorOf(rulesFor(dir))).toMatch(expected);
  });
});

describe('rule files', () => {
  const rule = (id: string, extra = '') =>
    `  - id: ${id}\n    level: warning\n    kind: pattern\n    phrases: [spam]\n    description: d\n    message: m\n    why: w\n    source: s\n${extra}`;

  test.each([
    [
      'a duplicate id',
      { 'r.yaml': `family: custom\nrules:\n${rule('custom/a')}${rule('custom/a')}` },
      /^r\.yaml:\d+:\d+: duplicate rule id "custom\/a" \(first defined at r\.yaml:3\)$/,
    ],
    [
      'a catastrophic regular expression',
      { 'r.yaml': `family: custom\nrules:\n${rule('custom/a', "    patterns: ['(a+)+$']\n")}` },
      /^r\.yaml:3:5: rule custom\/a: regular expression .* can backtrack catastrophically/,
    ],
    ['a file that includes itself', { 'r.yaml': `family: custom\ninclude: [r.yaml]\nrules: []\n` }, /includes itself through r\.yaml → r\.yaml/],
    [
      'an unknown kind',
      { 'r.yaml': 'family: custom\nrules:\n  - id: custom/a\n    kind: patern\n' },
      /^r\.yaml:4:11: kind must be one of .* \(did you mean "pattern"\?\)$/,
    ],
    ['an unknown class in when', { 'r.yaml': `family: custom\nrules:\n${rule('custom/a', '    when: [promo]\n')}` }, /unknown class "promo"/],
    [
      'a wrong level',
      { 'r.yaml': 'family: custom\nrules:\n  - id: custom/a\n    level: warn\n    kind: pattern\n' },
      /^r\.yaml:4:12: level must be one of suggestion, warning, error; got "warn" \(did you mean "warning"\?\)$/,
    ],
    [
      'aliases that expand a billion times',
      {
        'r.yaml': `a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${'bcdefgh'
          .split('')
          .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)
          .join('\n')}\nfamily: custom\nrules: []\n`,
      },
      /^r\.yaml: invalid YAML: Excessive alias count/,
    ],
    [
      'a phrase of 3000 characters',
      { 'r.yaml': `family: custom\nrules:\n${rule('custom/a').replace('[spam]', `[${'a'.repeat(3000)}]`)}` },
      /^r\.yaml:6:15: a text of 3000 characters; at most 2000 are accepted$/,
    ],
    [
      'a list of 5000 phrases',
      { 'r.yaml': `family: custom\nrules:\n${rule('custom/a').replace('[spam]', `[${Array.from({ length: 5000 }, (_, i) => `p${i}`).join(', ')}]`)}` },
      /^r\.yaml:6:14: a list of 5000 items; at most 1000 are accepted$/,
    ],
    ['a file over 1 MB', { 'r.yaml': `family: custom\nrules: []\n# ${'x'.repeat(1024 * 1024)}\n` }, /^r\.yaml: the file is larger than 1 MB/],
  ])('%s is refused with file:line:column', async (_label, files, expected) => {
    const dir = workspace({ ...files, 'presence.yaml': 'builtin: false\nrule-files: [r.yaml]\n' });
    expect(await errorOf(rulesFor(dir))).toMatch(expected);
  });
});

describe('finding presence.yaml', () => {
  test('the nearest one from the working directory up to the repository root; --no-config uses none', async () => {
    const outside = workspace({ 'presence.yaml': 'brand:\n  name: Someone Else\n' });
    const repo = path.join(outside, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'queue', 'june'), { recursive: true });
    expect((await loadConfig(undefined, path.join(repo, 'queue', 'june'))).brand.name).toBeUndefined();
    writeFileSync(path.join(repo, 'presence.yaml'), 'brand:\n  name: Northwind Lamps\n');
    const found = await loadConfig(undefined, path.join(repo, 'queue', 'june'));
    expect(found).toMatchObject({ brand: { name: 'Northwind Lamps' }, file: path.join('..', '..', 'presence.yaml') });
    expect((await loadConfig(false, repo)).brand.name).toBeUndefined();
  });
});
