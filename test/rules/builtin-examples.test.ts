import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILTIN_RULES_DIR, builtinRuleFiles, loadClasses, readRuleDefinitions } from '../../src/rules/load-rules.js';
import { runExamples } from '../../src/engine/run-examples.js';

const cwd = process.cwd();
const definitions = await readRuleDefinitions(await builtinRuleFiles(), cwd);
const classes = await loadClasses(path.join(BUILTIN_RULES_DIR, 'classes.yaml'), cwd);

describe('built-in rules', () => {
  test.each(definitions.map((d) => [d.header.id, d] as const))('%s: its examples behave as written', (_id, definition) => {
    const examples = definition.header.examples;
    expect(
      (examples?.fail.length ?? 0) + (examples?.keep.length ?? 0),
      'every built-in rule has a failing (or, if it only reports, a keep) example',
    ).toBeGreaterThan(0);
    expect(examples?.pass.length, 'every built-in rule has a passing example').toBeGreaterThan(0);
    const wrong = runExamples(definition, classes).filter((r) => !r.ok);
    expect(wrong).toEqual([]);
  });

  test('every rule says why, and cites where its threshold comes from', () => {
    const undocumented = definitions
      .filter(({ header }) => header.why.length <= 20 || !/audit-practices|\((?:A|B|C|H)\)|brand's own/.test(header.source))
      .map(({ header }) => header.id);
    expect(undocumented).toEqual([]);
  });
});
