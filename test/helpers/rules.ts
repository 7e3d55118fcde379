import { EMPTY_BRAND, type BrandContext } from '../../src/rules/brand-context.js';
import type { RuleSet } from '../../src/rules/compile-rule.js';
import { loadRuleSet } from '../../src/rules/load-rules.js';

/** The built-in rules compiled against a brand (none by default). */
export function builtinRules(brand: BrandContext = EMPTY_BRAND, overrides = {}): Promise<RuleSet> {
  return loadRuleSet({ builtin: true, files: [], overrides, brand, cwd: process.cwd() });
}
