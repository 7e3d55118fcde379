import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseYaml, sourceOf, validate, issueToError, type YamlSource } from '../yaml-source.js';
import { closest, configError, formatWhere, type Where } from '../errors.js';
import type { BrandContext } from './brand-context.js';
import { BUILTIN_RULES_DIR, builtinSnapshot } from './builtin-snapshot.js';
import { ClassFile, compileClassifier, type ClassDefinition } from './classes.js';
import { kinds } from './kinds/index.js';
import { compileRule, type RuleDefinition, type RuleSet } from './compile-rule.js';
import type { RuleKind } from './kinds/define-kind.js';
import { RuleFile, RuleHeader, type RuleOverride } from './rule-schema.js';

export { BUILTIN_RULES_DIR };
const CLASSES_FILE = path.join(BUILTIN_RULES_DIR, 'classes.yaml');

export interface LoadRulesOptions {
  /** Load rules/*.yaml shipped with presence. */
  builtin: boolean;
  /** Extra rule files, absolute or relative to cwd. */
  files: readonly string[];
  overrides: Readonly<Record<string, RuleOverride>>;
  /** Where the overrides were written (presence.yaml), to locate errors in them. */
  overridesSource?: YamlSource;
  overridesPath?: readonly PropertyKey[];
  brand: BrandContext;
  cwd: string;
}

export async function builtinRuleFiles(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(BUILTIN_RULES_DIR))
    .filter((name) => name.endsWith('.yaml') && name !== 'classes.yaml')
    .sort()
    .map((name) => path.join(BUILTIN_RULES_DIR, name));
}

/** Reads, validates and compiles rules and classes, applying the brand's overrides. */
export async function loadRuleSet(options: LoadRulesOptions): Promise<RuleSet> {
  const files = [...(options.builtin ? await builtinRuleFiles() : []), ...options.files.map((f) => path.resolve(options.cwd, f))];
  const definitions = await readRuleDefinitions(files, options.cwd);
  const classes = await loadClasses(CLASSES_FILE, options.cwd);
  const classNames = new Set(classes.map((c) => c.name));
  const byId = new Map(definitions.map((d) => [d.header.id, d]));
  for (const [id, override] of Object.entries(options.overrides)) {
    const definition = byId.get(id);
    if (!definition) {
      const where = options.overridesSource?.locateKey([...(options.overridesPath ?? []), id]);
      const suggestion = closest(id, [...byId.keys()]);
      throw configError(where, `unknown rule "${id}"`, suggestion ? `did you mean "${suggestion}"?` : 'see `presence rules list`');
    }
    if (override === 'off') byId.delete(id);
    else byId.set(id, applyOverride(definition, override, options));
  }
  const rules = [...byId.values()].map((definition) => {
    const rule = compileRule(definition, options.brand, classNames);
    const setting = definition.header['needs-profile'];
    if (!setting || definition.header.id in options.overrides) return rule;
    return { ...rule, check: { notEvaluated: `the brand profile does not set ${setting}, so there is no brand habit to hold posts to` } };
  });
  return { rules, classes, classify: compileClassifier(classes, options.brand) };
}

export async function loadClasses(file: string, cwd: string): Promise<ClassDefinition[]> {
  const source = await readYamlFile(file, cwd);
  return validate(ClassFile, source.value, source).classes;
}

/** Reads rule files (following `include:`), validating every rule and refusing duplicate ids. */
export async function readRuleDefinitions(files: readonly string[], cwd: string): Promise<RuleDefinition[]> {
  const definitions: RuleDefinition[] = [];
  const seen = new Map<string, Where>();
  const loaded = new Set<string>();
  const visit = async (file: string, chain: readonly string[]): Promise<void> => {
    if (chain.includes(file)) {
      throw configError(
        { file: displayPath(chain.at(-1)!, cwd) },
        `rule file includes itself through ${[...chain, file].map((f) => displayPath(f, cwd)).join(' → ')}`,
      );
    }
    if (loaded.has(file)) return;
    loaded.add(file);
    const source = await readYamlFile(file, cwd);
    const ruleFile = validate(RuleFile, source.value, source);
    for (const include of ruleFile.include ?? []) await visit(path.resolve(path.dirname(file), include), [...chain, file]);
    ruleFile.rules.forEach((raw, index) => {
      const definition = {
        ...parseRule(raw, source, ['rules', index], ruleFile.family),
        untrusted: !file.startsWith(BUILTIN_RULES_DIR),
        builtin: file.startsWith(BUILTIN_RULES_DIR),
      };
      const earlier = seen.get(definition.header.id);
      if (earlier) {
        throw configError(
          source.locate(['rules', index, 'id']),
          `duplicate rule id "${definition.header.id}"`,
          `first defined at ${formatWhere({ file: earlier.file, line: earlier.line })}`,
        );
      }
      seen.set(definition.header.id, definition.origin);
      definitions.push(definition);
    });
  };
  for (const file of files) await visit(file, []);
  return definitions;
}

