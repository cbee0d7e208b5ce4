import { describe, expect, it } from 'vitest';
import { badgeView, chooseBanner, flaggable, matchEntries } from '../../../utils/page/watched.ts';
import { DAY, NOW, en, product, zh } from './fixtures.ts';
import { spaced } from '../../support/spaces.ts';

const HOUR = 3600_000;

describe('badgeView', () => {
  // A glance (issue 16: the name's box seldom has room for a date): what already happened, else
  // what comes next, then the countdown; the full sentence is the label.
  it.each([
    ['later', [{ action: 'no-new-orders' as const, at: NOW + 10 * DAY }], '停止新订购 · 剩 10 天'],
    [
      'week',
      [{ action: 'no-new-orders' as const, at: NOW + 3 * DAY + 5 * HOUR }],
      '停止新订购 · 剩 3 天 5 小时',
    ],
    ['day', [{ action: 'retire' as const, at: NOW + 20 * HOUR }], '下线 · 剩 20 小时'],
    ['past', [{ action: 'retire' as const, at: NOW - DAY }], '已下线'],
    [
      'week',
      [
        { action: 'no-new-orders' as const, at: NOW - DAY },
        { action: 'retire' as const, at: NOW + 2 * DAY },
      ],
      // What already happened leads (issue 16, item 6); the countdown is to the retirement.
      '已停止新订购 · 剩 2 天',
    ],
    ['undated', [{ action: 'retire' as const, at: null }], '下线日期待定'],
    [
      // Several actions at one instant: the weightiest one.
      'week',
      [
        { action: 'history-hidden' as const, at: NOW + 3 * DAY },
        { action: 'no-new-orders' as const, at: NOW + 3 * DAY },
      ],
      '停止新订购 · 剩 3 天',
    ],
    [
      'past',
      [
        { action: 'history-hidden' as const, at: NOW - DAY },
        { action: 'retire' as const, at: NOW - DAY },
      ],
      '已下线',
    ],
  ])('%s → %s', (urgency, milestones, text) => {
    const view = badgeView(product('家居百货解决方案', milestones).product, NOW, zh);
    expect(spaced(view.text)).toBe(text);
    expect(view.urgency).toBe(urgency);
    expect(view.label).toContain('家居百货解决方案');
    // The compact form is the countdown alone (or the whole glance when it has none).
    const compact = view.text.slice(view.lead.length);
    expect(compact).toBe(/剩/.test(text) ? text.replace(/^.* · /, '').replace(/ /g, '\u00a0') : view.text);
  });

  it('says no date and keeps the full sentence, with the date, in its label', () => {
    const milestones = [
      { action: 'no-new-orders' as const, at: NOW + 3 * DAY },
      { action: 'history-hidden' as const, at: NOW + 3 * DAY },
    ];
    const view = badgeView(product('家居百货解决方案', milestones).product, NOW, zh);
    expect(view.text).not.toMatch(/月|日/);
    expect(spaced(view.label)).toBe(
      '家居百货解决方案：2023年2月17日 00:00（北京时间）停止新订购、历史方案不可查看 · 剩 3 天（Sunset Watch 下线提醒）',
    );
    // One line: no ordinary space inside the countdown, no line break anywhere.
    expect(view.text).not.toMatch(/\n/);
    expect(view.text.slice(view.lead.length)).not.toMatch(/ /);
  });

  it('speaks English when asked', () => {
    const view = badgeView(product('X', [{ action: 'no-new-orders', at: NOW + 3 * DAY }]).product, NOW, en);
    expect(spaced(view.text)).toBe('New orders stop · 3 days left');
    const gone = [
      { action: 'no-new-orders' as const, at: NOW - DAY },
      { action: 'retire' as const, at: NOW + 8 * DAY },
    ];
    expect(spaced(badgeView(product('X', gone).product, NOW, en).text)).toBe(
      'No longer orderable · 8 days left',
    );
    expect(badgeView(product('X', [{ action: 'retire', at: NOW - DAY }]).product, NOW, en).text).toBe(
      'Retired',
    );
  });
});

describe('chooseBanner', () => {
  const soon = product('A方案', [{ action: 'retire', at: NOW + 5 * DAY }]);
  const sooner = product('B方案', [{ action: 'retire', at: NOW + 2 * DAY }]);
  const far = product('C方案', [{ action: 'retire', at: NOW + 30 * DAY }]);
  const gone = product('D方案', [{ action: 'retire', at: NOW - 3 * DAY }]);

  it.each([
    ['nearest cutoff wins', [soon, sooner, far, gone], 14, 'B方案', false],
    ['outside the window, a retired product', [far, gone], 14, 'D方案', true],
    ['a wider window', [far], 60, 'C方案', false],
    ['nothing near', [far], 14, null, false],
  ])('%s', (_, onPage, days, name, past) => {
    const choice = chooseBanner(onPage, NOW, days);
    expect(choice?.entry.product.name ?? null).toBe(name);
    if (choice) expect(choice.past).toBe(past);
  });

  it('stays dismissed for the same notice version and returns when the hash changes', () => {
    expect(chooseBanner([{ ...sooner, bannerDismissedHash: 'h1' }], NOW, 14)).toBeNull();
    expect(chooseBanner([{ ...sooner, bannerDismissedHash: 'h0' }], NOW, 14)?.entry.guid).toBe(sooner.guid);
    expect(chooseBanner([sooner], NOW, 14, new Map([[sooner.guid, 'h1']]))).toBeNull();
    expect(chooseBanner([sooner, soon], NOW, 14, new Map([[sooner.guid, 'h1']]))?.entry.guid).toBe(soon.guid);
  });

  it('ignores muted notices', () => {
    expect(chooseBanner([{ ...sooner, muted: true }], NOW, 14)).toBeNull();
  });
});

describe('flaggable / matchEntries', () => {
  it('puts the notice with the soonest milestone ahead first when two name the same product', () => {
    const old = product('家居百货解决方案', [{ action: 'retire', at: NOW - 300 * DAY }], { guid: 'old' });
    const older = product('家居百货解决方案', [{ action: 'retire', at: NOW - 900 * DAY }], { guid: 'older' });
    const next = product('家居百货解决方案', [{ action: 'retire', at: NOW + 3 * DAY }], { guid: 'next' });
    const undated = product('家居百货解决方案', [{ action: 'retire', at: null }], { guid: 'undated' });
    expect(flaggable([undated, older, old, next], NOW).map((p) => p.guid)).toEqual([
      'next',
      'old',
      'older',
      'undated',
    ]);
  });

  it('drops muted and cancelled notices and uses aliases as terms', () => {
    const a = product('A方案', [], { product: { ...product('A方案', []).product, aliases: ['A'] } });
    const muted = product('B方案', [], { muted: true });
    const cancelled = product('C方案', [], { kind: 'cancel' });
    const list = flaggable([a, muted, cancelled]);
    expect(list.map((p) => p.product.name)).toEqual(['A方案']);
    expect(matchEntries(list)).toEqual([{ name: 'A方案', terms: ['A方案', 'A'] }]);
  });
});
