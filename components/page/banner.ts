// <sunset-watch-banner>: the nearest cutoff among the products named on this page.
import type { Translate } from '../../utils/i18n/catalog.ts';
import {
  ACTION_DONE_KEY,
  ACTION_KEY,
  countdown,
  countdownText,
  longDate,
} from '../../utils/notice/countdown.ts';
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
  const { entry, dated } = choice;
  const cd = countdown(dated.atMs, nowMs);
  const when = `${longDate(t, dated.atMs)}${t('page_beijing_suffix')}`;
  const text = choice.past
    ? t('page_banner_past', entry.product.name, t(ACTION_DONE_KEY[dated.action]), when)
    : t(
        'page_banner_ahead',
        entry.product.name,
        when,
        t(ACTION_KEY[dated.action]),
        countdownText(t, dated.action, cd),
      );
  const replacements = entry.product.replacements.map((r, i) => {
    const href = platformHref(r.href);
    return [i ? '、' : '', href ? link(doc, href, r.name) : r.name];
  });
  const dismiss = h(doc, 'button', { type: 'button', class: 'x' }, t('page_banner_dismiss'));
  dismiss.addEventListener('click', trusted(onDismiss));
  root.append(
    h(
      doc,
      'div',
      { class: `bar u-${cd.urgency}`, role: 'region', 'aria-label': t('page_banner_label') },
      h(doc, 'span', { class: 'dot' }),
      h(doc, 'strong', { class: 'what' }, text),
      replacements.length
        ? h(doc, 'span', { class: 'alt' }, t('page_banner_replacements'), replacements.flat())
        : null,
      others > 0 ? h(doc, 'span', { class: 'more' }, t('page_banner_more', others)) : null,
      dismiss,
    ),
  );
  return host;
}
