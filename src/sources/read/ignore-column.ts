import type { Post } from '../../model/post.js';

/**
 * A queue row's reviewed exception: `rule-id, rule-id: reason`. Every listed rule is
 * suppressed for that post alone; the reason is kept so the exception stays reviewable.
 */
export function parseIgnoreCell(cell: string | undefined): Post['ignore'] {
  const text = cell?.trim();
  if (!text) return undefined;
  const colon = text.indexOf(':');
  const rules = (colon === -1 ? text : text.slice(0, colon)).split(/[,\s]+/).filter(Boolean);
  const reason = colon === -1 ? '' : text.slice(colon + 1).trim();
  return rules.map((rule) => ({ rule, reason }));
}
