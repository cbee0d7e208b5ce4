// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderBanner } from '../../../components/page/banner.ts';
import { renderCard } from '../../../components/page/card.ts';
import { createBadge, updateBadge } from '../../../components/page/badge.ts';
import { badgeView, chooseBanner } from '../../../utils/page/watched.ts';
import { DAY, NOW, product, zh } from './fixtures.ts';
import { spaced } from '../../support/spaces.ts';

const hostile = product('家居百货解决方案', [{ action: 'no-new-orders', at: NOW + 3 * DAY }], {
  noticeTitle: '<script>window.__pwned=1</script>公告',
  grandfather: '<img src=x onerror="window.__pwned=1">老客户不受影响',
  link: 'javascript:alert(1)',
});
hostile.product.replacements.push({ name: '<b>粗体</b>方案', href: 'https://evil.example/' });

const hrefs = (root: ParentNode) => [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));

describe('on-page UI renders feed text as text', () => {
  it('card: markup stays text, only https platform links and an https notice link', () => {
    const card = renderCard(
      { doc: document, t: zh, now: () => NOW, onMute: () => {} },
      hostile,
      false,
      () => {},
    );
    expect(card.textContent).toContain('<script>window.__pwned=1</script>公告');
    expect(card.textContent).toContain('<img src=x onerror="window.__pwned=1">老客户不受影响');
    expect(card.textContent).toContain('<b>粗体</b>方案');
    expect(card.querySelectorAll('script, img, b')).toHaveLength(0);
    // javascript: notice link and off-platform / javascript: replacements are not links.
    expect(hrefs(card)).toEqual(['https://p4p.1688.com/solution/consumer']);
    expect(card.textContent).toContain('不再提醒此公告');
  });

  it('card: links the notice when it is https', () => {
    const card = renderCard(
      { doc: document, t: zh, now: () => NOW, onMute: () => {} },
      { ...hostile, link: 'https://rule.1688.com/n/1' },
      false,
      () => {},
    );
    expect(hrefs(card)).toContain('https://rule.1688.com/n/1');
    for (const a of card.querySelectorAll('a')) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('banner: the nearest cutoff with its countdown, replacements linked on the platform only', () => {
    const choice = chooseBanner([hostile], NOW, 14)!;
    let dismissed = 0;
    const host = renderBanner(document, choice, 2, NOW, zh, () => dismissed++);
    const root = host.shadowRoot!;
    expect(spaced(root.textContent)).toContain('家居百货解决方案 2023年2月17日 00:00（北京时间）停止新订购');
    expect(spaced(root.querySelector('.left')?.textContent)).toBe('剩 3 天');
    expect(root.textContent).toContain('本页另有 2 个产品在下线计划中');
    expect(hrefs(root)).toEqual(['https://p4p.1688.com/solution/consumer']);
    expect(host.getAttribute('data-hash')).toBe('h1');
    const dismiss = root.querySelector<HTMLButtonElement>('button.x')!;
    // A script's .click() is ignored (test/unit/page/trusted.test.ts); real input dismisses.
    dismiss.click();
    expect(dismissed).toBe(0);
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    dismiss.dispatchEvent(click);
    expect(dismissed).toBe(1);
  });

  it('badge: open shadow root, text and urgency kept up to date', () => {
    const badge = createBadge(document, '家居百货解决方案', badgeView(hostile.product, NOW, zh));
    expect(spaced(badge.shadowRoot!.textContent)).toBe('停止新订购 · 剩 3 天');
    expect(badge.getAttribute('data-urgency')).toBe('week');
    updateBadge(badge, badgeView(hostile.product, NOW + 4 * DAY, zh));
    expect(badge.shadowRoot!.textContent).toBe('已停止新订购');
    expect(badge.getAttribute('data-urgency')).toBe('past');
  });

  it('badges with the same words are separate elements, each with its own shadow root', () => {
    const view = badgeView(hostile.product, NOW, zh);
    const [a, b] = [0, 1].map(() => createBadge(document, '家居百货解决方案', view));
    expect(a).not.toBe(b);
    expect(a!.shadowRoot).not.toBe(b!.shadowRoot);
    expect(b!.getAttribute('data-product')).toBe('家居百货解决方案');
    expect(b!.shadowRoot!.querySelector('button')!.getAttribute('aria-haspopup')).toBe('dialog');
    updateBadge(a!, badgeView(hostile.product, NOW + 4 * DAY, zh));
    expect(a!.shadowRoot!.textContent).toBe('已停止新订购');
    expect(spaced(b!.shadowRoot!.textContent)).toBe('停止新订购 · 剩 3 天');
    // Another product with the same words gets its own name.
    expect(createBadge(document, '行业优选解决方案', view).getAttribute('data-product')).toBe(
      '行业优选解决方案',
    );
  });
});
