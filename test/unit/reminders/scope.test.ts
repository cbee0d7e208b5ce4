// 提醒范围 (issue 20): 全部公告 reminds of every product as before; 仅与我相关 sends nothing at all
// about a product never seen on the merchant's pages — no reminder, no move, no cancellation —
// and does not replay what passed unseen once it is seen. A notification about a product that
// affects the merchant says so: 「您有 3 个计划在用」.
import { describe, expect, it } from 'vitest';
import enCommon from '../../../locales/en/common.json';
import enRem from '../../../locales/en/reminders.json';
import zhCommon from '../../../locales/zh_CN/common.json';
import zhRem from '../../../locales/zh_CN/reminders.json';
import { makeTranslator } from '../../../utils/i18n/catalog.ts';
import { renderNotification } from '../../../utils/reminders/render.ts';
import type { SeenProduct } from '../../../utils/store/db.ts';
import { seenIndex } from '../../../utils/store/view.ts';
import { bj, DAY, defaults, HOUR, notice, Sim } from './helpers.ts';

const catalogs = { zh_CN: { ...zhCommon, ...zhRem }, en: { ...enCommon, ...enRem } };
const zh = makeTranslator(catalogs, 'zh_CN');
const en = makeTranslator(catalogs, 'en');
const CUTOFF = bj('2023-02-17T00:00:00');

const record = (name: string, maxPlaces: number, maxPlans: number): SeenProduct => ({
  name,
  firstSeenAt: CUTOFF - 30 * DAY,
  lastSeenAt: CUTOFF - 20 * DAY,
  loads: 3,
  maxPlaces,
  maxPlans,
  where: ['p4p.1688.com/main.html#!/report/plan'],
});

const jiaju = () => notice('jiaju', CUTOFF, { product: '家居百货解决方案' });
const hangye = () => notice('hangye', CUTOFF + 5 * HOUR, { product: '行业优选解决方案' });

function sim(scope: 'all' | 'affects', seen: SeenProduct[]) {
  const s = new Sim({ ...defaults, remindScope: scope });
  s.seen = seenIndex(seen);
  return s;
}
const guids = (plan: ReturnType<Sim['run']>) => plan.notifications.map((n) => n.items[0]!.guid);

