// <sunset-watch-banner>: the nearest cutoff among the products named on this page. It floats in
// a corner of the viewport where no page control or text lies under it (issue 16 item 1: it used
// to push the page down), and folds into a small pill whose state the content script remembers
// per site.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { listSeparators, titled } from '../../utils/notice/phrases.ts';
import { productStatus, statusLong } from '../../utils/notice/status.ts';
import type { BannerChoice } from '../../utils/page/watched.ts';
import { platformHref } from '../../utils/page/links.ts';
import { h, hostWith, link } from './dom.ts';
import { BANNER_CSS } from './styles.ts';
import { trusted } from './trusted.ts';

export const BANNER_TAG = 'sunset-watch-banner';

export interface BannerFold {
  collapsed: boolean;
  /** The merchant folded or unfolded it (remembered per site by the caller). */
  onToggle: (collapsed: boolean) => void;
}

export function renderBanner(
  doc: Document,
  choice: BannerChoice,
  others: number,
  nowMs: number,
  t: Translate,
  onDismiss: () => void,
  fold: BannerFold = { collapsed: false, onToggle: () => {} },
): HTMLElement {
  const { host, root } = hostWith(doc, BANNER_TAG, BANNER_CSS);
  host.setAttribute('data-notice', choice.entry.guid);
  host.setAttribute('data-hash', choice.entry.hash);
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
  const collapse = h(
    doc,
    'button',
    { type: 'button', class: 'fold', 'aria-expanded': 'true' },
    t('page_banner_collapse'),
  );
  const pill = h(
    doc,
    'button',
    {
      type: 'button',
      class: `pill u-${status.urgency}`,
      'aria-expanded': 'false',
      'aria-label': `${t('page_banner_label')}: ${text}`,
    },
    h(doc, 'span', { class: 'dot' }),
    t('page_banner_pill', others + 1),
  );
  const setCollapsed = (collapsed: boolean): void => {
    host.toggleAttribute('data-collapsed', collapsed);
  };
  setCollapsed(fold.collapsed);
  for (const [button, collapsed] of [
    [collapse, true],
    [pill, false],
  ] as const)
    button.addEventListener(
      'click',
      trusted(() => {
        setCollapsed(collapsed);
        fold.onToggle(collapsed);
        (collapsed ? pill : collapse).focus();
      }),
    );
  root.append(
    pill,
    h(
      doc,
      'div',
      { class: `bar u-${status.urgency}`, role: 'region', 'aria-label': t('page_banner_label') },
      // The dot leads the first line of the words, not a line of its own when they wrap.
      h(doc, 'strong', { class: 'what' }, h(doc, 'span', { class: 'dot' }), text),
      status.left ? h(doc, 'span', { class: 'left' }, status.left) : null,
      replacements.length
        ? h(doc, 'span', { class: 'alt' }, t('page_banner_replacements'), replacements.flat())
        : null,
      others > 0 ? h(doc, 'span', { class: 'more' }, t('page_banner_more', others)) : null,
      h(doc, 'span', { class: 'buttons' }, collapse, dismiss),
    ),
  );
  return host;
}
