// Issue 18, item 2: the phrase table walked whole — every action × state × language — and the
// lines every surface builds from it (badge, guard title, popup row and timeline, notification
// title): no empty slot, the action said exactly once (never 「停止新订购 已停止新订购」), no slot
// phrasing the action into the wrong language, and what already happened leading (issue 16, item 6).
import { describe, expect, it } from 'vitest';
import { makeTranslator, type Lang } from '../../../utils/i18n/catalog.ts';
import { readCatalogs } from '../../../utils/i18n/locale-files.ts';
import { ACTIONS, type Action, type Product } from '../../../utils/notice/schema.ts';
import {
  SLOTS,
  STATES,
  actionWord,
  actionsPhrase,
  listOf,
  listSeparators,
  type Slot,
} from '../../../utils/notice/phrases.ts';
import { productStatus, statusTitle, timeline } from '../../../utils/notice/status.ts';
import { toBeijingIso } from '../../../utils/notice/time.ts';
import { renderNotification } from '../../../utils/reminders/render.ts';
import { badgeView } from '../../../utils/page/watched.ts';
import { spaced } from '../../support/spaces.ts';

const catalogs = readCatalogs('locales');
const LANGS: Lang[] = ['zh_CN', 'en'];
const tr = (lang: Lang) => makeTranslator(catalogs, lang);
const H = 3600_000;
const D = 24 * H;
const NOW = Date.parse('2026-12-02T09:43:00+08:00');

/** The word that names each action, which a line about that action must say exactly once. */
const STEM: Record<Lang, Record<Action, RegExp>> = {
  zh_CN: {
    retire: /下线/g,
    'no-new-orders': /新订购/g,
    'history-hidden': /历史方案/g,
    'auto-renew-off': /自动续订/g,
    migrate: /迁移/g,
    'authorization-ends': /授权/g,
    'policy-effective': /新规/g,
  },
  en: {
    retire: /retire/gi,
    'no-new-orders': /order/gi,
    'history-hidden': /past plans/gi,
    'auto-renew-off': /auto-renewal/gi,
    migrate: /data/gi,
    'authorization-ends': /authorization/gi,
    'policy-effective': /new rules/gi,
  },
};

/** An instant in each state, seen from NOW (2026-12-02 09:43 Beijing). */
const AT: Record<(typeof STATES)[number], number> = {
  ahead: NOW + 3 * D + 5 * H,
  today: Date.parse('2026-12-02T00:00:00+08:00'),
  passed: NOW - 10 * D,
};

function product(action: Action, at: number | null): Product {
  return {
    name: '跨境专供解决方案',
    aliases: [],
    replacements: [],
    milestones: [{ action, at: at === null ? null : toBeijingIso(at) }],
  };
}

function notificationTitle(lang: Lang, action: Action, at: number): string {
  const p = product(action, at);
  const item = {
    type: 'reminder' as const,
    lead: 120,
    guid: 'g',
    key: 'k',
    noticeTitle: 'n',
    product: p,
    action,
    atMs: at,
  };
  return renderNotification({ id: 'sunset:g:k', items: [item] }, { t: tr(lang), now: NOW, locale: 'zh-CN' })
    .title;
}

describe('several actions still ahead', () => {
  it('say soon once: 即将 leads the Chinese list, "soon" ends the English one', () => {
    const both: Action[] = ['no-new-orders', 'history-hidden'];
    expect(actionsPhrase(tr('zh_CN'), both, 'ahead')).toBe('即将停止新订购、历史方案不可查看');
    expect(actionsPhrase(tr('en'), both, 'ahead')).toBe('new orders stop and past plans will be hidden soon');
    // Other states keep each action's own phrase.
    expect(actionsPhrase(tr('zh_CN'), both, 'passed')).toBe('已停止新订购、历史方案已不可查看');
  });
});

describe('the phrase table', () => {
  for (const lang of LANGS) {
    for (const action of ACTIONS) {
      it(`${lang} ${action}: every slot written, in its own language, each different`, () => {
        // Each slot is a message of its own language's catalog, never a key or Chinese fallback.
        const key = (slot: Slot) => `action_${action.replace(/-/g, '_')}${slot === 'name' ? '' : `_${slot}`}`;
        for (const slot of SLOTS) expect(catalogs[lang][key(slot)], key(slot)).toBeDefined();
        const t = tr(lang);
        for (const slot of SLOTS.map((s) => actionWord(t, action, s))) {
          expect(slot.trim()).not.toBe('');
          expect(slot).toBe(slot.trim());
          if (lang === 'zh_CN') expect(slot, slot).not.toMatch(/[A-Za-z]/);
          else expect(slot, slot).not.toMatch(/[\u3400-\u9fff]/);
          expect(slot.match(STEM[lang][action])?.length ?? 0, slot).toBe(1);
        }
        expect(new Set(STATES.map((s) => actionWord(t, action, s))).size).toBe(STATES.length);
      });

      for (const state of STATES) {
        it(`${lang} ${action} ${state}: every surface says the action once`, () => {
          const t = tr(lang);
          const p = product(action, AT[state]);
          const status = productStatus(p, NOW, t);
          const lines = [
            status.text,
            badgeView(p, NOW, t).text,
            statusTitle(p.name, status, t),
            ...timeline(p, NOW, t).map((l) => `${l.when} ${l.what} ${l.left}`),
            notificationTitle(lang, action, AT[state]),
          ];
          for (const line of lines) {
            expect(line.trim(), line).not.toBe('');
            expect(line.match(STEM[lang][action])?.length ?? 0, line).toBe(1);
            expect(line, line).not.toMatch(/\$\d|undefined|null|NaN/);
          }
          if (state === 'ahead') expect(status.left).not.toBe('');
          else expect(status.left).toBe('');
        });
      }
    }
  }
});

