import { closest, configError, type Where } from '../errors.js';
import type { Level } from '../model/finding.js';
import { UnsafePatternError } from '../text/match.js';
import type { BrandContext } from './brand-context.js';
import type { ClassDefinition, compileClassifier } from './classes.js';
import type { AccountCheck, NotEvaluated, PostCheck, RuleKind } from './kinds/define-kind.js';
import { describeThreshold } from './params.js';
import type { RuleHeader } from './rule-schema.js';

/** A rule as written: its header, its kind and its validated parameters. */
export interface RuleDefinition {
  header: RuleHeader & { family: string };
  kind: RuleKind;
  params: Record<string, unknown>;
  /** The parameters as written in YAML, for display. */
  written: Record<string, unknown>;
  origin: Where;
  /** Written or changed by a user rather than shipped with presence: its patterns are proven safe first. */
  untrusted: boolean;
  /** Shipped with presence (perhaps with a user's override): documented in rules/README.md. */
  builtin: boolean;
}

/** A rule ready to run: compiled once against the brand. */
export interface Rule extends RuleDefinition {
  id: string;
  family: string;
  level: Level;
  check: PostCheck | AccountCheck | NotEvaluated;
  threshold: string;
}

export interface RuleSet {
  rules: Rule[];
  classes: ClassDefinition[];
  classify: ReturnType<typeof compileClassifier>;
}

/** Compiles one rule against the brand: patterns, domain sets and thresholds are prepared here, once. */
export function compileRule(definition: RuleDefinition, brand: BrandContext, classNames: ReadonlySet<string>): Rule {
  const { header } = definition;
  for (const name of [...(header.when ?? []), ...(header.unless ?? [])]) {
    if (!classNames.has(name)) {
      const suggestion = closest(name, [...classNames]);
      throw configError(definition.origin, `rule ${header.id} names an unknown class "${name}"`, suggestion && `did you mean "${suggestion}"?`);
    }
  }
  const className = definition.params.class;
  if (typeof className === 'string' && !classNames.has(className)) {
    throw configError(
      definition.origin,
      `rule ${header.id} names an unknown class "${className}"`,
      closest(className, [...classNames]) && `did you mean "${closest(className, [...classNames])}"?`,
    );
  }
  let check: Rule['check'];
  try {
    check = definition.kind.compile(definition.params as never, { brand, untrusted: definition.untrusted });
  } catch (error) {
    if (error instanceof UnsafePatternError) throw configError(definition.origin, `rule ${header.id}: ${error.message}`);
    throw error;
  }
  return {
    ...definition,
    id: header.id,
    family: header.family,
    level: header.level,
    check,
    threshold: describeThreshold(definition.written, definition.kind.thresholds),
  };
}
