/**
 * An account that says it is a bot: "I'm a bot that tweets…", "I am an unofficial Twitter bot",
 * "This is a bot". Only a first-person or "this is" declaration counts; a bio about building
 * bots ("I make chatbots", "bot enthusiast") does not.
 */
const DECLARATION = /(?<![\p{L}\p{N}])(?:i['’]?m|i am|this is|just) an? (?:[\p{L}-]+ ){0,3}bot(?![\p{L}\p{N}-])/iu;

/** Why the account reads as a bot, quoting its own words, or undefined. */
export function botDeclaration(bio: unknown): string | undefined {
  if (typeof bio !== 'string') return undefined;
  const match = DECLARATION.exec(bio);
  return match ? `its profile says “${match[0]}”` : undefined;
}

/** Mastodon marks a bot account as an ActivityPub Service (the "this is an automated account" setting). */
export const MASTODON_BOT = 'its Mastodon profile is marked as automated';
