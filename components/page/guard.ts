// <sunset-watch-guard>: holds an order or renewal of a retiring product until the merchant
// decides. A real modal dialog: focus stays inside, Esc cancels.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { productStatus, statusTitle } from '../../utils/notice/status.ts';
import { focusMilestone, type PageProduct } from '../../utils/page/watched.ts';
import { detailSections, firstReplacementHref } from './details.ts';
import { h, shadowWith, type Child } from './dom.ts';
import { GUARD_CSS } from './styles.ts';
import { trusted } from './trusted.ts';

export const GUARD_TAG = 'sunset-watch-guard';

export type GuardChoice = 'continue' | 'cancel' | 'alternatives';

export interface GuardHandle {
  host: HTMLElement;
  close(): void;
}

export function openGuard(
  doc: Document,
  entries: PageProduct[],
  nowMs: number,
  t: Translate,
  decide: (choice: GuardChoice, href: string | null) => void,
): GuardHandle {
  const host = doc.createElement(GUARD_TAG);
  const root = shadowWith(host, GUARD_CSS);
  const first = entries[0]!;
  const focus = focusMilestone(first.product, nowMs);
  const urgency = !focus ? 'undated' : focus.past ? 'past' : 'day';
  // What already happened leads: 「跨境专供解决方案 已停止新订购 · 12月22日下线」 (issue 16, item 6).
  const title = statusTitle(first.product.name, productStatus(first.product, nowMs, t), t);
  const alternative = entries.map(firstReplacementHref).find((x) => x) ?? null;

  const cancel = h(doc, 'button', { type: 'button', class: 'cancel' }, t('page_guard_cancel'));
  const go = h(doc, 'button', { type: 'button', class: 'go' }, t('page_guard_continue'));
  const alt = alternative
    ? h(doc, 'button', { type: 'button', class: 'alt' }, t('page_guard_alternatives'))
    : null;
  const dialog = h(
    doc,
    'dialog',
    { class: `u-${urgency}`, 'aria-labelledby': 'sw-guard-title', 'aria-modal': 'true' },
    h(doc, 'h2', { id: 'sw-guard-title' }, title),
    h(doc, 'p', {}, t('page_guard_intro')),
    entries.flatMap((entry): Child[] => [
      entries.length > 1 ? h(doc, 'h3', {}, entry.product.name) : null,
      ...detailSections(doc, entry, nowMs, t),
    ]),
    h(doc, 'div', { class: 'row' }, cancel, alt, go),
  ) as HTMLDialogElement;
  root.append(dialog);

  let done = false;
  const finish = (choice: GuardChoice): void => {
    if (done) return;
    done = true;
    if (dialog.open) dialog.close();
    host.remove();
    decide(choice, choice === 'alternatives' ? alternative : null);
  };
  cancel.addEventListener(
    'click',
    trusted(() => finish('cancel')),
  );
  go.addEventListener(
    'click',
    trusted(() => finish('continue')),
  );
  alt?.addEventListener(
    'click',
    trusted(() => finish('alternatives')),
  );
  // Esc: the dialog's own cancel event; handled here so the page never sees the key.
  dialog.addEventListener(
    'cancel',
    trusted((e) => {
      e.preventDefault();
      finish('cancel');
    }),
  );
  dialog.addEventListener(
    'keydown',
    trusted((e: KeyboardEvent) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        e.preventDefault();
        finish('cancel');
      } else if (e.key === 'Tab') {
        // Keep focus on the dialog's own buttons and links, wrapping at both ends.
        const stops = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
        const at = stops.indexOf(root.activeElement as HTMLElement);
        e.preventDefault();
        const next = at < 0 ? 0 : (at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length;
        stops[next]?.focus();
      }
    }),
  );

  (doc.body ?? doc.documentElement).append(host);
  try {
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
  // The safe choice has the focus: Enter or Space does not place the order.
  cancel.focus();
  return { host, close: () => finish('cancel') };
}
