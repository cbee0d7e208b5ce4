// <sunset-watch-guard>: holds an order or renewal of a retiring product until the merchant
// decides. A real modal dialog: focus stays inside, Esc cancels.
//
// The merchant's clicks and keys on the guard are answered by `handle`, which the order guard's
// window listener calls first of all listeners and then stops the event (issue 16): a page's
// document listener would otherwise see a click on us as a click outside its dropdown and close
// it, and the order control 「仍要继续」 clicks again would be gone.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { productStatus, statusTitle } from '../../utils/notice/status.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { detailSections, firstReplacementHref } from './details.ts';
import { h, hostWith, type Child } from './dom.ts';
import { GUARD_CSS } from './styles.ts';
import { trusted } from './trusted.ts';

export const GUARD_TAG = 'sunset-watch-guard';

export type GuardChoice = 'continue' | 'cancel' | 'alternatives';

export interface GuardHandle {
  host: HTMLElement;
  /** Answers an event whose path holds `host` (only the merchant's own input counts). */
  handle(event: Event): void;
  close(): void;
}

export function openGuard(
  doc: Document,
  entries: PageProduct[],
  nowMs: number,
  t: Translate,
  decide: (choice: GuardChoice, href: string | null) => void,
): GuardHandle {
  const { host, root } = hostWith(doc, GUARD_TAG, GUARD_CSS);
  const first = entries[0]!;
  const status = productStatus(first.product, nowMs, t);
  // A warning whatever the countdown: red while anything is ahead.
  const urgency = status.nextAt === null ? status.urgency : 'day';
  // What already happened leads: 「跨境专供解决方案 已停止新订购 · 12月22日下线」 (issue 16, item 6).
  const title = statusTitle(first.product.name, status, t);
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
  const buttons = new Map<Element, GuardChoice>([
    [cancel, 'cancel'],
    [go, 'continue'],
  ]);
  if (alt) buttons.set(alt, 'alternatives');

  // Esc through the dialog's own cancel event (not composed: the page never sees it).
  dialog.addEventListener(
    'cancel',
    trusted((e) => {
      e.preventDefault();
      finish('cancel');
    }),
  );

  const handle = (event: Event): void => {
    // A page script reaches our open shadow root and may click or press keys there: untrusted
    // events change nothing (docs/SECURITY.md, 6).
    trusted(answer)(event);
  };
  const answer = (event: Event): void => {
    if (event.type === 'click') {
      const button = event.composedPath().find((n) => buttons.has(n as Element));
      if (button) finish(buttons.get(button as Element)!);
      return;
    }
    if (event.type !== 'keydown') return;
    const key = event as KeyboardEvent;
    if (key.key === 'Escape') {
      key.preventDefault();
      finish('cancel');
    } else if (key.key === 'Tab') {
      // Keep focus on the dialog's own buttons and links, wrapping at both ends.
      const stops = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
      const at = stops.indexOf(root.activeElement as HTMLElement);
      key.preventDefault();
      const next = at < 0 ? 0 : (at + (key.shiftKey ? -1 : 1) + stops.length) % stops.length;
      stops[next]?.focus();
    }
  };

  (doc.body ?? doc.documentElement).append(host);
  try {
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
  // The safe choice has the focus: Enter or Space does not place the order.
  cancel.focus();
  return { host, handle, close: () => finish('cancel') };
}
