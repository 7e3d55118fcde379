import { runAudit } from './run.js';
import type { Post } from '../model/post.js';
import { textPost } from '../text/text-post.js';
import { EMPTY_BRAND, type BrandContext } from '../rules/brand-context.js';
import { compileClassifier, type ClassDefinition } from '../rules/classes.js';
import { compileRule, type RuleDefinition } from '../rules/compile-rule.js';
import type { ExamplePost } from '../rules/rule-schema.js';

export interface ExampleResult {
  expected: 'fail' | 'pass' | 'keep';
  /** 0-based position in the rule's `fail` or `pass` list. */
  index: number;
  ok: boolean;
  /** The first example post's text, for the report. */
  text: string;
}

const FIRST_DAY = Date.parse('2024-05-01T09:00:00Z');
const DAY = 86_400_000;

/** Runs a rule's own examples: each `fail` must produce a finding of the rule, each `pass` none. */
export function runExamples(definition: RuleDefinition, classes: readonly ClassDefinition[]): ExampleResult[] {
  const examples = definition.header.examples;
  if (!examples) return [];
  const brand: BrandContext = examples.brand ? { ...EMPTY_BRAND, ...examples.brand } : EMPTY_BRAND;
  const rule = compileRule({ ...definition, params: { ...definition.params, ...examples.params } }, brand, new Set(classes.map((c) => c.name)));
  const ruleSet = { rules: [rule], classes: [...classes], classify: compileClassifier(classes, brand) };
  const run = (expected: ExampleResult['expected']) =>
    examples[expected].map((example, index): ExampleResult => {
      const posts = timeline(Array.isArray(example) ? example : [example], definition);
      const generatedAt = '2024-06-01T00:00:00.000Z';
      // The examples are an export made at the time of the run, showing everything a rule may need.
      const platforms = [...new Set(posts.map((p) => p.platform))];
      const sources = [{ spec: 'examples', format: 'examples', posts: posts.length, excluded: {}, skipped: 0, platforms, exportedAt: generatedAt }];
      const audit = runAudit({ posts, ruleSet, sources, generatedAt, toolVersion: 'examples' });
      const mine = audit.findings.filter((f) => f.rule === rule.id);
      const ok = expected === 'keep' ? mine.some((f) => f.bucket === 'keep') : mine.some((f) => f.bucket !== 'keep') === (expected === 'fail');
      return { expected, index, ok, text: posts[0]?.text ?? '' };
    });
  return [...run('fail'), ...run('pass'), ...run('keep')];
}

/** Turns example posts into Posts on the rule's first platform and post kind, a day apart unless timed. */
export function timeline(examples: readonly ExamplePost[], definition: RuleDefinition): Post[] {
  const posts: Post[] = [];
  for (const example of examples) {
    const spec = typeof example === 'string' ? { text: example } : example;
    const repeat = 'repeat' in spec && spec.repeat ? spec.repeat : 1;
    for (let copy = 0; copy < repeat; copy++) {
      const n = posts.length;
      const step = 'repeat-days' in spec && spec['repeat-days'] !== undefined ? spec['repeat-days'] * DAY : 60_000;
      const at = 'at' in spec && spec.at ? Date.parse(spec.at) + copy * step : FIRST_DAY + n * DAY;
      posts.push(examplePost(spec, n, at, definition));
    }
  }
  return posts;
}

function examplePost(spec: Exclude<ExamplePost, string> | { text: string }, n: number, at: number, definition: RuleDefinition): Post {
  const s = spec as Partial<Exclude<ExamplePost, string>> & { text: string };
  const platform = s.platform ?? definition.header.platforms?.[0] ?? 'x';
  const kind = s.kind ?? (s['reply-to'] === 'others' ? 'reply' : (definition.header['post-kinds']?.[0] ?? 'post'));
  return textPost({
    id: `example-${n + 1}`,
    platform,
    author: 'example',
    createdAt: new Date(at).toISOString(),
    text: s.text,
    media: (s.alt ?? []).map((altText) => ({ type: 'image' as const, altText })),
    kind,
    ...(kind === 'reply' && { replyTo: { isOwn: false, id: `parent-${n + 1}`, ...(s['parent-at'] && { createdAt: new Date(s['parent-at']).toISOString() }) } }),
    ...(s['reply-to'] === 'own' && { replyTo: { isOwn: true, id: 'parent' } }),
    ...(s.likes !== undefined && { metrics: { likes: s.likes } }),
    ...(s.app && { app: s.app }),
    ...(s.visibility && { visibility: s.visibility }),
    scheduled: s.scheduled ?? false,
    source: { file: definition.origin.file, line: definition.origin.line },
  });
}
