import { z } from 'zod';
import type { FindingData } from '../../model/finding.js';
import { defineAccountKind } from './define-kind.js';
import { count } from '../../plural.js';

const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

/** The share of posts in a named class, e.g. promotional ≤ 20 % or replies ≥ 33 %. */
export const ratio = defineAccountKind({
  kind: 'ratio',
  description: 'the share (in %) of the window’s posts that are in a class, against a maximum or minimum',
  params: z.object({
    class: z.string(),
    max: z.number().min(0).max(100).optional(),
    min: z.number().min(0).max(100).optional(),
    /** Beyond these, the finding is raised to an error. */
    'error-max': z.number().min(0).max(100).optional(),
    'error-min': z.number().min(0).max(100).optional(),
    /** Fewer posts than this in the window: not evaluated, since a share of three posts says little. */
    'min-posts': z.number().int().min(1).default(10),
    /** The class is told by the post's shape, not its words (a link post), so a photo alone counts: it has no link. */
    'counts-wordless': z.boolean().default(false),
  }),
  thresholds: ['class', 'max', 'min', 'error-max', 'error-min', 'min-posts'],
  compile(params) {
    return (all) => {
      // A post with neither words nor a link (a photo alone, an app share the export left empty) says nothing a class can judge.
      const posts = params['counts-wordless'] ? all : all.filter((f) => f.post.kind === 'repost' || f.post.text.trim() !== '' || f.post.links.length > 0);
      if (posts.length < params['min-posts']) {
        return { hits: [], notEvaluated: `${count(posts.length, 'post')} in the window, fewer than the ${params['min-posts']} needed` };
      }
      const inClass = posts.filter((f) => f.classes.has(params.class));
      const value = percent(inClass.length, posts.length);
      const data: FindingData = { value, count: inClass.length, total: posts.length };
      if (params.max !== undefined && value > params.max) {
        const level = params['error-max'] !== undefined && value > params['error-max'] ? 'error' : undefined;
        return { hits: [{ data: { ...data, limit: params.max, ...(level && { level }) }, postIds: inClass.map((f) => f.post.id) }] };
      }
      if (params.min !== undefined && value < params.min) {
        const level = params['error-min'] !== undefined && value < params['error-min'] ? 'error' : undefined;
        const others = posts.filter((f) => !f.classes.has(params.class));
        return { hits: [{ data: { ...data, limit: params.min, ...(level && { level }) }, postIds: others.map((f) => f.post.id) }] };
      }
      return { hits: [], pass: { ...data, limit: params.max ?? params.min ?? 0 } };
    };
  },
});
