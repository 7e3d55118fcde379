import { z } from 'zod';
import type { Platform } from '../model/post.js';

/** A threshold for every platform, or per platform with an optional `default`. */
export const Threshold = z.union([z.number(), z.record(z.string(), z.number())]);
export type Threshold = z.infer<typeof Threshold>;

export function thresholdFor(threshold: Threshold | undefined, platform: Platform): number | undefined {
  if (threshold === undefined || typeof threshold === 'number') return threshold;
  return threshold[platform] ?? threshold.default;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `90m`, `24h`, `7d`, `16w` → milliseconds. */
export const Duration = z
  .string()
  .regex(/^\d+(?:\.\d+)?[mhdw]$/, 'expected a duration such as 60m, 24h, 7d or 16w')
  .transform((text) => Number.parseFloat(text) * UNITS[text.slice(-1)]!);

export function describeThreshold(params: Record<string, unknown>, keys: readonly string[]): string {
  return keys
    .filter((key) => params[key] !== undefined)
    .map((key) => `${key}: ${formatValue(params[key])}`)
    .join(', ');
}

function formatValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${formatValue(v)}`)
      .join(', ');
  }
  if (Array.isArray(value)) return value.length > 6 ? `${value.slice(0, 6).join(', ')}…` : value.join(', ');
  return String(value);
}
