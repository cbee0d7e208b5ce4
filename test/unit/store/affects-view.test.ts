// Which notices affect the merchant (issue 20) and what follows from it in the shared views:
// the popup's order with and without seen products, the 与我相关 filter, and the badge rule.
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../utils/notice/schema.ts';
import type { SeenProduct } from '../../../utils/store/db.ts';
import {
  affects,
  BADGE_AMBER,
  BADGE_RED,
  badgeFor,
  matchesFilter,
  NOTHING_SEEN,
  seenIndex,
  sortNotices,
} from '../../../utils/store/view.ts';
import { storedNotice } from '../../support/stored-notice.ts';

const NOW = Date.parse('2023-02-15T12:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

function retiring(guid: string, at: number | null, names = [`${guid}方案`], aliases: string[] = []): Notice {
  return {
    guid,
    title: `公告 ${guid}`,
    pubDate: '2023-02-01T00:00:00+08:00',
    sunset: {
      kind: 'retire',
      updated: '2023-02-01T00:00:00+08:00',
      products: names.map((name) => ({
        name,
        aliases,
        milestones: [{ action: 'no-new-orders' as const, at: at === null ? null : iso(at) }],
        replacements: [],
      })),
    },
  };
}

function seen(...names: string[]) {
  return seenIndex(
    names.map((name): SeenProduct => ({
      name,
      firstSeenAt: NOW - DAY,
      lastSeenAt: NOW,
      loads: 1,
      maxPlaces: 1,
      maxPlans: 1,
      where: [],
    })),
  );
}

// Soonest first as usual: a (1 h), b (2 d), c (5 d), undated d, retired e, a plain notice.
const ITEMS = [
  retiring('e', NOW - 3 * DAY),
  retiring('c', NOW + 5 * DAY),
  { guid: 'plain', title: '普通公告', pubDate: '2023-02-10T00:00:00+08:00' } as Notice,
  retiring('a', NOW + HOUR),
  retiring('d', null),
  retiring('b', NOW + 2 * DAY),
].map((n) => storedNotice(n));
const order = (s = NOTHING_SEEN) => sortNotices(ITEMS, NOW, s).map((x) => x.guid);

describe('the popup order', () => {
  it('without anything seen: the usual order, soonest first', () => {
    expect(order()).toEqual(['a', 'b', 'c', 'd', 'e', 'plain']);
    expect(order(seen())).toEqual(order());
  });

  it('with products seen: the notices they affect first, in the usual order among themselves, then the rest', () => {
    expect(order(seen('c方案', 'e方案'))).toEqual(['c', 'e', 'a', 'b', 'd', 'plain']);
    expect(order(seen('b方案'))).toEqual(['b', 'a', 'c', 'd', 'e', 'plain']);
    // A name seen that no notice has changes nothing.
    expect(order(seen('别的方案'))).toEqual(order());
  });

  it('a notice affects when any of its products was seen, under its name or an alias', () => {
    const two = retiring('two', NOW + DAY, ['家居百货解决方案', '行业优选解决方案']);
    expect(affects(two, seen('行业优选解决方案'))).toBe(true);
    const aliased = retiring('aliased', NOW + DAY, ['家居百货解决方案'], ['家居百货方案']);
    // Another notice named the product 家居百货方案 and the page flagged it under that name.
    expect(affects(aliased, seen('家居百货方案'))).toBe(true);
    expect(affects(aliased, seen('家居百货'))).toBe(false);
    expect(affects({ guid: 'p', title: '普通', pubDate: '2023-02-01T00:00:00+08:00' }, seen('普通'))).toBe(
      false,
    );
  });

  it('与我相关 keeps only the notices affecting the merchant; nothing before anything is seen', () => {
    const s = seen('c方案', 'e方案');
    expect(ITEMS.filter((x) => matchesFilter(x.notice, 'affects', NOW, s)).map((x) => x.guid)).toEqual([
      'e',
      'c',
    ]);
    expect(ITEMS.filter((x) => matchesFilter(x.notice, 'affects', NOW)).map((x) => x.guid)).toEqual([]);
    // The other filters ignore what was seen.
    expect(ITEMS.filter((x) => matchesFilter(x.notice, 'all', NOW, s))).toHaveLength(ITEMS.length);
  });
});

describe('the badge rule', () => {
  // Three products within 7 days: one within 24 h.
  const notices = [
    storedNotice(retiring('soon', NOW + 5 * HOUR, ['伙拼专场解决方案'])),
    storedNotice(retiring('two', NOW + 3 * DAY, ['家居百货解决方案', '行业优选解决方案'])),
    storedNotice(retiring('far', NOW + 30 * DAY, ['跨境专供解决方案'])),
  ];

  it('before anything is seen it counts every product with a milestone in the next 7 days', () => {
    expect(badgeFor(notices, NOW)).toEqual({ count: 3, text: '3', color: BADGE_RED });
    expect(badgeFor(notices, NOW, seen())).toEqual({ count: 3, text: '3', color: BADGE_RED });
  });

  it('once anything is seen it counts only those products, red only when one of them is within 24 h', () => {
    expect(badgeFor(notices, NOW, seen('家居百货解决方案', '行业优选解决方案'))).toEqual({
      count: 2,
      text: '2',
      color: BADGE_AMBER,
    });
    expect(badgeFor(notices, NOW, seen('伙拼专场解决方案'))).toEqual({
      count: 1,
      text: '1',
      color: BADGE_RED,
    });
    // Seen, but nothing of theirs within 7 days: an empty badge, not the count of all.
    expect(badgeFor(notices, NOW, seen('跨境专供解决方案'))).toMatchObject({ count: 0, text: '' });
  });

  it('still leaves muted notices out, seen or not', () => {
    const muted = [storedNotice(retiring('m', NOW + DAY, ['家居百货解决方案']), { muted: true })];
    expect(badgeFor(muted, NOW, seen('家居百货解决方案')).count).toBe(0);
  });
});
