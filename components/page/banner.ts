// <sunset-watch-banner>: the nearest cutoff among the products named on this page.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { listSeparators, titled } from '../../utils/notice/phrases.ts';
import { productStatus, statusLong } from '../../utils/notice/status.ts';
import type { BannerChoice } from '../../utils/page/watched.ts';
import { platformHref } from '../../utils/page/links.ts';
import { h, link, shadowWith } from './dom.ts';
import { BANNER_CSS } from './styles.ts';
import { trusted } from './trusted.ts';

export const BANNER_TAG = 'sunset-watch-banner';

export function renderBanner(
  doc: Document,
  choice: BannerChoice,
  others: number,
  nowMs: number,
  t: Translate,
  onDismiss: () => void,
): HTMLElement {
  const host = doc.createElement(BANNER_TAG);
  host.setAttribute('data-notice', choice.entry.guid);
  host.setAttribute('data-hash', choice.entry.hash);
  const root = shadowWith(host, BANNER_CSS);
  const { entry } = choice;
  // What already happened leads (issue 16, item 6): 「跨境专供解决方案 已停止新订购 · 2026年12月22日 00:00（北京时间）下线」.
  const status = productStatus(entry.product, nowMs, t);
  const text = titled(t, entry.product.name, statusLong(status));
  const seps = listSeparators(t, entry.product.replacements.length, 'disjunction');
  const replacements = entry.product.replacements.map((r, i) => {
    const href = platformHref(r.href);
    return [seps[i]!, href ? link(doc, href, r.name) : r.name];
  });
  const dismiss = h(
    doc,
    'button',
    { type: 'button', class: 'x', title: t('page_banner_dismiss_hint') },
    t('page_banner_dismiss'),
  );
  dismiss.addEventListener('click', trusted(onDismiss));
  root.append(
    h(
      doc,
      'div',
      { class: `bar u-${status.urgency}`, role: 'region', 'aria-label': t('page_banner_label') },
      h(doc, 'span', { class: 'dot' }),
      h(doc, 'strong', { class: 'what' }, text),
      status.left ? h(doc, 'span', { class: 'left' }, status.left) : null,
      replacements.length
        ? h(doc, 'span', { class: 'alt' }, t('page_banner_replacements'), replacements.flat())
        : null,
      others > 0 ? h(doc, 'span', { class: 'more' }, t('page_banner_more', others)) : null,
      dismiss,
    ),
  );
  return host;
}
