import { describe, expect, it } from 'vitest';
import {
  countdown,
  countdownText,
  longDate,
  nextMilestone,
  shortDate,
} from '../../../utils/notice/countdown.ts';
import { makeTranslator } from '../../../utils/i18n/catalog.ts';
import { readCatalogs } from '../../../utils/i18n/locale-files.ts';
import type { Notice } from '../../../utils/notice/schema.ts';

const catalogs = readCatalogs('locales');
const zh = makeTranslator(catalogs, 'zh_CN');
const en = makeTranslator(catalogs, 'en');
const at = Date.parse('2023-02-17T00:00:00+08:00');
const h = 3600_000;

describe('countdown', () => {
  it.each([
    // now (hours before the cutoff), urgency, zh text, en text
    [-1, 'past', '已停止新订购', 'No longer orderable'],
    [0, 'past', '已停止新订购', 'No longer orderable'],
    [5, 'day', '剩 5 小时', '5 h left'],
    [24, 'day', '剩 1 天 0 小时', '1 d 0 h left'],
    [77, 'week', '剩 3 天 5 小时', '3 d 5 h left'],
    [7 * 24, 'week', '剩 7 天 0 小时', '7 d 0 h left'],
    [7 * 24 + 1, 'later', '剩 7 天 1 小时', '7 d 1 h left'],
  ])('%i h before → %s', (hoursBefore, urgency, zhText, enText) => {
    const cd = countdown(at, at - hoursBefore * h);
    expect(cd.urgency).toBe(urgency);
    expect(countdownText(zh, 'no-new-orders', cd)).toBe(zhText);
    expect(countdownText(en, 'no-new-orders', cd)).toBe(enText);
  });

  it('says 今天 when the cutoff is later on the same Beijing day', () => {
    const eightAm = Date.parse('2023-09-05T08:00:00+08:00');
    const cd = countdown(eightAm, Date.parse('2023-09-05T01:00:00+08:00'));
    expect(countdownText(zh, 'auto-renew-off', cd)).toBe('今天');
  });

  it('uses the Beijing calendar day even when the instant is written in another offset', () => {
    // 2023-02-16T16:00Z is 2月17日 00:00 in Beijing.
    expect(shortDate(zh, Date.parse('2023-02-16T16:00:00Z'))).toBe('2月17日');
    expect(longDate(zh, Date.parse('2023-09-05T00:00:00Z'))).toBe('2023年9月5日 08:00');
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
