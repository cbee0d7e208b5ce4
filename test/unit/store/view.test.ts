import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../utils/notice/schema.ts';
import {
  BADGE_AMBER,
  BADGE_RED,
  badgeFor,
  groupOf,
  matchesFilter,
  matchesSearch,
  sortNotices,
} from '../../../utils/store/view.ts';
import { storedNotice } from '../../support/stored-notice.ts';

const NOW = Date.parse('2023-02-15T12:00:00+08:00');
const DAY = 86_400_000;

function sunset(
  guid: string,
  ats: (string | null)[],
  kind: 'retire' | 'cancel' = 'retire',
  pubDate = '2023-02-01T00:00:00+08:00',
): Notice {
  return {
    guid,
    title: `公告 ${guid}`,
    pubDate,
    sunset: {
      kind,
      updated: pubDate,
      products: ats.map((at, i) => ({
        name: `${guid}-产品${i}`,
        aliases: [`${guid}-别名`],
        milestones: [{ action: 'retire' as const, at }],
        replacements: [{ name: '替代方案甲' }],
      })),
    },
  };
}
const plain = (guid: string, pubDate: string): Notice => ({ guid, title: `普通 ${guid}`, pubDate });
const wrap = storedNotice;

describe('sortNotices', () => {
  it('upcoming nearest first, then undated, then retired most recent first, then plain', () => {
    const items = [
      plain('plain-old', '2023-01-01T00:00:00+08:00'),
      sunset('retired-long-ago', ['2022-06-01T00:00:00+08:00']),
      sunset('upcoming-far', ['2023-05-01T00:00:00+08:00']),
      sunset('undated', [null]),
      sunset('retired-recent', ['2023-02-10T00:00:00+08:00']),
      sunset('upcoming-near', ['2023-02-16T00:00:00+08:00', '2022-01-01T00:00:00+08:00']),
      plain('plain-new', '2023-02-10T00:00:00+08:00'),
      sunset('cancelled', ['2023-02-20T00:00:00+08:00'], 'cancel'),
    ].map((n) => wrap(n));
    expect(sortNotices(items, NOW).map((s) => s.guid)).toEqual([
      'upcoming-near',
      'upcoming-far',
      'undated',
      'retired-recent',
      'retired-long-ago',
      'plain-new',
      'cancelled',
      'plain-old',
    ]);
  });

  it('moves a notice from upcoming to retired as the clock passes its date', () => {
    const n = sunset('x', ['2023-02-16T00:00:00+08:00']);
    expect(groupOf(n, NOW)).toBe('upcoming');
    expect(groupOf(n, NOW + 2 * DAY)).toBe('retired');
  });
});

describe('filters and search', () => {
  it.each([
    [sunset('a', ['2023-02-16T00:00:00+08:00']), true],
    [sunset('b', [null]), true],
    [sunset('c', ['2023-01-01T00:00:00+08:00']), false],
    [plain('d', '2023-01-01T00:00:00+08:00'), false],
  ])('即将生效 keeps %#', (n, want) => {
    expect(matchesFilter(n, 'upcoming', NOW)).toBe(want);
    expect(matchesFilter(n, 'all', NOW)).toBe(true);
  });

  it.each([
    ['', true],
    ['产品0', true],
    ['别名', true],
    ['替代方案甲', true],
    ['  公告   产品0 ', true],
    ['不存在', false],
    ['公告 不存在', false],
  ])('search %j', (query, want) => {
    expect(matchesSearch(sunset('s', ['2023-02-16T00:00:00+08:00']), query)).toBe(want);
  });
});

describe('badgeFor', () => {
  it('is empty with nothing in the next 7 days', () => {
    expect(badgeFor([wrap(sunset('far', ['2023-03-30T00:00:00+08:00']))], NOW)).toMatchObject({
      text: '',
      count: 0,
    });
  });

  it('counts products within 7 days, amber when none is within 24 h', () => {
    const badge = badgeFor(
      [
        wrap(
          sunset('w', [
            '2023-02-18T00:00:00+08:00',
            '2023-02-20T00:00:00+08:00',
            '2023-03-30T00:00:00+08:00',
          ]),
        ),
      ],
      NOW,
    );
    expect(badge).toEqual({ count: 2, text: '2', color: BADGE_AMBER });
  });

  it('is red when a milestone is within 24 h; leaves out muted, cancelled and past ones', () => {
    const badge = badgeFor(
      [
        wrap(sunset('soon', ['2023-02-16T00:00:00+08:00'])),
        wrap(sunset('muted', ['2023-02-16T00:00:00+08:00']), { muted: true }),
        wrap(sunset('cancelled', ['2023-02-16T00:00:00+08:00'], 'cancel')),
        wrap(sunset('past', ['2023-02-15T00:00:00+08:00'])),
      ],
      NOW,
    );
    expect(badge).toEqual({ count: 1, text: '1', color: BADGE_RED });
  });
});
