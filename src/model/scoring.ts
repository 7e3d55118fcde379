import type { LevelName as Level } from './names.js';

/** Points an account-level finding (a habit) costs its family. */
export const ACCOUNT_COST: Readonly<Record<Level, number>> = { error: 25, warning: 15, suggestion: 5 };
/** Points a post habit costs per percent of the platform's posts it touches (so a big account is not punished for size). */
export const POST_COST: Readonly<Record<Level, number>> = { error: 1, warning: 0.5, suggestion: 0.2 };

/** How scores are computed, in one sentence per part: the engine computes, reports quote this. */
export const SCORE_METHOD =
  `Each family starts at 100 and loses ${ACCOUNT_COST.error}, ${ACCOUNT_COST.warning} or ${ACCOUNT_COST.suggestion} points ` +
  'per account-level error, warning or suggestion; ' +
  `a habit of post findings costs ${POST_COST.error}, ${POST_COST.warning} or ${POST_COST.suggestion} points per percent of the platform's posts it touches, ` +
  'at most as much as an account-level finding of its level; scores are floored at 0, and the overall score is the mean of the families whose rules ran.';
