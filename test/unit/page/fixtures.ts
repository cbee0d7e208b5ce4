// Watched products for page unit tests, with milestones relative to a fixed `NOW`.
import type { PageProduct } from '../../../utils/page/watched.ts';
import { toBeijingIso } from '../../../utils/notice/time.ts';
import zhCommon from '../../../locales/zh_CN/common.json';
import zhPage from '../../../locales/zh_CN/page.json';
import enCommon from '../../../locales/en/common.json';
import enPage from '../../../locales/en/page.json';
import { makeTranslator, mergeParts } from '../../../utils/i18n/catalog.ts';

export const NOW = Date.parse('2023-02-14T00:00:00+08:00');
export const DAY = 24 * 3600_000;
export const at = (ms: number): string => toBeijingIso(ms);

export const zh = makeTranslator({ zh_CN: mergeParts([zhCommon, zhPage]) }, 'zh_CN');
export const en = makeTranslator(
  { zh_CN: mergeParts([zhCommon, zhPage]), en: mergeParts([enCommon, enPage]) },
  'en',
);

export function product(
  name: string,
  milestones: { action: 'retire' | 'no-new-orders' | 'history-hidden'; at: number | null }[],
  extra: Partial<PageProduct> = {},
): PageProduct {
  return {
    guid: `g-${name}`,
    hash: 'h1',
    noticeTitle: `${name}下线公告`,
    link: 'https://rule.1688.com/notice/1',
    kind: 'retire',
    grandfather: '此前订购的不受影响',
    muted: false,
    product: {
      name,
      aliases: [],
      milestones: milestones.map((m) => ({ action: m.action, at: m.at === null ? null : at(m.at) })),
      replacements: [
        { name: '消费品解决方案', href: 'https://p4p.1688.com/solution/consumer' },
        { name: '坏链接方案', href: 'javascript:alert(1)' },
      ],
    },
    ...extra,
  };
}

/** Puts test markup in the page (a DOM test environment). Fixture markup only, never feed text. */
export function setPage(html: string): void {
  document.body.innerHTML = html; // eslint-disable-line no-unsanitized/property
}
