/**
 * Meta's exports (Facebook, Instagram, Threads) write every UTF-8 byte as its own \u00XX
 * escape, so after JSON.parse "don’t" reads "donâ\u0080\u0099t". Re-reading those code units
 * as bytes repairs it; a string with any unit above 0xFF, or one whose repair is not valid
 * UTF-8, was not mangled and is kept as it is.
 */
export function repairMojibake(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text;
  const repaired = Buffer.from(text, 'latin1').toString('utf8');
  return repaired.includes('\ufffd') ? text : repaired;
}

/** Repairs every string in a parsed JSON value. */
export function repairDeep<T>(value: T): T {
  if (typeof value === 'string') return repairMojibake(value) as T;
  if (Array.isArray(value)) return value.map(repairDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repairDeep(v)])) as T;
  return value;
}
