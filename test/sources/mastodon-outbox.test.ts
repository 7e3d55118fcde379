import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

import type { Post } from '../../src/model/post.js';
import { mastodonOutbox } from '../../src/sources/formats/mastodon-outbox.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import { detects, kinds, loadWith } from '../helpers/sources.js';
import { auditOf } from '../helpers/audits.js';

const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const ACTOR = 'https://social.example/users/northwindlamps';
const withoutFile = (posts: Post[]) => posts.map(({ source, ...rest }) => ({ ...rest, record: source.record }));

const scratch = mkdtempSync(path.join(tmpdir(), 'presence-mastodon-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** An export folder of its own: outbox.json with these activities and, unless null, actor.json. */
function exportWith(name: string, activities: unknown[], actor: Record<string, unknown> | null = {}): string {
  const root = path.join(scratch, name);
  mkdirSync(root, { recursive: true });
  const outbox = { id: 'outbox.json', type: 'OrderedCollection', totalItems: activities.length, orderedItems: activities };
  writeFileSync(path.join(root, 'outbox.json'), JSON.stringify(outbox));
  const person = { id: ACTOR, type: 'Person', preferredUsername: 'northwindlamps', followers: `${ACTOR}/followers`, ...actor };
  if (actor) writeFileSync(path.join(root, 'actor.json'), JSON.stringify(person));
  return root;
}

const note = (n: number, to: string[], cc: string[], fields: Record<string, unknown> = {}) => ({
  type: 'Create',
  published: `2024-05-0${n}T10:00:00Z`,
  to,
  cc,
  object: { id: `${ACTOR}/statuses/${n}`, type: 'Note', published: `2024-05-0${n}T10:00:00Z`, content: `<p>Post ${n}</p>`, to, cc, ...fields },
});

describe('Mastodon account export', async () => {
  const zip = await loadWith(mastodonOutbox, 'fixtures/mastodon/archive-20240601120000-5e2b9c.zip');
  const folder = await loadWith(mastodonOutbox, 'fixtures/mastodon/export');
  const alone = await loadWith(mastodonOutbox, 'fixtures/mastodon/export/outbox.json');
  const byId = (suffix: string) => zip.posts.find((p) => p.id.endsWith(suffix))!;

  test('the zip, the folder and outbox.json alone give the same posts, account and sites; the handle comes from actor.json', () => {
    expect(withoutFile(folder.posts)).toEqual(withoutFile(zip.posts));
    expect(alone.posts).toEqual(folder.posts);
    for (const result of [folder, alone]) {
      expect(result.account).toBe(zip.account);
      expect(result.sites).toEqual(zip.sites);
      expect(result.excluded).toEqual(zip.excluded);
    }
    expect(zip.account).toBe('northwindlamps@mastodon.example');
    expect(new Set(alone.posts.map((p) => p.author))).toEqual(new Set(['northwindlamps@mastodon.example']));
  });

  test('counts by kind; the direct message is left out and counted; a malformed activity is skipped', () => {
    expect(kinds(zip)).toEqual({ post: 8, reply: 2, repost: 1 });
    expect(zip.excluded).toEqual({ 'direct message': 1 });
    expect(zip.skipped.count).toBe(1);
  });

  test('HTML becomes text with the full link kept; hashtags and mentions from tags', () => {
    const aurora = byId('112400000000000006');
    expect(aurora.text).toBe(
      'Meet Aurora: our new desk lamp dims all the way down to candlelight. https://northwind.example/lamps/aurora\n\n#WorkFromHome #lighting',
    );
    expect(aurora.links).toEqual([{ url: 'https://northwind.example/lamps/aurora', domain: 'northwind.example' }]);
    expect(aurora.hashtags).toEqual(['WorkFromHome', 'lighting']);
    expect(byId('112400000000000004').mentions).toEqual(['jordan@books.example']);
    expect(byId('112400000000000001').text).toContain("it's cold");
  });

  test('alt text: described, empty and missing', () => {
    expect(byId('112400000000000006').media).toEqual([{ type: 'image', altText: 'A brass desk lamp on an oak desk, glowing warm at dusk' }]);
    expect(byId('112400000000000007').media).toEqual([
      { type: 'image', altText: '' },
      { type: 'image', altText: '' },
    ]);
    expect(zip.lacks).toBeUndefined();
  });

  test('replies to others, thread continuations, boosts and content warnings', () => {
    expect(byId('112400000000000004')).toMatchObject({ kind: 'reply', replyTo: { isOwn: false } });
    expect(byId('112400000000000003')).toMatchObject({ kind: 'post', replyTo: { isOwn: true } });
    expect(byId('112400000000000011').text).toBe('Reader poll\n\nWhich do you read by: a desk lamp or a floor lamp? Tell us why.');
    expect(byId('112400000000000006').url).toBe('https://mastodon.example/@northwindlamps/112400000000000006');
  });

  test('a boost is a repost with none of the brand’s words and no link of its own: never a bare link', () => {
    expect(zip.posts.filter((p) => p.kind === 'repost')).toEqual([
      expect.objectContaining({ text: '', links: [], url: 'https://design.example/users/studiolumen/statuses/112398000000000123', visibility: 'public' }),
    ]);
  });

  test('visibility from to and cc: public, and the unlisted thread continuation', () => {
    expect(byId('112400000000000001').visibility).toBe('public');
    expect(byId('112400000000000003').visibility).toBe('unlisted');
    expect(zip.posts.filter((p) => p.visibility !== 'public').map((p) => p.id.slice(-2))).toEqual(['03']);
  });

  test('own sites from actor.json: its fields and bio, not its profile page, Instagram or a profile elsewhere', () => {
    expect(zip.sites).toEqual(['northwind.example', 'journal.northwind.example']);
  });

  test('detection', async () => {
    expect(await detects(mastodonOutbox, 'fixtures/mastodon/export')).toBe(true);
    expect(await detects(mastodonOutbox, 'fixtures/mastodon/export/outbox.json')).toBe(true);
    expect(await detects(mastodonOutbox, 'fixtures/bluesky/author-feed.json')).toBe(false);
  });
});

describe('Mastodon export: other shapes', () => {
  test('followers-only posts are kept as such; unlisted copies Public; a post to mentioned people only is a direct message', async () => {
    const root = exportWith('visibility', [
      note(1, [PUBLIC], [`${ACTOR}/followers`]),
      note(2, [`${ACTOR}/followers`], [PUBLIC, 'https://design.example/users/studiolumen']),
      note(3, [`${ACTOR}/followers`], ['https://design.example/users/studiolumen']),
      note(4, ['https://design.example/users/studiolumen'], []),
      note(5, ['https://design.example/users/studiolumen'], ['https://design.example/users/studiolumen/followers']),
    ]);
    const result = await loadWith(mastodonOutbox, root);
    expect(result.posts.map((p) => [p.id.slice(-1), p.visibility])).toEqual([
      ['1', 'public'],
      ['2', 'unlisted'],
      ['3', 'followers'],
    ]);
    expect(result.excluded).toEqual({ 'direct message': 2 });
  });

  test('a boost that embeds the boosted note takes none of its words or links', async () => {
    const content = '<p>Our new studio: <a href="https://lumen.example">lumen.example</a></p>';
    const boosted = { id: 'https://design.example/users/studiolumen/statuses/9', type: 'Note', content };
    const root = exportWith('boost', [{ type: 'Announce', published: '2024-05-01T10:00:00Z', to: [PUBLIC], cc: [`${ACTOR}/followers`], object: boosted }]);
    expect((await loadWith(mastodonOutbox, root)).posts).toEqual([
      expect.objectContaining({ id: `${boosted.id}#boost`, kind: 'repost', text: '', links: [], url: boosted.id }),
    ]);
  });

  test('a quote: the quoted post is `quoted`, out of the links and the text, with its author', async () => {
    const quoted = 'https://design.example/users/studiolumen/statuses/112398000000000123';
    const inline = `<p class="quote-inline">RE: <a href="${quoted}">design.example/users/studiolumen/statuses/112398000000000123</a></p>`;
    const content = `${inline}<p>This is the glare guide we wish we had written.</p>`;
    const root = exportWith('quote', [note(1, [PUBLIC], [`${ACTOR}/followers`], { content, quote: quoted })]);
    const [post] = (await loadWith(mastodonOutbox, root)).posts;
    expect(post).toMatchObject({ kind: 'quote', text: 'This is the glare guide we wish we had written.', links: [] });
    expect(post!.quoted).toEqual({ url: quoted, author: 'studiolumen@design.example' });
  });

  const HASHTAG = '<a href="https://social.example/tags/lamps" class="mention hashtag" rel="tag">#lamps</a>';
  test('sites: the instance itself, networks and /@ profiles are left out; summary and field links count once each', async () => {
    const a = (href: string) => `<a href="${href}" rel="nofollow noopener noreferrer me" target="_blank">${href}</a>`;
    const root = exportWith('sites', [note(1, [PUBLIC], [])], {
      url: 'https://social.example/@northwindlamps',
      summary: `<p>Lamps from Leeds. ${a('https://shop.northwind.example/')} ${HASHTAG}</p>`,
      attachment: [
        { type: 'PropertyValue', name: 'Web', value: a('https://WWW.Northwind.example') },
        { type: 'PropertyValue', name: 'Shop', value: a('https://shop.northwind.example/lamps') },
        { type: 'PropertyValue', name: 'Rules', value: a('https://social.example/about') },
        { type: 'PropertyValue', name: 'YouTube', value: a('https://www.youtube.com/@northwind') },
        { type: 'PropertyValue', name: 'Bluesky', value: a('https://bsky.app/profile/northwind.example') },
        { type: 'IdentityProof', name: 'northwind', value: a('https://keys.example/northwind') },
      ],
    });
    expect((await loadWith(mastodonOutbox, root)).sites).toEqual(['shop.northwind.example', 'northwind.example']);
  });

  test('outbox.json alone with no actor.json beside it, nor an actor in its activities: the handle is unknown, the posts the same', async () => {
    const root = exportWith('no-actor', [note(1, [PUBLIC], [])], null);
    const result = await loadWith(mastodonOutbox, path.join(root, 'outbox.json'));
    expect(result).toMatchObject({ account: 'unknown', posts: [{ author: 'unknown', visibility: 'public' }] });
    expect(result.sites).toBeUndefined();
  });

  // A real outbox.json published without its actor.json read every answer in the account's own threads as a reply to others.
  test('outbox.json alone whose activities name their actor: the account is theirs, and its own thread is a thread', async () => {
    const signed = (n: number, fields: Record<string, unknown> = {}) => {
      const activity = note(n, [PUBLIC], [`${ACTOR}/followers`], { url: `https://social.example/@northwindlamps/${n}`, ...fields });
      return { ...activity, actor: ACTOR };
    };
    const root = exportWith('actor-in-activities', [signed(2, { inReplyTo: `${ACTOR}/statuses/1` }), signed(1)], null);
    const result = await loadWith(mastodonOutbox, path.join(root, 'outbox.json'));
    expect(result.account).toBe('northwindlamps@social.example');
    expect(result.posts.map((p) => [p.kind, p.replyTo?.isOwn])).toEqual([
      ['post', true],
      ['post', undefined],
    ]);
  });

  test('a broken actor.json beside outbox.json is an error, as it is inside the folder', async () => {
    const root = exportWith('broken-actor', [note(1, [PUBLIC], [])], null);
    writeFileSync(path.join(root, 'actor.json'), '{ "id": ');
    for (const spec of [root, path.join(root, 'outbox.json')]) {
      await expect(loadWith(mastodonOutbox, spec)).rejects.toMatchObject({ code: 'input', where: { file: path.join(root, 'actor.json') } });
    }
  });
});

describe('Mastodon export: the audit is the same whichever form is named', () => {
  // Run from inside fixtures/mastodon, so outbox.json's neighbour must be found from the audit's working directory, not the process's.
  const cwd = path.join(ROOT, 'fixtures/mastodon');
  const audit = async (spec: string) => {
    const result = await runCli(['audit', spec, '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    const { generatedAt, sources, ...rest } = auditOf(result.stdout);
    return { generatedAt, sources: sources.map(({ spec: _spec, ...source }) => source), rest };
  };

  test('the folder and the lone outbox.json: same posts, same account, same findings and scores', async () => {
    const [fromFolder, fromFile] = [await audit('export'), await audit('export/outbox.json')];
    expect(fromFile.sources).toEqual(fromFolder.sources);
    const sites = ['northwind.example', 'journal.northwind.example'];
    expect(fromFile.sources[0]).toMatchObject({ account: 'northwindlamps@mastodon.example', posts: 11, sites });
    expect(fromFile.rest).toEqual(fromFolder.rest);
  }, 30_000);
});

describe('when the export was made', () => {
  test('the archive zip names its own moment, the archive-YYYYMMDDHHMMSS-hash.zip of Mastodon', async () => {
    const zip = await loadWith(mastodonOutbox, 'fixtures/mastodon/archive-20240601120000-5e2b9c.zip');
    expect(zip.exportedAt).toBe('2024-06-01T12:00:00.000Z');
    // An unpacked folder keeps no such name: its moment is unknown, not guessed.
    expect((await loadWith(mastodonOutbox, 'fixtures/mastodon/export')).exportedAt).toBeUndefined();
  });
});

describe('conversations and bridged tweets', () => {
  test('a tweet bridged from X: only the comment before "RT @…@twitter.com" is the brand’s; its picture and tags are the tweet’s', async () => {
    const content =
      '<p>WUT?! RT @studiolumen@twitter.com Every speaker got a refurbished lamp #ffconf 🐦🔗: ' +
      '<a href="https://twitter.com/studiolumen/status/1592000000000000001">twitter.com/studiolumen/status/1592000000000000001</a></p>';
    const tag = [{ type: 'Hashtag', name: '#ffconf' }];
    const attachment = [{ type: 'Document', mediaType: 'image/jpeg', name: null }];
    const root = exportWith('bridged', [note(1, [PUBLIC], [`${ACTOR}/followers`], { content, tag, attachment })]);
    const [post] = (await loadWith(mastodonOutbox, root)).posts;
    expect(post).toMatchObject({ kind: 'quote', text: 'WUT?!', links: [], hashtags: [], media: [] });
    expect(post!.quoted).toEqual({ url: 'https://twitter.com/studiolumen/status/1592000000000000001', author: 'studiolumen' });
  });

  // A real account had 141 posts opening with a handle and no reply link ("@ryan Definitely! Thanks for the tip"): answers, wherever the conversation began.
  test('a post opening with someone’s handle talks to them: a reply, though its reply link was lost', async () => {
    const elsewhere = 'tag:fosstodon.example,2023-01-05:objectId=5512:objectType=Conversation';
    const mine = 'tag:social.example,2023-01-05:objectId=12:objectType=Conversation';
    const root = exportWith('lost-parent', [
      note(1, [PUBLIC], [], { content: '<p>@ana That is the one, yes.</p>', conversation: elsewhere }),
      note(2, [PUBLIC], [], { content: '<p>@ana Definitely! Thanks for the tip.</p>', conversation: mine }),
      note(3, [PUBLIC], [], { content: '<p>A plain post that names @ana later on.</p>', conversation: elsewhere }),
      note(4, [PUBLIC], [], { content: '<p>@northwindlamps is us: a note on our own handle.</p>', conversation: mine }),
    ]);
    const posts = (await loadWith(mastodonOutbox, root)).posts;
    expect(posts.map((p) => p.kind)).toEqual(['reply', 'reply', 'post', 'post']);
    expect(posts[0]!.replyTo).toEqual({ isOwn: false });
  });
});

describe('an automated account', () => {
  test('actor.json of type Service (Mastodon’s "automated account" setting) marks the export as a bot’s', async () => {
    expect((await loadWith(mastodonOutbox, 'fixtures/mastodon/bot-account')).bot).toBe('its Mastodon profile is marked as automated');
    expect((await loadWith(mastodonOutbox, 'fixtures/mastodon/bot-account/outbox.json')).bot).toBe('its Mastodon profile is marked as automated');
    expect((await loadWith(mastodonOutbox, 'fixtures/mastodon/thread-talk')).bot).toBeUndefined();
  });

  test('its audit holds it to no people’s habit: replies, rhythm and repeated status links are not evaluated, and say why', async () => {
    const result = await runCli(['audit', 'fixtures/mastodon/bot-account', '--format', 'json']);
    const audit = auditOf(result.stdout);
    expect(audit.sources[0]!.bot).toBe('its Mastodon profile is marked as automated');
    const skipped = audit.notEvaluated
      .filter((n) => n.reason === "its Mastodon profile is marked as automated: a bot is not held to people's habits")
      .map((n) => n.rule);
    expect(skipped).toEqual(
      expect.arrayContaining([
        'conversation/reply-share',
        'cadence/burst',
        'link-blasting/bare-link',
        'link-blasting/link-habit',
        'link-blasting/repeated-link',
      ]),
    );
    expect(audit.findings.filter((f) => f.bucket !== 'keep')).toEqual([]);
  });
});
