// Writes a deterministic X archive of N tweets (data/tweets.js and friends), as a folder and a zip,
// shaped like a real export: Jackson-style pretty JSON, numbers as strings, t.co links, replies,
// retweets, quotes, hashtags, promotions. Usage: node generate-archive.mjs N OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const HANDLE = 'northwindlamps';
const ACCOUNT_ID = '901000000000000001';

/** Mulberry32: a small seeded generator, so every run writes the same bytes. */
function random(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'lamp light warm evening desk reading glare brass shade dimmer studio morning corner bulb glow candle oak design quiet cosy bright soft'.split(
  ' ',
);
const PEOPLE = ['jordan_reads', 'studiolumen', 'ana_makes', 'ben_builds', 'chloe_codes', 'dev_draws'];
const TAGS = ['WorkFromHome', 'lighting', 'design', 'interiors', 'cozy'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function createdAt(ms) {
  const d = new Date(ms);
  const two = (n) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000 ${d.getUTCFullYear()}`;
}

function sentence(next, length) {
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
}

function tweet(i, next) {
  // Snowflake ids grow with time: (ms − epoch) << 22.
  const ms = Date.UTC(2019, 0, 1) + i * 25 * 60_000 + Math.floor(next() * 600_000);
  const id = ((BigInt(ms) - 1288834974657n) << 22n) + BigInt(i);
  const roll = next();
  const urls = [];
  const mentions = [];
  const hashtags = [];
  let text;
  let reply = {};
  if (roll < 0.2) {
    const who = PEOPLE[i % PEOPLE.length];
    text = `RT @${who}: ${sentence(next, 14)} ${sentence(next, 10)}`.slice(0, 139) + '…';
    mentions.push(who);
  } else if (roll < 0.45) {
    const who = PEOPLE[(i * 7) % PEOPLE.length];
    text = `@${who} ${sentence(next, 6 + Math.floor(next() * 18))}`;
    mentions.push(who);
    reply = { in_reply_to_status_id_str: String(id - 1000000n), in_reply_to_user_id_str: '901000000000000003', in_reply_to_screen_name: who };
  } else if (roll < 0.6) {
    text = `Spring sale: ${10 + (i % 30)}% off the Aurora lamp, shop now`;
    urls.push(`https://northwind.example/shop/aurora?utm_campaign=s${i % 50}`);
  } else if (roll < 0.7) {
    text = 'New post:';
    urls.push(`https://northwind.example/blog/post-${i % 500}`);
  } else {
    text = `${sentence(next, 8 + Math.floor(next() * 25))} ${next() < 0.3 ? `#${TAGS[i % TAGS.length]}` : ''}`.trim();
    if (next() < 0.2) hashtags.push(TAGS[i % TAGS.length]);
  }
  const entities = {
    hashtags: hashtags.map((tag) => ({ text: tag, indices: ['0', '1'] })),
    symbols: [],
    user_mentions: mentions.map((who) => ({
      name: who,
      screen_name: who,
      indices: ['0', String(who.length + 1)],
      id_str: '901000000000000003',
      id: '901000000000000003',
    })),
    urls: urls.map((url, k) => ({
      url: `https://t.co/${(i * 31 + k).toString(36).padStart(10, 'x')}`,
      expanded_url: url,
      display_url: url.replace(/^https:\/\//, '').slice(0, 26) + '…',
      indices: ['0', '23'],
    })),
  };
  for (const u of entities.urls) text += ` ${u.url}`;
  return {
    tweet: {
      edit_info: { initial: { editTweetIds: [String(id)], editableUntil: new Date(ms + 3_600_000).toISOString(), editsRemaining: '5', isEditEligible: true } },
      retweeted: false,
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      entities,
      display_text_range: ['0', String(text.length)],
      favorite_count: text.startsWith('RT @') ? '0' : String(Math.floor(next() * 40)),
      id_str: String(id),
      truncated: false,
      retweet_count: text.startsWith('RT @') ? '0' : String(Math.floor(next() * 8)),
      id: String(id),
      created_at: createdAt(ms),
      favorited: false,
      full_text: text.replace(/&/g, '&amp;'),
      lang: 'en',
      ...reply,
    },
  };
}

/** Jackson's pretty printer style: `"key" : value`, two-space indent. */
function jackson(value) {
  return JSON.stringify(value, null, 2).replace(/^(\s*"[^"]+"):/gm, '$1 :');
}

export function writeArchive(count, outDir) {
  const next = random(2024);
  const root = path.join(outDir, 'archive');
  mkdirSync(path.join(root, 'data'), { recursive: true });
  const parts = [];
  for (let i = 0; i < count; i++) parts.push(jackson(tweet(i, next)).replace(/^/gm, '  '));
  const files = {
    'data/tweets.js': `window.YTD.tweets.part0 = [\n${parts.join(',\n')}\n]`,
    'data/account.js': `window.YTD.account.part0 = ${jackson([{ account: { email: 'team@northwind.example', createdVia: 'web', username: HANDLE, accountId: ACCOUNT_ID, createdAt: '2012-03-01T10:00:00.000Z', accountDisplayName: 'Northwind Lamps' } }])}`,
    'data/manifest.js': `window.__THAR_CONFIG = ${jackson({ userInfo: { accountId: ACCOUNT_ID, userName: HANDLE, displayName: 'Northwind Lamps' }, dataTypes: { tweets: { files: [{ fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: String(count) }] } } })}`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  const zipPath = path.join(outDir, 'archive.zip');
  writeFileSync(zipPath, zip(Object.entries(files).map(([name, text]) => [`twitter-2024-06-30-bench/${name}`, Buffer.from(text)])));
  return { folder: root, zip: zipPath, tweetsJs: path.join(root, 'data/tweets.js') };
}

/**
 * A minimal zip writer (deflate, no zip64): enough for archives under 4 GiB. An entry may claim
 * another inflated size than its data's, to make the lying headers and zip bombs tests need.
 */
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data, claimedSize = data.length] of entries) {
    const nameBytes = Buffer.from(name);
    const compressed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    // Both headers carry the same block (version needed, flags, method, CRC, sizes, name length);
    // the central one has "version made by" before it, so it sits two bytes later.
    const fields = (header, at) => {
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x0800, at + 2);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(compressed.length, at + 14);
      header.writeUInt32LE(claimedSize, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '1000', out = 'bench-out'] = process.argv.slice(2);
  console.log(writeArchive(Number(count), out));
}
