import { describe, expect, it } from 'vitest';
import enCommon from '../../../locales/en/common.json';
import enRem from '../../../locales/en/reminders.json';
import zhCommon from '../../../locales/zh_CN/common.json';
import zhRem from '../../../locales/zh_CN/reminders.json';
import { makeTranslator } from '../../../utils/i18n/catalog.ts';
import { renderNotification } from '../../../utils/reminders/render.ts';
import { bj, DAY, HOUR, notice, Sim } from './helpers.ts';
import { spaced } from '../../support/spaces.ts';

const catalogs = { zh_CN: { ...zhCommon, ...zhRem }, en: { ...enCommon, ...enRem } };
const zh = makeTranslator(catalogs, 'zh_CN');
const en = makeTranslator(catalogs, 'en');
const CUTOFF = bj('2023-02-17T00:00:00');
const n1 = () => notice('n1', CUTOFF, { replacement: '消费品解决方案' });

function planAt(now: number, first = n1(), then = first) {
  const sim = new Sim();
  sim.run(CUTOFF - 10 * DAY, [first]);
  return sim.run(now, [then]).notifications;
}

/** The 2023-02-10 notice: two solutions stop taking orders and hide history at the same minute. */
function twoSolutions() {
  const n = notice('solutions', CUTOFF, {
    extraMilestones: [{ action: 'history-hidden', at: CUTOFF }],
    replacement: '消费品解决方案',
  });
  const [first] = n.notice.sunset!.products;
  n.notice.sunset!.products.push({ ...first!, name: '行业优选解决方案' });
  return n;
}

describe('one notice, one instant', () => {
  it('is one notification naming every product and action, not a summary', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [twoSolutions()]);
    const plan = sim.run(CUTOFF - DAY + HOUR, [twoSolutions()]);
    expect(Sim.shown(plan)).toEqual(['event:4']);
    expect(plan.notifications[0]!.id.startsWith('sunset:solutions:')).toBe(true);
    const r = renderNotification(plan.notifications[0]!, {
      t: zh,
      now: CUTOFF - DAY + HOUR,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(r.title).toBe('家居百货解决方案、行业优选解决方案 即将停止新订购、历史方案不可查看');
    expect(r.items).toBeUndefined();
    expect(r.message).toContain('可改用：消费品解决方案');
  });
});

describe('notification text', () => {
  it('says product and action in the title; Beijing date, countdown, replacement in the body', () => {
    const [planned] = planAt(CUTOFF - DAY - HOUR);
    const r = renderNotification(planned!, {
      t: zh,
      now: CUTOFF - DAY,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(r.title).toBe('家居百货解决方案 即将停止新订购');
    // The cutoff is at 00:00 tomorrow (Beijing): 明天 beside the time, never instead of a countdown.
    expect(spaced(r.message)).toBe('明天 00:00（北京时间） · 剩 1 天\n可改用：消费品解决方案');
    expect(r.buttons).toEqual(['view', 'snooze']);
  });

  it('at the cutoff: 今天起停止新订购', () => {
    const [planned] = planAt(CUTOFF);
    const r = renderNotification(planned!, {
      t: zh,
      now: CUTOFF,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(r.title).toBe('家居百货解决方案 今天起停止新订购');
  });

  it('adds the local time when the browser is not in Beijing time', () => {
    const [planned] = planAt(CUTOFF - HOUR);
    const r = renderNotification(planned!, {
      t: en,
      now: CUTOFF - HOUR,
      timeZone: 'Europe/Berlin',
      locale: 'en-US',
    });
    expect(r.title).toBe('家居百货解决方案: new orders stop soon');
    expect(spaced(r.message)).toContain('tomorrow, 00:00 Beijing time · 1 hour left');
    expect(spaced(r.message)).toContain('Local time Feb 16, 2023, 17:00');
  });

  it('postponed: 推迟至, with the old date', () => {
    const later = bj('2023-03-17T00:00:00');
    const [planned] = planAt(CUTOFF - 9 * DAY, n1(), notice('n1', later, { previous: CUTOFF }));
    const r = renderNotification(planned!, {
      t: zh,
      now: CUTOFF - 9 * DAY,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(r.title).toBe('家居百货解决方案 停止新订购推迟至 3月17日');
    expect(spaced(r.message)).toContain('原定 2023年2月17日 00:00');
  });

  it('cancelled: one line, no snooze button', () => {
    const [planned] = planAt(CUTOFF - 9 * DAY, n1(), notice('n1', CUTOFF, { kind: 'cancel' }));
    const r = renderNotification(planned!, {
      t: zh,
      now: CUTOFF - 9 * DAY,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(r.title).toBe('已取消：公告 n1');
    expect(r.buttons).toEqual(['view']);
  });

  it('a summary lists every item', () => {
    const sim = new Sim();
    const many = Array.from({ length: 5 }, (_, i) => notice(`n${i}`, CUTOFF, { product: `产品${i}` }));
    const [planned] = sim.run(CUTOFF - HOUR, many).notifications;
    const r = renderNotification(planned!, {
      t: zh,
      now: CUTOFF - HOUR,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(r.title).toBe('5 条下线提醒');
    expect(r.items?.map((i) => i.title)).toEqual(many.map((_, i) => `产品${i} 即将停止新订购`));
  });
});
