import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { parseYaml, sourceOf } from '../../src/yaml-source.js';

// The snapshot that runs read is the one the build wrote beside dist/.
const built = (await import(pathToFileURL(path.resolve('dist/rules/builtin-snapshot.js')).href)) as typeof import('../../src/rules/builtin-snapshot.js');
const names = (await readdir(built.BUILTIN_RULES_DIR)).filter((name) => name.endsWith('.yaml'));

test.each(names)('%s: the build snapshot reads as parsing the file would', async (name) => {
  const file = path.join(built.BUILTIN_RULES_DIR, name);
  const text = await readFile(file, 'utf8');
  const snapshot = await built.builtinSnapshot(file, text);
  expect(snapshot, 'the snapshot is older than the file: run npm run build').toBeDefined();
  const [fromSnapshot, parsed] = [sourceOf(snapshot!), parseYaml(text, name)];
  expect(fromSnapshot.value).toEqual(parsed.value);
  const entries = (parsed.value as { rules?: unknown[]; classes?: unknown[] }).rules ?? (parsed.value as { classes: unknown[] }).classes;
  const list = name === 'classes.yaml' ? 'classes' : 'rules';
  entries.forEach((_, index) => {
    for (const at of [
      [list, index],
      [list, index, 'id'],
      [list, index, 'no-such-key'],
    ])
      expect(fromSnapshot.locate(at)).toEqual(parsed.locate(at));
    expect(fromSnapshot.locateKey([list, index, 'description'])).toEqual(parsed.locateKey([list, index, 'description']));
  });
});

test('an edited built-in file is parsed again rather than read from a stale snapshot', async () => {
  const file = path.join(built.BUILTIN_RULES_DIR, names[0]!);
  const text = await readFile(file, 'utf8');
  expect(await built.builtinSnapshot(file, `${text}\n# edited\n`)).toBeUndefined();
  expect(await built.builtinSnapshot(path.resolve('fixtures', names[0]!), text)).toBeUndefined();
});
