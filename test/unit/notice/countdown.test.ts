// Issue 18, item 1: one countdown for every surface. Table tests in both languages, and a sweep
// that reads the numbers back to prove the countdown never says more time is left than there is.
import { describe, expect, it } from 'vitest';
import {
  countdown,
  localDateTime,
  longDate,
  longWhen,
  nextMilestone,
  shortDate,
  shortWhen,
  stateOf,
  timeLeft,
} from '../../../utils/notice/countdown.ts';
import { makeTranslator } from '../../../utils/i18n/catalog.ts';
import { readCatalogs } from '../../../utils/i18n/locale-files.ts';
import type { Notice } from '../../../utils/notice/schema.ts';
import { spaced } from '../../support/spaces.ts';

const catalogs = readCatalogs('locales');
const zh = makeTranslator(catalogs, 'zh_CN');
const en = makeTranslator(catalogs, 'en');
const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
/** 2026-12-02 09:43 in Beijing. */
const NOW = Date.parse('2026-12-02T09:43:00+08:00');
const NBSP = '\u00a0';

describe('timeLeft', () => {
  it.each([
    // time left, urgency, Chinese, English
    [20_000, 'day', '不到 1 分钟', 'under a minute left'],
    [MIN, 'day', '剩 1 分钟', '1 minute left'],
    [45 * MIN + 59_999, 'day', '剩 45 分钟', '45 minutes left'],
    [H, 'day', '剩 1 小时', '1 hour left'],
    [2 * H - 1, 'day', '剩 1 小时 59 分钟', '1 hour 59 minutes left'],
    [2 * H + 5 * MIN, 'day', '剩 2 小时 5 分钟', '2 hours 5 minutes left'],
    [3 * H + 59 * MIN, 'day', '剩 3 小时', '3 hours left'],
    [19 * H + 59 * MIN, 'day', '剩 19 小时', '19 hours left'],
    [D, 'day', '剩 1 天', '1 day left'],
    [2 * D + 23 * H + 59 * MIN, 'week', '剩 2 天 23 小时', '2 days 23 hours left'],
    [7 * D, 'week', '剩 7 天', '7 days left'],
    [7 * D + 23 * H, 'later', '剩 7 天', '7 days left'],
    [30 * D, 'later', '剩 30 天', '30 days left'],
  ])('%i ms left → %s, 「%s」, "%s"', (left, urgency, zhText, enText) => {
    expect(countdown(NOW + left, NOW).urgency).toBe(urgency);
    expect(spaced(timeLeft(zh, NOW + left, NOW))).toBe(zhText);
    expect(spaced(timeLeft(en, NOW + left, NOW))).toBe(enText);
  });

  it('is empty once the instant has passed (the phrase says what happened instead)', () => {
    expect(timeLeft(zh, NOW, NOW)).toBe('');
    expect(timeLeft(en, NOW - H, NOW)).toBe('');
    expect(countdown(NOW, NOW).urgency).toBe('past');
  });

  it('never says more time is left than there is, and never breaks across lines', () => {
    const unit = { 天: D, 小时: H, 分钟: MIN, day: D, days: D, hour: H, hours: H, minute: MIN, minutes: MIN };
    // Every minute of the last 4 hours, then every 7 minutes up to 9 days, each a second short.
    const lefts: number[] = [];
    for (let m = 1; m <= 240; m++) lefts.push(m * MIN - 1000);
    for (let m = 240; m <= 9 * 24 * 60; m += 7) lefts.push(m * MIN - 1000);
    for (const left of lefts) {
      for (const t of [zh, en]) {
        const text = timeLeft(t, NOW + left, NOW);
        expect(text, `${left}`).not.toMatch(/ /); // no ordinary space: no line break inside
        if (/不到|under/.test(text)) {
          expect(left).toBeLessThan(MIN);
          continue;
        }
        const said = [...spaced(text).matchAll(/(\d+) (天|小时|分钟|days?|hours?|minutes?)/g)].reduce(
          (sum, [, n, u]) => sum + Number(n) * unit[u as keyof typeof unit],
          0,
        );
        expect(said, `${text} for ${left} ms`).toBeLessThanOrEqual(left);
        // …and not much less: short of the truth by less than the smallest unit it shows.
        const granularity = left < 3 * H ? MIN : left < 7 * D ? H : D;
        expect(left - said, `${text} for ${left} ms`).toBeLessThan(granularity);
      }
    }
  });
});

