import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { reporters } from '../src/reporters/index.js';
import { kinds } from '../src/rules/kinds/index.js';

const root = path.resolve(import.meta.dirname, '..');
const filesIn = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesIn(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
/** What a file loads when it runs: static imports and re-exports, `import()` and `lazy()`; type-only imports load nothing. */
const importsOf = (file: string) =>
  [
    ...readFileSync(path.join(root, file), 'utf8').matchAll(
      /^\s*(?:import|export)(?!\s+type\b)[^'"]*from\s+['"]([^'"]+)['"]|(?<!typeof )\bimport\(\s*['"]([^'"]+)['"]\s*\)|\blazy<[^>]*>\(\s*['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);

/** Every file a file reaches through its relative imports, itself included. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of importsOf(file)) if (spec.startsWith('.')) reach(path.join(path.dirname(file), spec.replace(/\.js$/, '.ts')), seen);
  return seen;
}

describe('architecture', () => {
  // The engine, the rule kinds, the model and the text helpers are pure: no files, network, terminal or process.
  const FORBIDDEN = /^(?:node:)?(?:fs|fs\/promises|http|https|net|child_process|process|os)$|^(?:undici|chalk|cli-table3|commander)$/;
  const pure = [...filesIn('src/engine'), ...filesIn('src/rules/kinds'), ...filesIn('src/text'), ...filesIn('src/model'), 'src/rules/classes.ts'];

  test.each(pure)('%s reaches nothing with side effects, through all its imports', (file) => {
    const reached = [...reach(file)];
    const impure = reached.flatMap((f) =>
      importsOf(f)
        .filter((spec) => FORBIDDEN.test(spec))
        .map((spec) => `${f} imports ${spec}`),
    );
    const effects = reached.filter((f) => /\bprocess\.|console\./.test(readFileSync(path.join(root, f), 'utf8')));
    expect([...impure, ...effects]).toEqual([]);
  });

  test('reporters import no loader and no engine code that computes', () => {
    for (const file of filesIn('src/reporters')) {
      expect(
        importsOf(file).filter((spec) => /\/(sources|engine|rules)\//.test(spec)),
        file,
      ).toEqual([]);
    }
  });

  test('sources import no rules, engine or reporters', () => {
    for (const file of filesIn('src/sources')) {
      expect(
        importsOf(file).filter((spec) => /\/(engine|rules|reporters|cli)\//.test(spec)),
        file,
      ).toEqual([]);
    }
  });

  test('the reporter registry lists every reporter file', async () => {
    const files = filesIn('src/reporters').filter((file) => /: Reporter = \{/.test(readFileSync(path.join(root, file), 'utf8')));
    const loaded = await Promise.all(Object.values(reporters).map((load) => load()));
    expect(loaded.map((r) => r.name)).toEqual(Object.keys(reporters));
    expect(files.map((file) => path.basename(file, '.ts')).sort()).toEqual(Object.keys(reporters).sort());
  });

  test('the kinds registry lists exactly the files in its folder', () => {
    const files = readdirSync(path.join(root, 'src/rules/kinds'))
      .filter((f) => f.endsWith('.ts') && !['index.ts', 'define-kind.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(kinds).sort()).toEqual(files.sort());
    for (const [name, kind] of Object.entries(kinds)) expect(kind.kind).toBe(name);
  });
});

describe('house style', () => {
  // The formatter wraps code at 160; strings, regular expressions and comments it cannot wrap are split by hand.
  test('no line of code is over 160 characters', () => {
    const code = [...filesIn('src'), ...filesIn('test'), 'bin/presence.js', 'vitest.config.ts'];
    const long = code.flatMap((file) =>
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => ([...line].length > 160 ? [`${file}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });
});
