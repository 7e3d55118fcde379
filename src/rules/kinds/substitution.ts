import { z } from 'zod';
import { compileRegex, phrasePattern } from '../../text/match.js';
import { definePostKind } from './define-kind.js';

/** Preferred terms: a word to avoid and the word to use instead (Vale's substitution). */
export const substitution = definePostKind({
  kind: 'substitution',
  description: 'finds terms that have a preferred replacement',
  params: z.object({
    swap: z.record(z.string(), z.string()).default({}),
  }),
  thresholds: ['swap'],
  compile(params) {
    const entries = Object.entries(params.swap);
    if (entries.length === 0) return { notEvaluated: 'no preferred terms are configured' };
    const byLowerCase = new Map(entries.map(([avoid, prefer]) => [avoid.toLowerCase(), prefer]));
    const regex = compileRegex(phrasePattern(entries.map(([avoid]) => avoid)));
    return (facts) => {
      const found = facts.prose.match(regex)?.[0];
      if (found === undefined) return undefined;
      const prefer = byLowerCase.get(found.toLowerCase().replace(/\s+/g, ' '));
      // A match of the preferred spelling itself ("e-mail" → "email" written "Email") is no finding.
      return prefer === undefined || prefer === found ? undefined : { found, prefer };
    };
  },
});