describe('dates: 今天/明天 only beside a time, Beijing time stated', () => {
  it.each([
    // instant, short zh, short en, long zh, long en
    [
      '2026-12-02T11:43:00+08:00',
      '今天 11:43',
      'today, 11:43',
      '今天 11:43（北京时间）',
      'today, 11:43 Beijing time',
    ],
    [
      '2026-12-03T09:00:00+08:00',
      '明天 09:00',
      'tomorrow, 09:00',
      '明天 09:00（北京时间）',
      'tomorrow, 09:00 Beijing time',
    ],
    [
      '2026-12-05T09:41:00+08:00',
      '12月5日',
      'Dec 5',
      '2026年12月5日 09:41（北京时间）',
      'Dec 5, 2026, 09:41 Beijing time',
    ],
    [
      '2027-01-05T00:00:00+08:00',
      '2027年1月5日',
      'Jan 5, 2027',
      '2027年1月5日 00:00（北京时间）',
      'Jan 5, 2027, 00:00 Beijing time',
    ],
    // 16:00Z is midnight in Beijing: the Beijing date counts, whatever offset the feed wrote.
    [
      '2026-12-03T16:00:00Z',
      '12月4日',
      'Dec 4',
      '2026年12月4日 00:00（北京时间）',
      'Dec 4, 2026, 00:00 Beijing time',
    ],
  ])('%s', (iso, zhShort, enShort, zhLong, enLong) => {
    const at = Date.parse(iso);
    expect(spaced(shortWhen(zh, at, NOW))).toBe(zhShort);
    expect(spaced(shortWhen(en, at, NOW))).toBe(enShort);
    expect(spaced(longWhen(zh, at, NOW))).toBe(zhLong);
    expect(spaced(longWhen(en, at, NOW))).toBe(enLong);
  });

  it('today and tomorrow follow the Beijing date, not the hours left', () => {
    // 23:30 Beijing: a cutoff 1 hour away is tomorrow at 00:30.
    const late = Date.parse('2026-12-02T23:30:00+08:00');
    expect(spaced(shortWhen(zh, late + H, late))).toBe('明天 00:30');
    expect(spaced(shortWhen(zh, late + 25 * H, late))).toBe('12月4日');
  });

  it('keeps 今天 and its time together, and states the zone only when asked', () => {
    expect(longWhen(zh, NOW + H, NOW)).toBe(`今天${NBSP}10:43（北京时间）`);
    expect(spaced(longWhen(zh, NOW + 5 * D, NOW, false))).toBe('2026年12月7日 09:43');
  });

  it('short and long dates for status lines and logs', () => {
    expect(shortDate(zh, Date.parse('2023-02-16T16:00:00Z'))).toBe('2月17日');
    expect(spaced(longDate(zh, Date.parse('2023-09-05T00:00:00Z')))).toBe('2023年9月5日 08:00');
    expect(spaced(longDate(en, Date.parse('2023-09-05T00:00:00Z')))).toBe('Sep 5, 2023, 08:00');
  });

  it('the local time reads like the Beijing one', () => {
    const at = Date.parse('2026-12-05T09:41:00+08:00');
    expect(spaced(localDateTime(zh, at, 'Europe/Berlin'))).toBe('2026年12月5日 02:41');
    expect(spaced(localDateTime(en, at, 'America/New_York'))).toBe('Dec 4, 2026, 20:41');
  });
});

describe('stateOf', () => {
  it.each([
    [NOW + MIN, 'ahead'],
    [NOW + 3 * D, 'ahead'],
    [NOW, 'today'],
    [Date.parse('2026-12-02T00:00:00+08:00'), 'today'],
    [Date.parse('2026-12-01T23:59:00+08:00'), 'passed'],
  ] as const)('%i → %s', (at, state) => {
    expect(stateOf(at, NOW)).toBe(state);
  });
});

describe('nextMilestone', () => {
  const notice: Notice = {
    guid: 'g',
    title: 't',
    pubDate: '2023-08-17T00:00:00+08:00',
    sunset: {
      kind: 'retire',
      updated: '2023-08-17T00:00:00+08:00',
      products: [
        {
          name: '数字营销套餐',
          aliases: [],
          replacements: [],
          milestones: [
            { action: 'auto-renew-off', at: '2023-09-05T08:00:00+08:00' },
            { action: 'no-new-orders', at: '2023-09-04T00:00:00+08:00' },
            { action: 'migrate', at: null },
          ],
        },
      ],
    },
  };
  it('picks the nearest dated milestone still ahead', () => {
    expect(nextMilestone(notice, Date.parse('2023-09-01T00:00:00+08:00'))?.milestone.action).toBe(
      'no-new-orders',
    );
    expect(nextMilestone(notice, Date.parse('2023-09-04T12:00:00+08:00'))?.milestone.action).toBe(
      'auto-renew-off',
    );
    expect(nextMilestone(notice, Date.parse('2023-09-06T00:00:00+08:00'))).toBeNull();
  });
});
