// <sunset-watch-badge>: the small label beside a flagged name (open shadow root, test contract).
// A glance: 「停止新订购 · 剩 3 天」, or only its countdown 「剩 3 天」 where the name's box has room
// for no more (`data-compact`); the full sentence is its label, and the card's (issue 16).
// Made with hostWith like every host of ours: a page that defined the name first never runs its
// constructor on our badge (components/page/dom.ts).
import type { BadgeView } from '../../utils/page/watched.ts';
import { h, hostWith } from './dom.ts';
import { BADGE_CSS } from './styles.ts';

export const BADGE_TAG = 'sunset-watch-badge';

interface Parts {
  button: HTMLElement;
  lead: HTMLElement;
  left: Text;
}
const parts = new WeakMap<Element, Parts>();

export function createBadge(doc: Document, product: string, view: BadgeView): HTMLElement {
  const { host, root } = hostWith(doc, BADGE_TAG, BADGE_CSS);
  host.setAttribute('data-product', product);
  const lead = h(doc, 'span', { class: 'lead' });
  const left = doc.createTextNode('');
  const button = h(doc, 'button', { type: 'button', 'aria-haspopup': 'dialog' }, lead, left);
  root.append(button);
  parts.set(host, { button, lead, left });
  updateBadge(host, view);
  return host;
}

export function updateBadge(host: Element, view: BadgeView): void {
  const p = parts.get(host);
  if (!p) return;
  const rest = view.text.slice(view.lead.length);
  if (p.lead.textContent !== view.lead) p.lead.textContent = view.lead;
  if (p.left.data !== rest) p.left.data = rest;
  p.button.className = `b u-${view.urgency}`;
  p.button.setAttribute('aria-label', view.label);
  host.setAttribute('data-urgency', view.urgency);
}

/**
 * The badge's size as shown in full, and its width with only the countdown (the same when it has
 * no countdown). Reads layout: shown in full first.
 */
export function badgeSize(host: HTMLElement): { width: number; height: number; compact: number } {
  host.removeAttribute('data-compact');
  const r = host.getBoundingClientRect();
  const lead = parts.get(host)?.lead.getBoundingClientRect().width ?? 0;
  return { width: r.width, height: r.height, compact: r.width - lead };
}

/** Shows only the countdown (true) or the whole glance. */
export function setCompact(host: HTMLElement, compact: boolean): void {
  host.toggleAttribute('data-compact', compact);
}

export function isBadge(node: EventTarget | null): node is HTMLElement {
  return !!node && (node as Element).localName === BADGE_TAG;
}
