// <sunset-watch-badge>: the small label beside a flagged name (open shadow root, test contract).
// Made with hostWith like every host of ours (issue 16): a page that defined the name first
// never runs its constructor on our badge (components/page/dom.ts).
import type { BadgeView } from '../../utils/page/watched.ts';
import { h, hostWith } from './dom.ts';
import { BADGE_CSS } from './styles.ts';

export const BADGE_TAG = 'sunset-watch-badge';

const buttons = new WeakMap<Element, HTMLElement>();

export function createBadge(doc: Document, product: string, view: BadgeView): HTMLElement {
  const { host, root } = hostWith(doc, BADGE_TAG, BADGE_CSS);
  host.setAttribute('data-product', product);
  const button = h(doc, 'button', { type: 'button', 'aria-haspopup': 'dialog' });
  root.append(button);
  buttons.set(host, button);
  updateBadge(host, view);
  return host;
}

export function updateBadge(host: Element, view: BadgeView): void {
  const button = buttons.get(host);
  if (!button) return;
  if (button.textContent !== view.text) button.textContent = view.text;
  button.className = `b u-${view.urgency}`;
  button.setAttribute('aria-label', view.label);
  host.setAttribute('data-urgency', view.urgency);
}

export function isBadge(node: EventTarget | null): node is HTMLElement {
  return !!node && (node as Element).localName === BADGE_TAG;
}
