import { z } from 'zod';
import { PostKind } from '../model/post.js';
import { MEASURE_NAMES, measures, type PostFacts } from '../text/facts.js';
import { isHostWithin, isNetworkHost, isPictureHost } from '../text/links.js';
import { compileMatcher, compileRegex, phrasePattern } from '../text/match.js';
import type { BrandContext } from './brand-context.js';

/** One piece of evidence for a class; every condition it names must hold. */
export const Signal = z.strictObject({
  name: z.string().optional(),
  weight: z.number().default(1),
  phrases: z.array(z.string()).optional(),
  patterns: z.array(z.string()).optional(),
  exceptions: z.array(z.string()).optional(),
  /** The signal holds only when none of these phrases is in the prose ("my article" beside a link makes it the author's own). */
  'unless-phrases': z.array(z.string()).optional(),
  in: z.enum(['prose', 'text']).default('prose'),
  /** Regular expressions on each link's path and query. */
  'link-path': z.array(z.string()).optional(),
  /** Links to one of these domains (or their subdomains). */
  'link-domains': z.array(z.string()).optional(),
  /** A link to one of the brand's own domains. */
  'own-link': z.boolean().optional(),
  /** A link to any domain that is not the brand's own, a network's, or a picture host's (the author's own screenshot). */
  'third-party-link': z.boolean().optional(),
  /** One of the brand's product names appears in the prose. */
  product: z.boolean().optional(),
  kinds: z.array(PostKind).optional(),
  /** Published by one of these apps (the export's `source`; compared without case). */
  apps: z.array(z.string()).optional(),
  visibility: z.array(z.enum(['public', 'unlisted', 'followers'])).optional(),
  'reply-to': z.enum(['own', 'others']).optional(),
  measure: z.enum(MEASURE_NAMES as [string, ...string[]]).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type Signal = z.infer<typeof Signal>;

/** A named class of posts: tags posts for ratio rules and `when:` filters, never reports. */
export const ClassDefinition = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case name such as promotional or link-post'),
  description: z.string(),
  /** Only posts of these kinds can be in the class. */
  kinds: z.array(PostKind).optional(),
  /** The sum of matching signals' weights a post needs. */
  threshold: z.number().default(1),
  signals: z.array(Signal).min(1),
  source: z.string().optional(),
});
export type ClassDefinition = z.infer<typeof ClassDefinition>;

export const ClassFile = z.strictObject({ classes: z.array(ClassDefinition) });

type Test = (facts: PostFacts) => boolean;

/** Compiles class definitions once; the result tags a post with every class it belongs to. */
export function compileClassifier(definitions: readonly ClassDefinition[], brand: BrandContext): (facts: PostFacts) => ReadonlySet<string> {
  const compiled = definitions.map((definition) => {
    const signals = definition.signals.map((signal) => ({ weight: signal.weight, test: compileSignal(signal, brand), reachable: 0 }));
    // What the signals from each one on could still add: once short of the threshold, the rest are not tested.
    for (let i = signals.length - 1, sum = 0; i >= 0; i--) signals[i]!.reachable = sum += Math.max(0, signals[i]!.weight);
    return { name: definition.name, kinds: definition.kinds && new Set(definition.kinds), threshold: definition.threshold, signals };
  });
  // Posts fall into a handful of combinations of classes: each combination is one shared,
  // read-only set rather than a set per post, keyed by one character per class.
  const shared = new Map<string, ReadonlySet<string>>();
  return (facts) => {
    let key = '';
    for (const c of compiled) key += c.kinds && !c.kinds.has(facts.post.kind) ? '0' : scoreOf(c, facts) >= c.threshold ? '1' : '0';
    let set = shared.get(key);
    if (!set) shared.set(key, (set = new Set(compiled.filter((_, index) => key[index] === '1').map((c) => c.name))));
    return set;
  };
}

/** A class's score, stopping as soon as the threshold is reached or out of reach. */
function scoreOf(c: { threshold: number; signals: { weight: number; test: Test; reachable: number }[] }, facts: PostFacts): number {
  let score = 0;
  for (const signal of c.signals) {
    if (score + signal.reachable < c.threshold) break;
    if (signal.test(facts)) score += signal.weight;
    if (score >= c.threshold) break;
  }
  return score;
}

function compileSignal(signal: Signal, brand: BrandContext): Test {
  const tests: Test[] = [];
  if (signal.phrases || signal.patterns) {
    const matcher = compileMatcher(signal);
    tests.push((f) => matcher.find(signal.in === 'prose' ? f.prose : f.post.text) !== undefined);
  }
  if (signal['unless-phrases']) {
    const regex = compileRegex(phrasePattern(signal['unless-phrases']), 'iu');
    tests.push((f) => !regex.test(f.prose));
  }
  if (signal['link-path']) {
    const regex = compileRegex(signal['link-path'].join('|'), 'iu');
    tests.push((f) => f.post.links.some((l) => regex.test(pathOf(l.url))));
  }
  if (signal['link-domains']) {
    const domains = signal['link-domains'];
    tests.push((f) => f.post.links.some((l) => domains.some((d) => isHostWithin(l.domain, d))));
  }
  if (signal['own-link'] !== undefined) {
    const wanted = signal['own-link'];
    tests.push((f) => f.post.links.some((l) => isOwn(l.domain, brand)) === wanted);
  }
  if (signal['third-party-link']) tests.push((f) => f.post.links.some((l) => !isOwn(l.domain, brand) && !isNetworkHost(l.domain) && !isPictureHost(l.domain)));
  if (signal.product) {
    if (brand.products.length === 0) return () => false;
    const regex = compileRegex(phrasePattern(brand.products), 'iu');
    tests.push((f) => regex.test(f.prose));
  }
  if (signal.kinds) {
    const kinds = new Set(signal.kinds);
    tests.push((f) => kinds.has(f.post.kind));
  }
  if (signal.apps) {
    const apps = new Set(signal.apps.map((app) => app.toLowerCase()));
    tests.push((f) => f.post.app !== undefined && apps.has(f.post.app.toLowerCase()));
  }
  if (signal.visibility) {
    const visibility = new Set(signal.visibility);
    tests.push((f) => f.post.visibility !== undefined && visibility.has(f.post.visibility));
  }
  if (signal['reply-to']) {
    const own = signal['reply-to'] === 'own';
    tests.push((f) => f.post.replyTo !== undefined && f.post.replyTo.isOwn === own);
  }
  if (signal.measure) {
    const measure = measures[signal.measure as keyof typeof measures].measure;
    const { min = -Infinity, max = Infinity } = signal;
    tests.push((f) => {
      const value = measure(f);
      return value >= min && value <= max;
    });
  }
  return (f) => tests.every((test) => test(f));
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start === -1 ? '/' : url.slice(start);
}

function isOwn(domain: string, brand: BrandContext): boolean {
  return brand.domains.some((d) => isHostWithin(domain, d));
}
