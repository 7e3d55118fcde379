import type { z } from 'zod';
import { closest, configError, type Where } from './errors.js';
import { lazy } from './lazy.js';

const yaml = lazy<typeof import('yaml')>('yaml');

/** A parsed YAML file that can say where any value in it sits. */
export interface YamlSource {
  file: string;
  value: unknown;
  locate(path: readonly PropertyKey[]): Where;
  /** Where a key itself is written (rather than its value). */
  locateKey(path: readonly PropertyKey[]): Where;
}

/**
 * A parsed YAML file as plain data: its value, and the line and column of every value and
 * every key by path. Built-in rule files are kept in this form at build time, so a run never
 * parses them.
 */
export interface YamlSnapshot {
  file: string;
  value: unknown;
  /** `JSON.stringify(path)` → [line, col] of the value there. */
  values: Record<string, [number, number]>;
  /** `JSON.stringify(path)` → [line, col] of the key that names it. */
  keys: Record<string, [number, number]>;
}

export function parseYaml(text: string, file: string): YamlSource {
  return sourceOf(snapshotYaml(text, file));
}

/** A rule file or profile is hand-written configuration: 1 MB is fifty times the built-in rules together. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** No phrase, pattern or message needs more; longer ones are pasted data, and slow every post. */
export const MAX_YAML_STRING = 2000;
/** A list of phrases or domains past this is a word dump: 70,000 phrases made one audit take three minutes. */
export const MAX_YAML_LIST = 1000;

export function snapshotYaml(text: string, file: string): YamlSnapshot {
  if (text.length > MAX_YAML_BYTES)
    throw configError({ file }, `the file is larger than ${MAX_YAML_BYTES / 1024 / 1024} MB; rule files and profiles are written by hand`);
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw configError({ file, line, col }, `invalid YAML: ${error.message.split('\n')[0]!.slice(0, 200)}`);
  }
  let value: unknown;
  try {
    // Aliases that expand into millions of nodes (a "billion laughs" file) stop here.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (failure) {
    throw configError({ file }, `invalid YAML: ${String((failure as Error).message).slice(0, 200)}`);
  }
  const snapshot: YamlSnapshot = { file, value, values: {}, keys: {} };
  const at = (offset: number): [number, number] => {
    const { line, col } = lineCounter.linePos(offset);
    return [line, col];
  };
  const walk = (node: unknown, path: PropertyKey[]): void => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) snapshot.values[JSON.stringify(path)] = at(range[0]);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = [...path, pair.key.value as PropertyKey];
        if (pair.key.range) snapshot.keys[JSON.stringify(child)] = at(pair.key.range[0]);
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      if (node.items.length > MAX_YAML_LIST) {
        const [line, col] = at(range![0]);
        throw configError({ file, line, col }, `a list of ${node.items.length} items; at most ${MAX_YAML_LIST} are accepted`);
      }
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string' && node.value.length > MAX_YAML_STRING) {
      const [line, col] = at(range![0]);
      throw configError({ file, line, col }, `a text of ${node.value.length} characters; at most ${MAX_YAML_STRING} are accepted`);
    }
  };
  walk(doc.contents, []);
  return snapshot;
}

export function sourceOf(snapshot: YamlSnapshot): YamlSource {
  const { file } = snapshot;
  const place = (position: [number, number] | undefined): Where | undefined => position && { file, line: position[0], col: position[1] };
  // A missing value is reported at the nearest parent that exists.
  const locate = (path: readonly PropertyKey[]): Where => {
    for (let depth = path.length; depth >= 0; depth--) {
      const found = place(snapshot.values[JSON.stringify(path.slice(0, depth))]);
      if (found) return found;
    }
    return { file };
  };
  return { file, value: snapshot.value, locate, locateKey: (path) => place(snapshot.keys[JSON.stringify(path)]) ?? locate(path) };
}

/**
 * Validates a YAML value with zod and turns the first issue into one located line,
 * with a "did you mean" for a misspelt key.
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  source: YamlSource,
  basePath: readonly PropertyKey[] = [],
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw issueToError(result.error.issues[0]!, source, basePath, schema);
}

export function issueToError(issue: z.core.$ZodIssue, source: YamlSource, basePath: readonly PropertyKey[] = [], schema?: z.ZodType) {
  const path = [...basePath, ...issue.path];
  const name = issue.path.length ? issue.path.join('.') : 'the document';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const allowed = schema ? keysAt(schema, issue.path) : [];
    const suggestion = closest(key, allowed);
    return configError(
      source.locateKey([...path, key]),
      `unknown key "${key}"${issue.path.length ? ` in ${name}` : ''}`,
      suggestion ? `did you mean "${suggestion}"?` : allowed.length ? `expected one of ${allowed.join(', ')}` : undefined,
    );
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const got = valueAt(source.value, path);
    const suggestion = typeof got === 'string' ? closest(got, issue.values.map(String)) : undefined;
    return configError(
      source.locate(path),
      `${name} must be one of ${issue.values.join(', ')}; got ${JSON.stringify(got)}`,
      suggestion ? `did you mean "${suggestion}"?` : undefined,
    );
  }
  if (issue.code === 'invalid_union') {
    // Report the choices of every branch that takes a plain value ("off", a level…).
    const values = issue.errors.flat().flatMap((branch) => (branch.code === 'invalid_value' ? branch.values.map(String) : []));
    const got = valueAt(source.value, path);
    if (values.length && typeof got !== 'object') {
      const suggestion = typeof got === 'string' ? closest(got, values) : undefined;
      return configError(
        source.locate(path),
        `${name} must be one of ${values.join(', ')} or a map of parameters; got ${JSON.stringify(got)}`,
        suggestion ? `did you mean "${suggestion}"?` : undefined,
      );
    }
  }
  return configError(source.locate(path), `${name}: ${issue.message}`);
}

/** The keys an object schema allows at a path, for "did you mean" suggestions. */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (def.innerType ?? def.in ?? def.schema) as z.ZodType | undefined;
  if (inner && ['optional', 'default', 'nullable', 'prefault', 'pipe', 'readonly', 'catch'].includes(def.type)) return keysAt(inner, path);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.ZodType>;
    if (path.length === 0) return Object.keys(shape);
    const next = shape[String(path[0])];
    return next ? keysAt(next, path.slice(1)) : [];
  }
  if (def.type === 'array' && path.length) return keysAt(def.element as z.ZodType, path.slice(1));
  if (def.type === 'record' && path.length) return keysAt(def.valueType as z.ZodType, path.slice(1));
  if (def.type === 'union') return [...new Set((def.options as z.ZodType[]).flatMap((option) => keysAt(option, path)))];
  return [];
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) current = (current as Record<PropertyKey, unknown> | undefined)?.[key];
  return current;
}
