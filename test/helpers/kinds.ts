import { EMPTY_BRAND, type BrandContext } from '../../src/rules/brand-context.js';
import { isNotEvaluated, type AccountCheck, type AccountWindow, type PostCheck } from '../../src/rules/kinds/define-kind.js';
import { kinds } from '../../src/rules/kinds/index.js';

/** Compiles a kind with parameters as they would be written in YAML. */
export function compileKind(name: string, params: Record<string, unknown>, brand: BrandContext = EMPTY_BRAND): PostCheck | AccountCheck {
  const kind = kinds[name]!;
  const check = kind.compile(kind.params.parse(params) as never, { brand, untrusted: true });
  if (isNotEvaluated(check)) throw new Error(check.notEvaluated);
  return check;
}

/** The window an account check is judged in: UTC, audited at `now`, unless a test says otherwise. */
export function accountWindow(overrides: Partial<AccountWindow> = {}): AccountWindow {
  const now = overrides.now ?? 0;
  return { now, auditedAt: now, timeZone: 'UTC', ...overrides };
}
