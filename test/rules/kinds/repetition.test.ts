import { describe, expect, test } from 'vitest';
import type { AccountCheck } from '../../../src/rules/kinds/define-kind.js';
import { accountWindow, compileKind } from '../../helpers/kinds.js';
import { facts } from '../../helpers/posts.js';

const window = accountWindow();

describe('repetition', () => {
  test('the same link within a day: each later copy, tracking parameters ignored', () => {
    const posts = [
      facts({ id: 'a', text: 'Aurora is back https://northwind.example/aurora', createdAt: '2024-05-14T09:00:00.000Z' }),
      facts({ id: 'b', text: 'Still here https://www.northwind.example/aurora/?utm_source=x', createdAt: '2024-05-14T18:00:00.000Z' }),
      facts({ id: 'c', text: 'And again https://northwind.example/aurora', createdAt: '2024-05-20T09:00:00.000Z' }),
    ];
    const result = (compileKind('repetition', { of: 'link', within: '24h' }) as AccountCheck)(posts, window);
    expect(result.hits.map((h) => [h.postId, h.data.first, h.data.times])).toEqual([['b', 'a', 2]]);
  });

  test('a post stamped with its day only is named by its day, never by a 00:00 it was not posted at', () => {
    const posts = [
      facts({ id: 'a', text: 'Open till six https://northwind.example/hours', createdAt: '2009-06-14T00:00:00.000Z', dayOnly: true }),
      facts({ id: 'b', text: 'Open late https://northwind.example/hours', createdAt: '2009-06-14T00:00:00.000Z', dayOnly: true }),
      facts({ id: 'c', text: 'Hours again https://northwind.example/hours', createdAt: '2009-06-14T15:10:00.000Z' }),
    ];
    const result = (compileKind('repetition', { of: 'link', within: '24h' }) as AccountCheck)(posts, window);
    expect(result.hits.map((h) => [h.postId, h.data.firstAt, h.data.copyAt])).toEqual([
      ['b', '2009-06-14', '2009-06-14'],
      ['c', '2009-06-14', '2009-06-14 15:10 UTC'],
    ]);
  });

  test('a habit: three times in a week, reported once with every post', () => {
    const posts = ['01', '03', '05'].map((d, i) =>
      facts({ id: `p${i}`, text: 'Shop https://northwind.example/shop', createdAt: `2024-05-${d}T09:00:00.000Z` }),
    );
    const result = (compileKind('repetition', { of: 'link', within: '7d', report: 'groups', 'min-count': 3 }) as AccountCheck)(posts, window);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.postIds).toEqual(['p0', 'p1', 'p2']);
  });

  test('near-identical text across platforms within a day', () => {
    const text = 'Meet Aurora: our new desk lamp dims all the way down to candlelight.';
    const posts = [
      facts({ id: 'x1', platform: 'x', text, createdAt: '2024-05-14T09:00:00.000Z' }),
      facts({ id: 'm1', platform: 'mastodon', text: `${text} 🕯️`, createdAt: '2024-05-14T09:02:00.000Z' }),
      facts({ id: 'l1', platform: 'linkedin', text: 'Why we spent two years on a dimmer for Aurora.', createdAt: '2024-05-14T09:05:00.000Z' }),
    ];
    const result = (compileKind('repetition', { of: 'text', report: 'groups', within: '24h', 'min-platforms': 2 }) as AccountCheck)(posts, window);
    expect(result.hits.map((h) => [h.postIds, h.data.platforms])).toEqual([[['x1', 'm1'], 'x, mastodon']]);
  });

  test('copies on one platform do not count as cross-posting', () => {
    const posts = ['09', '10'].map((h) =>
      facts({ platform: 'x', text: 'Meet Aurora: our new desk lamp dims to candlelight.', createdAt: `2024-05-14T${h}:00:00.000Z` }),
    );
    const result = (compileKind('repetition', { of: 'text', report: 'groups', 'min-platforms': 2 }) as AccountCheck)(posts, window);
    expect(result.hits).toEqual([]);
  });

  test('a weekly auto-post is one habit listing every week, with the dates it spans', () => {
    const posts = ['01', '08', '15', '22', '29'].map((d, i) =>
      facts({ id: `w${i}`, text: `This week's top tracks https://charts.example/me`, createdAt: `2024-05-${d}T09:00:00.000Z` }),
    );
    // Six days apart and a run of two weeks' gap later: still one link, so still one habit.
    posts.push(facts({ id: 'w5', text: `This week's top tracks https://charts.example/me`, createdAt: '2024-06-20T09:00:00.000Z' }));
    posts.push(
      ...['21', '22'].map((d, i) => facts({ id: `v${i}`, text: `This week's top tracks https://charts.example/me`, createdAt: `2024-06-${d}T09:00:00.000Z` })),
    );
    const result = (compileKind('repetition', { of: 'link', within: '8d', report: 'groups', 'min-count': 3 }) as AccountCheck)(posts, window);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]!.data).toMatchObject({ times: 8, from: '2024-05-01', to: '2024-06-22' });
  });

  test('a near-copy is the duplicate finding alone; a post repeating two links is one copy', () => {
    const posts = [
      facts({
        id: 'a',
        text: 'Our spring catalogue is out, with the new brass finishes: https://northwind.example/cat https://northwind.example/brass',
        createdAt: '2024-05-14T09:00:00.000Z',
      }),
      facts({
        id: 'b',
        text: 'Our spring catalogue is out, with the new brass finishes! https://northwind.example/cat https://northwind.example/brass',
        createdAt: '2024-05-14T10:00:00.000Z',
      }),
      facts({
        id: 'c',
        text: 'Reminder, two pages worth a look: https://northwind.example/cat https://northwind.example/brass',
        createdAt: '2024-05-14T11:00:00.000Z',
      }),
    ];
    const result = (compileKind('repetition', { of: 'link', within: '24h' }) as AccountCheck)(posts, window);
    expect(result.hits.map((h) => h.postId)).toEqual(['c']);
  });

  test('exactly a day later is tomorrow’s post, not a copy', () => {
    const posts = [
      facts({ text: 'Customer story one https://northwind.example/stories', createdAt: '2024-05-14T09:00:00.000Z' }),
      facts({ text: 'Customer story two https://northwind.example/stories', createdAt: '2024-05-15T09:00:00.000Z' }),
    ];
    expect((compileKind('repetition', { of: 'link', within: '24h' }) as AccountCheck)(posts, window).hits).toEqual([]);
  });

  test('a near-copy posted again within the hour is the correction: the earlier post is the one to delete', () => {
    const words =
      'Thrilled to share that our whole lighting team cleared the advanced database certification this week, after three months of evening classes at the';
    const fixed = facts({ id: 'fixed', text: `${words} Lyon studio.`, createdAt: '2024-05-14T09:10:00.000Z' });
    const botched = facts({ id: 'botched', text: `${words} Lyin studio.`, createdAt: '2024-05-14T09:00:00.000Z' });
    const later = facts({ id: 'later', text: `${words} Lyon studio!`, createdAt: '2024-05-20T09:00:00.000Z' });
    const check = compileKind('repetition', { of: 'text', within: '30d' }) as AccountCheck;
    expect(check([botched, fixed], window).hits.map((h) => h.postId)).toEqual(['botched']);
    // Days later it is a copy, not a correction: the copy goes.
    expect(check([botched, later], window).hits.map((h) => h.postId)).toEqual(['later']);
  });

  test('the same link again: the post that says less about it is the one to delete', () => {
    const bare = facts({ id: 'bare', text: 'New chart https://northwind.example/charts/rents', createdAt: '2024-05-14T09:00:00.000Z' });
    const told = facts({
      id: 'told',
      text: 'Rents rose fastest in the towns with the fewest new homes, our chart shows https://northwind.example/charts/rents',
      createdAt: '2024-05-14T15:00:00.000Z',
    });
    const check = compileKind('repetition', { of: 'link', within: '24h' }) as AccountCheck;
    expect(check([bare, told], window).hits.map((h) => h.postId)).toEqual(['bare']);
    const bareLater = facts({ id: 'bare-later', text: bare.post.text, createdAt: '2024-05-14T18:00:00.000Z' });
    expect(check([told, bareLater], window).hits.map((h) => h.postId)).toEqual(['bare-later']);
  });

  test('a post the brand’s own thread continues from is never the one to delete: it would orphan the thread', () => {
    const root = facts({ id: 'root', text: 'New chart https://northwind.example/charts/rents', createdAt: '2024-05-14T09:00:00.000Z' });
    const part = facts({
      id: 'part',
      text: 'The towns with the fewest new homes saw the steepest rises.',
      replyTo: { id: 'root', isOwn: true },
      createdAt: '2024-05-14T09:01:00.000Z',
    });
    const told = facts({
      id: 'told',
      text: 'Rents rose fastest in the towns with the fewest new homes, our chart shows https://northwind.example/charts/rents',
      createdAt: '2024-05-14T15:00:00.000Z',
    });
    const check = compileKind('repetition', { of: 'link', within: '24h' }) as AccountCheck;
    expect(check([root, part, told], window).hits.map((h) => h.postId)).toEqual(['told']);
    // Someone else's reply to the post does not make it a thread of the brand's.
    const answered = facts({
      id: 'answer',
      kind: 'reply',
      text: '@reader yes, all of them.',
      replyTo: { id: 'root', isOwn: false },
      createdAt: '2024-05-14T10:00:00.000Z',
    });
    expect(check([root, answered, told], window).hits.map((h) => h.postId)).toEqual(['root']);
  });
});
