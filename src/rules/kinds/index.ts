import { bestTime } from './best-time.js';
import { cadence } from './cadence.js';
import type { RuleKind } from './define-kind.js';
import { engagement } from './engagement.js';
import { link } from './link.js';
import { media } from './media.js';
import { metric } from './metric.js';
import { pattern } from './pattern.js';
import { ratio } from './ratio.js';
import { repetition } from './repetition.js';
import { responseTime } from './response-time.js';
import { substitution } from './substitution.js';
import { voice } from './voice.js';

/** Every rule kind by name; a test keeps this equal to the files in this folder. */
export const kinds: Readonly<Record<string, RuleKind>> = {
  'best-time': bestTime,
  cadence,
  engagement,
  link,
  media,
  metric,
  pattern,
  ratio,
  repetition,
  'response-time': responseTime,
  substitution,
  voice,
};
