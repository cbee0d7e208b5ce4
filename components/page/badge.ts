// <sunset-watch-badge>: the small label beside a flagged name (open shadow root, test contract).
import type { BadgeView } from '../../utils/page/watched.ts';
import { h, shadowWith } from './dom.ts';
import { BADGE_CSS } from './styles.ts';

export const BADGE_TAG = 'sunset-watch-badge';

export function createBadge(doc: Document, product: string, view: BadgeView): HTMLElement {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-product', product);
  const root = shadowWith(host, BADGE_CSS);
  root.append(h(doc, 'button', { type: 'button', class: 'b', 'aria-haspopup': 'dialog' }));
  updateBadge(host, view);
  return host;
}

export function updateBadge(host: Element, view: BadgeView): void {
  const button = host.shadowRoot?.querySelector('button');
  if (!button) return;
  if (button.textContent !== view.text) button.textContent = view.text;
  button.className = `b u-${view.urgency}`;
  button.setAttribute('aria-label', view.label);
  button.title = view.label;
  host.setAttribute('data-urgency', view.urgency);
}

/** The badge's button (what receives focus and clicks). */
export function badgeButton(host: Element): HTMLElement | null {
  return host.shadowRoot?.querySelector('button') ?? null;
}
