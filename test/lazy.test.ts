import { expect, test } from 'vitest';
import { lazy, lazyImport } from '../src/lazy.js';

test('a lazy dependency is required on first use, once', () => {
  const load = lazy<typeof import('yaml')>('yaml');
  expect(load()).toBe(load());
  expect(typeof load().parse).toBe('function');
});

test('a lazy import runs its import on first use, once', async () => {
  let imports = 0;
  const load = lazyImport(async () => {
    imports++;
    return import('../src/plural.js');
  });
  expect(imports).toBe(0);
  expect(await load()).toBe(await load());
  expect(imports).toBe(1);
});
