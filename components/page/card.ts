// <sunset-watch-card>: the details card a badge opens on hover, click or keyboard focus. One card
// per page, placed beside the badge with fixed positioning so table cells never clip it.
import type { Translate } from '../../utils/i18n/catalog.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { productStatus } from '../../utils/notice/status.ts';
import { httpsHref } from '../../utils/page/links.ts';
import { detailSections } from './details.ts';
import { h, hostWith, link } from './dom.ts';
import { CARD_CSS } from './styles.ts';
import { trusted } from './trusted.ts';

export const CARD_TAG = 'sunset-watch-card';

export interface CardOptions {
  doc: Document;
  t: Translate;
  now: () => number;
  onMute: (entry: PageProduct) => void;
}

export function renderCard(
  opts: CardOptions,
  entry: PageProduct,
  muted: boolean,
  onClose: () => void,
): HTMLElement {
  const { doc, t, now } = opts;
  const status = productStatus(entry.product, now(), t);
  const notice = httpsHref(entry.link);
  const mute = h(
    doc,
    'button',
    { type: 'button', class: 'mute', title: t('page_card_mute_hint') },
    muted ? t('page_card_muted') : t('page_card_mute'),
  );
  if (muted) mute.setAttribute('disabled', '');
  mute.addEventListener(
    'click',
    trusted(() => {
      opts.onMute(entry);
      mute.textContent = t('page_card_muted');
      mute.setAttribute('disabled', '');
    }),
  );
  const close = h(doc, 'button', { type: 'button', class: 'x', 'aria-label': t('page_card_close') }, '×');
  close.addEventListener('click', trusted(onClose));
  return h(
    doc,
    'div',
    { class: `card u-${status.urgency}`, role: 'dialog', 'aria-label': entry.product.name, tabindex: '-1' },
    h(doc, 'h2', {}, entry.product.name),
    h(doc, 'p', { class: 'status' }, status.text),
    h(doc, 'div', { class: 'notice-title' }, entry.noticeTitle),
    detailSections(doc, entry, now(), t),
    h(doc, 'div', { class: 'row' }, notice ? link(doc, notice, t('page_card_notice')) : null, mute, close),
  );
}

/** Creates the (hidden) card host; `show` fills and places it. */
export function createCardHost(doc: Document): { host: HTMLElement; root: ShadowRoot } {
  const made = hostWith(doc, CARD_TAG, CARD_CSS);
  made.host.hidden = true;
  return made;
}

/** Puts the card below the anchor, or above it when there is no room, inside the viewport. */
export function placeCard(host: HTMLElement, anchor: DOMRect, view: { width: number; height: number }): void {
  const width = 320;
  const left = Math.max(8, Math.min(anchor.left, view.width - width - 8));
  const below = anchor.bottom + 6;
  const top = below + 200 > view.height && anchor.top > 220 ? Math.max(8, anchor.top - 6 - 240) : below;
  host.style.setProperty('top', `${Math.round(top)}px`, 'important');
  host.style.setProperty('left', `${Math.round(left)}px`, 'important');
}