function parseRule(raw: Record<string, unknown>, source: YamlSource, at: readonly PropertyKey[], family: string): RuleDefinition {
  const kindName = raw.kind;
  const kind = typeof kindName === 'string' ? kinds[kindName] : undefined;
  if (!kind) {
    const names = Object.keys(kinds);
    const suggestion = typeof kindName === 'string' ? closest(kindName, names) : undefined;
    throw configError(
      source.locate([...at, 'kind']),
      `kind must be one of ${names.join(', ')}; got ${JSON.stringify(kindName)}`,
      suggestion && `did you mean "${suggestion}"?`,
    );
  }
  const schema = ruleSchema(kind);
  const parsed = validate(schema, raw, source, at) as Record<string, unknown>;
  const headerKeys = Object.keys(RuleHeader.shape);
  const header = Object.fromEntries(Object.entries(parsed).filter(([key]) => headerKeys.includes(key))) as RuleHeader;
  const params = Object.fromEntries(Object.entries(parsed).filter(([key]) => !headerKeys.includes(key)));
  const written = Object.fromEntries(Object.entries(raw).filter(([key]) => !headerKeys.includes(key)));
  if (header.family && header.family !== family) {
    throw configError(source.locate([...at, 'family']), `rule family "${header.family}" differs from the file's family "${family}"`);
  }
  if (!header.id.startsWith(`${family}/`)) {
    throw configError(source.locate([...at, 'id']), `rule id "${header.id}" must start with its family "${family}/"`);
  }
  return { header: { ...header, family }, kind, params, written, origin: source.locate(at), untrusted: true, builtin: false };
}

const schemas = new Map<RuleKind, z.ZodType>();
function ruleSchema(kind: RuleKind): z.ZodType {
  let schema = schemas.get(kind);
  if (!schema) schemas.set(kind, (schema = z.strictObject({ ...RuleHeader.shape, ...kind.params.shape })));
  return schema;
}

function applyOverride(definition: RuleDefinition, override: Exclude<RuleOverride, 'off'>, options: LoadRulesOptions): RuleDefinition {
  const change = typeof override === 'string' ? { level: override } : override;
  const raw = { ...definition.header, ...definition.written, ...change };
  const source = options.overridesSource ?? {
    file: 'presence.yaml',
    value: { rules: { [definition.header.id]: change } },
    locate: () => ({ file: 'presence.yaml' }),
    locateKey: () => ({ file: 'presence.yaml' }),
  };
  const at = [...(options.overridesPath ?? []), definition.header.id];
  const result = ruleSchema(definition.kind).safeParse(raw);
  if (!result.success) throw issueToError(result.error.issues[0]!, source, at, ruleSchema(definition.kind));
  const parsed = result.data as Record<string, unknown>;
  const headerKeys = Object.keys(RuleHeader.shape);
  return {
    ...definition,
    header: { ...definition.header, ...(Object.fromEntries(Object.entries(parsed).filter(([k]) => headerKeys.includes(k))) as RuleHeader) },
    params: Object.fromEntries(Object.entries(parsed).filter(([k]) => !headerKeys.includes(k))),
    written: { ...definition.written, ...Object.fromEntries(Object.entries(change).filter(([k]) => !headerKeys.includes(k))) },
    untrusted: true,
    // A pattern or class the profile brings in is the profile's to fix: errors point there.
    origin: source.locate(at),
  };
}

async function readYamlFile(file: string, cwd: string): Promise<YamlSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw configError({ file: displayPath(file, cwd) }, 'cannot read the file');
  }
  const snapshot = await builtinSnapshot(file, text);
  return snapshot ? sourceOf({ ...snapshot, file: displayPath(file, cwd) }) : parseYaml(text, displayPath(file, cwd));
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative;
}
