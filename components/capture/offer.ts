// <sunset-watch-capture>: the offer at the top of an announcement on rule.1688.com (issue 19
// item 3). It says which products the announcement retires, what happens when (the words every
// surface uses, utils/notice/status.ts), what to use instead, and offers 加入下线预警 and 不再提示.
// Everything it shows comes from the page's text and so only ever becomes text nodes (dom.ts h);
// its buttons answer the merchant's own input only (trusted.ts): a page script cannot click it.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { listOf, sentenceStart } from '../../utils/notice/phrases.ts';
import type { Notice } from '../../utils/notice/schema.ts';
import { productStatus, statusLong } from '../../utils/notice/status.ts';
import { h, hostWith } from '../page/dom.ts';
import { trusted } from '../page/trusted.ts';
import { CAPTURE_CSS } from './styles.ts';

export const CAPTURE_TAG = 'sunset-watch-capture';
/** Products listed in the offer; the review page shows the rest. */
export const OFFER_PRODUCTS = 3;

export interface OfferActions {
  onAdd: () => void;
  onDismiss: () => void;
}

export function renderOffer(
  doc: Document,
  notice: Notice,
  nowMs: number,
  t: Translate,
  actions: OfferActions,
): HTMLElement {
  const { host, root } = hostWith(doc, CAPTURE_TAG, CAPTURE_CSS);
  const products = notice.sunset?.products ?? [];
  const lines = products.slice(0, OFFER_PRODUCTS).map((p) => {
    const status = productStatus(p, nowMs, t);
    return h(
      doc,
      'li',
      { class: `u-${status.urgency}` },
      h(doc, 'strong', {}, p.name),
      ' ',
      h(doc, 'span', { class: 'what' }, sentenceStart(t, statusLong(status))),
      status.left ? h(doc, 'span', { class: 'left' }, status.left) : null,
    );
  });
  const more = products.length - OFFER_PRODUCTS;
  const replacements = [...new Set(products.flatMap((p) => p.replacements.map((r) => r.name)))];
  const add = h(
    doc,
    'button',
    { type: 'button', class: 'add', 'data-action': 'add', title: t('capture_offer_add_hint') },
    t('capture_offer_add'),
  );
  const dismiss = h(
    doc,
    'button',
    { type: 'button', class: 'x', 'data-action': 'dismiss', title: t('capture_offer_dismiss_hint') },
    t('capture_offer_dismiss'),
  );
  const row = h(doc, 'div', { class: 'row' }, add, dismiss);
  add.addEventListener(
    'click',
    trusted(() => {
      actions.onAdd();
      row.replaceChildren(
        h(doc, 'span', { class: 'done', role: 'status' }, t('capture_offer_opened')),
        dismiss,
      );
    }),
  );
  dismiss.addEventListener('click', trusted(actions.onDismiss));
  root.append(
    h(
      doc,
      'section',
      { class: 'offer', 'aria-label': t('capture_offer_label') },
      h(doc, 'p', { class: 'head' }, h(doc, 'span', { class: 'dot' }), t('capture_offer_title')),
      h(doc, 'ul', {}, lines),
      more > 0 ? h(doc, 'p', { class: 'more' }, t('capture_offer_more', more)) : null,
      replacements.length
        ? h(
            doc,
            'p',
            { class: 'alt' },
            t('capture_offer_replacements'),
            listOf(t, replacements, 'disjunction'),
          )
        : null,
      row,
    ),
  );
  return host;
}
