// <sunset-watch-badge>: the small label beside a flagged name (open shadow root, test contract).
// Built with as few DOM calls as possible: a page may show hundreds of them (see bench/).
import type { BadgeView } from '../../utils/page/watched.ts';
import { shadowWith } from './dom.ts';
import { BADGE_CSS } from './styles.ts';

export const BADGE_TAG = 'sunset-watch-badge';

const buttons = new WeakMap<Element, HTMLButtonElement>();

/**
 * A finished badge (host and button, no shadow root) per badge view: every further badge with the
 * same words is a clone of it, two native calls instead of a dozen DOM calls (a page may show
 * hundreds). Shadow roots are not cloned, so each badge still gets its own.
 */
const prototypes = new WeakMap<BadgeView, { host: HTMLElement; button: HTMLButtonElement }>();

function prototypeOf(
  doc: Document,
  product: string,
  view: BadgeView,
): { host: HTMLElement; button: HTMLButtonElement } {
  const known = prototypes.get(view);
  if (known && known.host.ownerDocument === doc && known.host.getAttribute('data-product') === product)
    return known;
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute('data-product', product);
  host.setAttribute('data-urgency', view.urgency);
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `b u-${view.urgency}`;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-label', view.label);
  button.textContent = view.text;
  const made = { host, button };
  prototypes.set(view, made);
  return made;
}

export function createBadge(doc: Document, product: string, view: BadgeView): HTMLElement {
  const proto = prototypeOf(doc, product, view);
  const host = proto.host.cloneNode(false) as HTMLElement;
  const button = proto.button.cloneNode(true) as HTMLButtonElement;
  shadowWith(host, BADGE_CSS).append(button);
  buttons.set(host, button);
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
