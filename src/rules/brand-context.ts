import type { Platform } from '../model/post.js';

/** What rules know of the brand: from presence.yaml, or empty without one. */
export interface BrandContext {
  name?: string;
  /** Own web domains (`northwind.example`); subdomains count as own. */
  domains: readonly string[];
  products: readonly string[];
  /** The brand's handle per network, without `@`. */
  handles: Partial<Record<Platform, string>>;
}

export const EMPTY_BRAND: BrandContext = { domains: [], products: [], handles: {} };
