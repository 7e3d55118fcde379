import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { closest, configError, type Where } from './errors.js';

/** A parsed YAML file that can say where any value in it sits. */
export interface YamlSource {
  file: string;
  value: unknown;
  locate(path: readonly PropertyKey[]): Where;
  /** Where a key itself is written (rather than its value). */
  locateKey(path: readonly PropertyKey[]): Where;
}

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw configError({ file, line, col }, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  const locate = (path: readonly PropertyKey[]): Where => locateIn(doc, lineCounter, file, path);
  const locateKey = (path: readonly PropertyKey[]): Where => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1)) : undefined;
    const range = pair && isNode(pair.key) ? pair.key.range : undefined;
    if (!range) return locate(path);
    const { line, col } = lineCounter.linePos(range[0]);
    return { file, line, col };
  };
  return { file, value: doc.toJS({ maxAliasCount: 100 }), locate, locateKey };
}

function locateIn(doc: Document, lineCounter: LineCounter, file: string, path: readonly PropertyKey[]): Where {
  // Walk up the path until a node exists: a missing key is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return { file, line, col };
    }
  }
  return { file };
}

/**
 * Validates a YAML value with zod and turns the first issue into one located line,
 * with a "did you mean" for a misspelt key.
 */
export function validate<Schema extends z.ZodType>(schema: Schema, value: unknown, source: YamlSource, basePath: readonly PropertyKey[] = []): z.output<Schema> {
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
    return configError(source.locateKey([...path, key]), `unknown key "${key}"${issue.path.length ? ` in ${name}` : ''}`, suggestion ? `did you mean "${suggestion}"?` : allowed.length ? `expected one of ${allowed.join(', ')}` : undefined);
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
      return configError(source.locate(path), `${name} must be one of ${values.join(', ')} or a map of parameters; got ${JSON.stringify(got)}`, suggestion ? `did you mean "${suggestion}"?` : undefined);
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
