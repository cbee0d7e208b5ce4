// @vitest-environment happy-dom
// Issue 16, item 6 (wording): a product that can no longer be ordered and retires later. Badge,
// card, banner and guard lead with what already happened (「已停止新订购 · 2月22日下线」; the badge,
// a glance, 「已停止新订购 · 剩 8 天」), never 「即将下线」 alone, and the banner does not leave it out.
import { describe, expect, it } from 'vitest';
import { createBadge } from '../../../components/page/badge.ts';
import { renderBanner } from '../../../components/page/banner.ts';
import { renderCard } from '../../../components/page/card.ts';
import { openGuard } from '../../../components/page/guard.ts';
import { badgeView, chooseBanner } from '../../../utils/page/watched.ts';
import { DAY, NOW, en, product, zh } from './fixtures.ts';
import { spaced } from '../../support/spaces.ts';

const kuajing = product('跨境专供解决方案', [
  { action: 'no-new-orders', at: NOW - 2 * DAY },
  { action: 'retire', at: NOW + 8 * DAY },
]);

describe('a product no longer orderable that retires later', () => {
  it('badge: 「已停止新订购 · 剩 8 天」, the whole sentence as its label', () => {
    const badge = createBadge(document, kuajing.product.name, badgeView(kuajing.product, NOW, zh));
    const button = badge.shadowRoot!.querySelector('button')!;
    expect(spaced(button.textContent)).toBe('已停止新订购 · 剩 8 天');
    expect(spaced(button.getAttribute('aria-label'))).toBe(
      '跨境专供解决方案：已停止新订购 · 2023年2月22日 00:00（北京时间）下线 · 剩 8 天（Sunset Watch 下线提醒）',
    );
    expect(spaced(badgeView(kuajing.product, NOW, en).text)).toBe('No longer orderable · 8 days left');
  });

  it('guard: the title leads with what already happened', () => {
    const guard = openGuard(document, [kuajing], NOW, zh, () => undefined);
    const title = guard.host.shadowRoot!.querySelector('h2')!.textContent;
    expect(title).toBe('跨境专供解决方案 已停止新订购 · 2月22日下线');
    expect(title).not.toContain('即将');
    guard.close();
  });

  it('card: a status line, then the milestones with what became of the passed one', () => {
    const card = renderCard(
      { doc: document, t: zh, now: () => NOW, onMute: () => {} },
      kuajing,
      false,
      () => {},
    );
    expect(card.querySelector('.status')?.textContent).toBe('已停止新订购 · 2月22日下线');
    const items = [...card.querySelectorAll('.milestones li')].map((li) => spaced(li.textContent));
    expect(items).toEqual([
      '2023年2月12日 00:00（北京时间） 已停止新订购',
      '2023年2月22日 00:00（北京时间） 下线 · 剩 8 天',
    ]);
  });

  it('banner: says it too, with the full date and the countdown', () => {
    const choice = chooseBanner([kuajing], NOW, 14)!;
    const root = renderBanner(document, choice, 0, NOW, zh, () => {}).shadowRoot!;
    expect(spaced(root.querySelector('.what')?.textContent)).toBe(
      '跨境专供解决方案 已停止新订购 · 2023年2月22日 00:00（北京时间）下线',
    );
    expect(spaced(root.querySelector('.left')?.textContent)).toBe('剩 8 天');
  });
});
