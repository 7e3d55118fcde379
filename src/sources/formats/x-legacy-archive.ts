import { inputError } from '../../errors.js';
import { ownSites } from '../../text/links.js';
import { botDeclaration } from '../read/bot-profile.js';
import { findEntries, type Input } from '../read/input.js';
import { assignedElements, assignedValue, readAssignedJson } from '../read/js-assignment.js';
import { LoadCollector, type FileSource } from '../source.js';
import { snowflakeTime } from '../read/snowflake.js';
import { ownerOf, parseCreatedAt, stringOf, toPost, type RawTweet } from '../read/x-tweet.js';

/** One month of tweets, `data/js/tweets/2013_02.js`, in the archive X gave out until 2019 (its viewer was called Grailbird). */
const MONTH_FILE = /(?:^|\/)data\/js\/tweets\/(\d{4})_(\d{2})\.js$/;
const MONTH_HEAD = /^\s*Grailbird\.data\.tweets_\d{4}_\d{2}\s*=\s*/;
const DETAILS_HEAD = /^\s*var\s+(?:user|payload)_details\s*=\s*/;
/** `2013-02-27 18:05:44 +0000`, the usual form; some months keep X's API form `Wed Feb 27 18:05:44 +0000 2013`. */
const SHORT_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-])(\d{2})(\d{2})$/;

/** An X (Twitter) archive in the older Grailbird layout: the zip, its folder, or one month's file. */
export const xLegacyArchive: FileSource = {
  id: 'x-legacy-archive',
  description: 'X (Twitter) archive from before 2019: data/js/tweets/YYYY_MM.js, the zip or its folder',
  async detect(input) {
    if (input.container !== 'file') return findEntries(input, MONTH_FILE).length > 0;
    return MONTH_HEAD.test((await input.head(input.entries[0]!, 256)).toString('utf8'));
  },
  async load(input, options) {
    const collector = new LoadCollector(options);
    const months = monthFiles(input);
    if (months.length === 0) throw inputError({ file: input.label }, 'no data/js/tweets/YYYY_MM.js in this X archive');
    const first = months[0]!;
    const dir = first.slice(0, first.lastIndexOf('/tweets/') + 1);
    const user = (await readDetails(input, `${dir}user_details.js`)) as
      { screen_name?: unknown; id?: unknown; expanded_url?: unknown; bio?: unknown } | undefined;
    const payload = (await readDetails(input, `${dir}payload_details.js`)) as { created_at?: unknown } | undefined;
    // Archives never carry media descriptions, nor, in this layout, any like or retweet counts.
    collector.lacks = ['alt-text'];
    let owner = typeof user?.screen_name === 'string' && user.screen_name ? ownerOf(user.screen_name, stringOf(user.id)) : undefined;
    if (typeof user?.expanded_url === 'string') collector.sites = ownSites([user.expanded_url]);
    collector.bot = botDeclaration(user?.bio);
    const exportedAt = typeof payload?.created_at === 'string' ? legacyCreatedAt(payload.created_at) : undefined;

    let count = 0;
    for (const month of months) {
      const read = await readAssignedJson(input, month, MONTH_HEAD, 'an X archive month starting with "Grailbird.data.tweets_YYYY_MM ="');
      let index = 0;
      for (const element of assignedElements(read)) {
        index++;
        const source = { file: read.file, record: index };
        const raw =
          element && typeof element === 'object' && !Array.isArray(element)
            ? (element as RawTweet & { user?: { screen_name?: unknown; id_str?: unknown } })
            : undefined;
        // `id` is a JSON number past 2^53, rounded by every reader: only `id_str` names the tweet.
        const id = stringOf(raw?.id_str);
        if (!raw || !id || typeof raw.created_at !== 'string' || typeof raw.text !== 'string') {
          collector.skip(source, 'expected a tweet with id_str, created_at and text');
          continue;
        }
        // Many tweets up to about 2010 carry their day only, stamped at midnight: a Snowflake id still says when; an older id cannot.
        const midnight = raw.created_at.includes(' 00:00:00 +0000');
        const exact = midnight ? snowflakeTime(id) : undefined;
        const createdAt = exact ?? legacyCreatedAt(raw.created_at);
        if (createdAt === undefined) {
          collector.skip(source, `unreadable created_at "${raw.created_at.slice(0, 40)}"`);
          continue;
        }
        // Without user_details.js, every tweet names its account (a retweet's author sits in retweeted_status).
        owner ??= typeof raw.user?.screen_name === 'string' ? ownerOf(raw.user.screen_name, stringOf(raw.user.id_str)) : ownerOf('unknown', undefined);
        const post = toPost(raw, id, createdAt, owner, source);
        if (midnight && !exact) post.dayOnly = true;
        collector.add(post);
        if (++count % 4096 === 0) options.progress?.(count);
      }
    }
    options.progress?.(count);
    collector.account = owner?.handle;
    if (exportedAt) collector.exportedAt = exportedAt;
    return collector.result();
  },
};

/** The month files, oldest first (the archive's own order is newest first). */
function monthFiles(input: Input): string[] {
  if (input.container === 'file') return [...input.entries];
  return findEntries(input, MONTH_FILE).sort((a, b) => MONTH_FILE.exec(a)![0].localeCompare(MONTH_FILE.exec(b)![0]));
}

async function readDetails(input: Input, entry: string): Promise<unknown> {
  if (!input.entries.includes(entry)) return undefined;
  const value = assignedValue(await readAssignedJson(input, entry, DETAILS_HEAD, 'a file starting with "var user_details =" or "var payload_details ="'));
  return value && typeof value === 'object' ? value : undefined;
}

export function legacyCreatedAt(value: string): string | undefined {
  const short = SHORT_DATE.exec(value);
  if (!short) return parseCreatedAt(value);
  const ms = Date.parse(`${short[1]}T${short[2]}${short[3]}${short[4]}:${short[5]}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
