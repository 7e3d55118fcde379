import { z } from 'zod';
import { compileMatcher } from '../../text/match.js';
import { definePostKind } from './define-kind.js';

/** Words, phrases or safe regular expressions found in a post's prose (or its whole text). */
export const pattern = definePostKind({
  kind: 'pattern',
  description: 'finds words, phrases or regular expressions in the prose (URLs, mentions and hashtags left out unless `in: text`)',
  params: z.object({
    phrases: z.array(z.string()).default([]),
    patterns: z.array(z.string()).default([]),
    exceptions: z.array(z.string()).default([]),
    /** `voice`: the prose without what it quotes (quotation marks, code), for checks of the brand's tone. */
    in: z.enum(['prose', 'voice', 'text']).default('prose'),
    /** Match letter case exactly (for checks about case, such as lower-case hashtags). */
    'match-case': z.boolean().default(false),
    /** Leave out matches that are part of a capitalised name ("The Synergy Zone", "Rockstar Games"). */
    'skip-names': z.boolean().default(false),
  }),
  thresholds: ['phrases', 'patterns'],
  compile(params, { untrusted }) {
    if (params.phrases.length === 0 && params.patterns.length === 0) return { notEvaluated: 'no phrases or patterns are configured' };
    const matcher = compileMatcher({ ...params, matchCase: params['match-case'], skipNames: params['skip-names'], untrusted });
    return (facts) => {
      const text = params.in === 'prose' ? facts.prose : params.in === 'voice' ? facts.voice : facts.post.text;
      const match = matcher.find(text);
      return match === undefined ? undefined : { match, count: matcher.count(text) };
    };
  },
});
