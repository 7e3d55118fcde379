import { z } from 'zod';
import { definePostKind } from './define-kind.js';

/**
 * Images and videos without alt text. An empty alt text is a known gap; an absent one
 * means the source never says (X archives), so those posts are not judged.
 */
export const media = definePostKind({
  kind: 'media',
  description: 'finds images and videos without alt text, where the source records alt text',
  params: z.object({
    types: z.array(z.enum(['image', 'video', 'gif', 'audio', 'other'])).default(['image', 'video', 'gif']),
  }),
  thresholds: ['types'],
  compile(params) {
    return (facts) => {
      const missing = facts.post.media.filter((m) => params.types.includes(m.type) && m.altText !== undefined && m.altText.trim() === '');
      return missing.length ? { missing: missing.length, media: facts.post.media.length } : undefined;
    };
  },
});