describe('status lines of the issues', () => {
  const zh = tr('zh_CN');
  const en = tr('en');
  const kuajing: Product = {
    name: '跨境专供解决方案',
    aliases: [],
    replacements: [],
    milestones: [
      { action: 'no-new-orders', at: '2026-11-20T00:00:00+08:00' },
      { action: 'retire', at: '2026-12-22T00:00:00+08:00' },
    ],
  };

  it('what already happened leads: 「跨境专供解决方案 已停止新订购 · 12月22日下线」', () => {
    const status = productStatus(kuajing, NOW, zh);
    expect(statusTitle(kuajing.name, status, zh)).toBe('跨境专供解决方案 已停止新订购 · 12月22日下线');
    expect(spaced(badgeView(kuajing, NOW, zh).text)).toBe('已停止新订购 · 剩 19 天');
    expect(spaced(status.left)).toBe('剩 19 天');
    expect(statusTitle(kuajing.name, productStatus(kuajing, NOW, en), en)).toBe(
      '跨境专供解决方案: no longer orderable · retires on Dec 22',
    );
  });

  it('a policy reads 「新规即将生效」, never 「即将新规生效」', () => {
    const policy = { ...product('policy-effective', NOW + 5 * D), name: '数字营销用户资格' };
    const title = notificationTitle('zh_CN', 'policy-effective', NOW + 5 * D);
    expect(title).toBe('跨境专供解决方案 新规即将生效');
    expect(spaced(productStatus(policy, NOW, zh).text)).toBe('12月7日新规生效 · 剩 5 天');
  });

  it('milestones at one instant are one line: 「2023年2月17日 00:00 停止新订购、历史方案不可查看」', () => {
    const jiaju: Product = {
      name: '家居百货解决方案',
      aliases: [],
      replacements: [],
      milestones: [
        { action: 'no-new-orders', at: '2023-02-17T00:00:00+08:00' },
        { action: 'history-hidden', at: '2023-02-17T00:00:00+08:00' },
      ],
    };
    const before = Date.parse('2023-02-14T07:00:00+08:00');
    const lines = timeline(jiaju, before, zh, false);
    expect(lines).toHaveLength(1);
    expect(spaced(`${lines[0]!.when} ${lines[0]!.what}`)).toBe(
      '2023年2月17日 00:00 停止新订购、历史方案不可查看',
    );
    expect(spaced(lines[0]!.left)).toBe('剩 2 天 17 小时');
    // Passed, the same line says what became of it.
    expect(timeline(jiaju, NOW, zh)[0]!.what).toBe('已停止新订购、历史方案已不可查看');
    expect(spaced(productStatus(jiaju, before, zh).text)).toBe(
      '2月17日停止新订购、历史方案不可查看 · 剩 2 天 17 小时',
    );
  });

  it('English lists and plurals are English: no 、, no (s)', () => {
    expect(listOf('en', ['A', 'B', 'C'], 'disjunction')).toBe('A, B, or C');
    expect(listSeparators('en', 3, 'disjunction')).toEqual(['', ', ', ', or ']);
    expect(listSeparators('zh_CN', 3)).toEqual(['', '、', '、']);
    const t = tr('en');
    expect(t('page_banner_more', 1)).toBe('1 more product on this page is being retired');
    expect(t('page_banner_more', 2)).toBe('2 more products on this page are being retired');
    expect(t('opt_poll_hours', 1)).toBe('every hour');
    expect(t('opt_lead_days', 7)).toBe('7 days before');
    expect(t('opt_lead_days', 1)).toBe('1 day before');
    expect(tr('zh_CN')('opt_lead_days', 1)).toBe('提前 1 天');
  });

  it('muting a notice and closing the banner have different names, in both languages', () => {
    for (const lang of LANGS) {
      const t = tr(lang);
      expect(t('page_card_mute')).not.toBe(t('page_banner_dismiss'));
      expect(t('page_banner_dismiss')).toMatch(lang === 'en' ? /banner/ : /横幅/);
      expect(t('page_card_mute')).toMatch(lang === 'en' ? /notice/ : /公告/);
    }
  });
});
