import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Platform, Post, PostKind } from '../../src/model/post.js';
import { EMPTY_BRAND, type BrandContext } from '../../src/rules/brand-context.js';
import { compileClassifier } from '../../src/rules/classes.js';
import { BUILTIN_RULES_DIR, loadClasses, loadRuleSet } from '../../src/rules/load-rules.js';
import { runAudit } from '../../src/engine/run.js';
import { PostFacts } from '../../src/text/facts.js';
import { findUrls, toLink } from '../../src/text/links.js';
import { hashtagsIn, mentionsIn } from '../../src/text/entities.js';

interface LabelledPost {
  text: string;
  platform: Platform;
  kind: PostKind;
  links?: string[];
  brand: string;
  promotional: boolean;
  bareLink: boolean;
}

interface LabelledBrand {
  name: string;
  domains?: string[];
  products?: string[];
  handles?: Partial<Record<Platform, string>>;
}

export interface Score {
  precision: number;
  recall: number;
  falsePositives: string[];
  falseNegatives: string[];
}

const DIR = path.resolve(import.meta.dirname, '../labelled');

export function loadLabelled(file = 'posts.yaml'): { posts: LabelledPost[]; brands: Record<string, LabelledBrand> } {
  return parse(readFileSync(path.join(DIR, file), 'utf8')) as { posts: LabelledPost[]; brands: Record<string, LabelledBrand> };
}

/**
 * Judges every labelled post as an audit would, with or without its brand's profile: promotional
 * by the built-in classes, a bare link by the built-in bare-link rule itself.
 */
export async function evaluateClassifier(withProfile: boolean, file = 'posts.yaml'): Promise<{ promotional: Score; bareLink: Score }> {
  const { posts, brands } = loadLabelled(file);
  const classes = await loadClasses(path.join(BUILTIN_RULES_DIR, 'classes.yaml'), process.cwd());
  const classifiers = new Map<string, ReturnType<typeof compileClassifier>>();
  const brandOf = (key: string): BrandContext => {
    const profile = brands[key];
    return withProfile && profile
      ? { name: profile.name, domains: profile.domains ?? [], products: profile.products ?? [], handles: profile.handles ?? {} }
      : EMPTY_BRAND;
  };
  const classifierFor = (key: string) => {
    let classify = classifiers.get(key);
    if (!classify) classifiers.set(key, (classify = compileClassifier(classes, brandOf(key))));
    return classify;
  };
  const judged = posts.map((labelled, i) => {
    const post: Post = {
      id: `labelled-${i + 1}`,
      platform: labelled.platform,
      author: labelled.brand,
      createdAt: '2024-05-01T09:00:00.000Z',
      text: labelled.text,
      links: (labelled.links?.length ? labelled.links : findUrls(labelled.text)).map(toLink),
      hashtags: hashtagsIn(labelled.text),
      mentions: mentionsIn(labelled.text),
      media: [],
      kind: labelled.kind,
      ...(labelled.kind === 'reply' && { replyTo: { isOwn: false } }),
      scheduled: false,
      source: { file: 'test/labelled/posts.yaml', record: i + 1 },
    };
    return { labelled, post, promotional: new PostFacts(post, classifierFor(labelled.brand)).classes.has('promotional'), bareLink: false };
  });
  for (const key of new Set(posts.map((p) => p.brand))) {
    const ruleSet = await loadRuleSet({ builtin: true, files: [], overrides: {}, brand: brandOf(key), cwd: process.cwd() });
    const bare = { ...ruleSet, rules: ruleSet.rules.filter((rule) => rule.id === 'link-blasting/bare-link') };
    const mine = judged.filter((j) => j.labelled.brand === key);
    const audit = runAudit({ posts: mine.map((j) => j.post), ruleSet: bare, sources: [], generatedAt: '2024-06-01T00:00:00.000Z', toolVersion: 'test' });
    const flagged = new Set(audit.findings.map((f) => f.post?.id));
    for (const j of mine) j.bareLink = flagged.has(j.post.id);
  }
  const score = (label: 'promotional' | 'bareLink'): Score => {
    const tp = judged.filter((j) => j[label] && j.labelled[label]).length;
    const fp = judged.filter((j) => j[label] && !j.labelled[label]);
    const fn = judged.filter((j) => !j[label] && j.labelled[label]);
    return {
      precision: tp / Math.max(1, tp + fp.length),
      recall: tp / Math.max(1, tp + fn.length),
      falsePositives: fp.map((j) => j.labelled.text),
      falseNegatives: fn.map((j) => j.labelled.text),
    };
  };
  return { promotional: score('promotional'), bareLink: score('bareLink') };
}
