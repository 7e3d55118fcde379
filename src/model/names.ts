/**
 * The plain lists behind the model's enums, kept free of zod so the command line can start
 * (and print --help or --version) without loading the schemas.
 */
export const PLATFORMS = ['x', 'mastodon', 'bluesky', 'linkedin', 'facebook', 'instagram', 'threads', 'feed', 'other'] as const;
export const LEVELS = ['suggestion', 'warning', 'error'] as const;
export type PlatformName = (typeof PLATFORMS)[number];
export type LevelName = (typeof LEVELS)[number];

/** How severe a level is, for sorting and gates: a higher rank is more severe. */
export const levelRank = (level: LevelName): number => LEVELS.indexOf(level);
