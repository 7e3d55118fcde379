import { cadence } from './cadence.js';
import type { RuleKind } from './define-kind.js';
import { link } from './link.js';
import { media } from './media.js';
import { metric } from './metric.js';
import { pattern } from './pattern.js';
import { ratio } from './ratio.js';
import { repetition } from './repetition.js';
import { substitution } from './substitution.js';

/** Every rule kind by name; a test keeps this equal to the files in this folder. */
export const kinds: Readonly<Record<string, RuleKind>> = {
  cadence,
  link,
  media,
  metric,
  pattern,
  ratio,
  repetition,
  substitution,
};