describe('提醒范围', () => {
  it('全部公告 (the default): every product is reminded of, seen or not', () => {
    const s = sim('all', [record('家居百货解决方案', 3, 3)]);
    s.run(CUTOFF - 10 * DAY, [jiaju(), hangye()]);
    expect(guids(s.run(CUTOFF - 7 * DAY + 6 * HOUR, [jiaju(), hangye()]))).toEqual(['jiaju', 'hangye']);
    // And so without a scope at all (settings written before issue 20).
    const old = new Sim();
    old.run(CUTOFF - 10 * DAY, [jiaju(), hangye()]);
    expect(guids(old.run(CUTOFF - 7 * DAY + 6 * HOUR, [jiaju(), hangye()]))).toEqual(['jiaju', 'hangye']);
  });

  it('仅与我相关: a product never seen gets no notification at all, at any lead time, nor an alarm', () => {
    const s = sim('affects', [record('家居百货解决方案', 3, 3)]);
    const shown: string[] = [];
    // The unseen product's rungs: 7 days, 1 day, 2 hours before its cutoff, and the cutoff.
    const unseenRungs = [7 * DAY, DAY, 2 * HOUR, 0].map((lead) => CUTOFF + 5 * HOUR - lead);
    for (let t = CUTOFF - 10 * DAY; t <= CUTOFF + 6 * HOUR; t += HOUR) {
      const plan = s.run(t, [jiaju(), hangye()]);
      shown.push(...guids(plan));
      // No wake-up is planned for them either.
      expect(plan.alarms.filter((a) => unseenRungs.includes(a.when))).toEqual([]);
    }
    // 家居百货: 7 days, 1 day, 2 hours and at the cutoff. 行业优选: nothing.
    expect(shown).toEqual(['jiaju', 'jiaju', 'jiaju', 'jiaju']);
  });

  it('仅与我相关 with nothing seen yet: no notification at all', () => {
    const s = sim('affects', []);
    s.run(CUTOFF - 10 * DAY, [jiaju()]);
    expect(s.run(CUTOFF - 7 * DAY + HOUR, [jiaju()]).notifications).toEqual([]);
    expect(s.run(CUTOFF, [jiaju()]).notifications).toEqual([]);
  });

  it('a product seen later is reminded from then on, without the reminders it missed', () => {
    const s = sim('affects', []);
    s.run(CUTOFF - 10 * DAY, [jiaju()]);
    expect(s.run(CUTOFF - 7 * DAY + HOUR, [jiaju()]).notifications).toEqual([]);
    s.seen = seenIndex([record('家居百货解决方案', 1, 0)]);
    // The 7-day rung passed unseen: not replayed now.
    expect(s.run(CUTOFF - 5 * DAY, [jiaju()]).notifications).toEqual([]);
    expect(Sim.shown(s.run(CUTOFF - DAY + HOUR, [jiaju()]))).toEqual(['reminder:1440']);
  });

  it('仅与我相关: neither a move nor a cancellation of an unseen product is announced', () => {
    const s = sim('affects', []);
    s.run(CUTOFF - 10 * DAY, [hangye()]);
    const moved = notice('hangye', CUTOFF + 3 * DAY, { product: '行业优选解决方案' });
    expect(s.run(CUTOFF - 9 * DAY, [moved]).notifications).toEqual([]);
    const cancelled = notice('hangye', CUTOFF + 3 * DAY, { product: '行业优选解决方案', kind: 'cancel' });
    expect(s.run(CUTOFF - 8 * DAY, [cancelled]).notifications).toEqual([]);
    // Seen: the same cancellation is news.
    const seen = sim('affects', [record('行业优选解决方案', 1, 1)]);
    seen.run(CUTOFF - 10 * DAY, [hangye()]);
    expect(Sim.shown(seen.run(CUTOFF - 8 * DAY, [cancelled]))).toEqual(['cancelled']);
  });
});

describe('the words of a notification for a product that affects the merchant', () => {
  const render = (seen: SeenProduct[], t = zh) => {
    const s = sim('all', seen);
    s.run(CUTOFF - 10 * DAY, [jiaju()]);
    const [planned] = s.run(CUTOFF - DAY + HOUR, [jiaju()]).notifications;
    return renderNotification(planned!, {
      t,
      now: CUTOFF - DAY + HOUR,
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
      seen: s.seen,
    }).message.split('\n');
  };

  it('says how many plans use it, or that the backend mentions it', () => {
    expect(render([record('家居百货解决方案', 3, 3)])).toContain('您有 3 个计划在用');
    expect(render([record('家居百货解决方案', 4, 0)])).toContain('您的后台有 4 处提到它');
    expect(render([record('家居百货解决方案', 1, 0)])).toContain('您的后台提到过它');
    expect(render([record('家居百货解决方案', 1, 1)], en)).toContain('You have 1 plan using it');
    expect(render([record('家居百货解决方案', 2, 2)], en)).toContain('You have 2 plans using it');
  });

  it('says nothing of it for a product not seen', () => {
    expect(render([record('行业优选解决方案', 3, 3)]).join('\n')).not.toMatch(/计划在用|提到/);
  });

  it('names the product when one notification is about several', () => {
    const two = notice('two', CUTOFF, { product: '家居百货解决方案' });
    two.notice.sunset!.products.push({ ...two.notice.sunset!.products[0]!, name: '行业优选解决方案' });
    const s = sim('all', [record('行业优选解决方案', 2, 2)]);
    s.run(CUTOFF - 10 * DAY, [two]);
    const [planned] = s.run(CUTOFF - DAY + HOUR, [two]).notifications;
    const message = renderNotification(planned!, {
      t: zh,
      now: CUTOFF - DAY + HOUR,
      locale: 'zh-CN',
      seen: s.seen,
    }).message;
    expect(message.split('\n')).toContain('行业优选解决方案：您有 2 个计划在用');
    expect(message).not.toContain('家居百货解决方案：');
  });
});
