// Holds a click on an order or renewal control that belongs to a flagged product until the
// merchant decides (issue 4 item 6). The listener runs in the capture phase on the document, so
// the page's own handlers see nothing until 「仍要继续」 clicks the control again.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Translate } from '../../utils/i18n/catalog.ts';
import type { Matcher } from '../../utils/page/matcher.ts';
import { FLAG_ATTR } from '../../utils/page/flagger.ts';
import { orderControlOf, ownerOf } from '../../utils/page/order.ts';
import { isOwnNode } from '../../utils/page/scan.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { openGuard, type GuardHandle } from '../../components/page/guard.ts';

export interface GuardSource {
  matcher: () => Matcher;
  products: () => PageProduct[];
  t: Translate;
}

/** The watched products named in the control's row, card or dialog (or the control itself). */
export function productsOwning(control: Element, source: GuardSource): PageProduct[] {
  const owner = ownerOf(control) ?? control;
  const products = source.products();
  const names = new Set<string>();
  if (owner.hasAttribute(FLAG_ATTR)) names.add(owner.getAttribute(FLAG_ATTR)!);
  for (const el of owner.querySelectorAll(`[${FLAG_ATTR}]`)) names.add(el.getAttribute(FLAG_ATTR)!);
  // Rows added in this very frame are not scanned yet: read their text directly.
  const matcher = source.matcher();
  for (const hit of matcher.find(owner.textContent ?? '')) names.add(matcher.entries[hit.entry]!.name);
  // One entry per name: the list is ordered soonest-first, and that notice is the one that matters.
  const seen = new Set<string>();
  return products.filter((p) => {
    if (!names.has(p.product.name) || seen.has(p.product.name)) return false;
    seen.add(p.product.name);
    return true;
  });
}

export function installOrderGuard(ctx: ContentScriptContext, doc: Document, source: GuardSource): void {
  let letThrough: EventTarget | null = null;
  let open: GuardHandle | null = null;

  const onClick = (event: MouseEvent): void => {
    const target = event.target;
    if (target && target === letThrough) {
      letThrough = null;
      return;
    }
    if (!target || isOwnNode(target as Node)) return;
    const control = orderControlOf(target);
    if (!control) return;
    const entries = productsOwning(control, source);
    if (!entries.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (open) return;
    open = openGuard(doc, entries, Date.now(), source.t, (choice, href) => {
      open = null;
      if (choice === 'continue') {
        // The page's own handler runs now, on the element the merchant clicked.
        letThrough = target;
        if (typeof (target as HTMLElement).click === 'function') (target as HTMLElement).click();
        else
          target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
        letThrough = null;
      } else if (choice === 'alternatives' && href) {
        window.open(href, '_blank', 'noopener,noreferrer');
      }
      (control as HTMLElement).focus?.();
    });
  };
  // untrusted-ok: not `trusted(…)` on purpose. A page script's synthetic click on an order button
  // is still an order and is held; 「仍要继续」's own re-click (untrusted) passes via `letThrough`.
  // Clicks on the guard's buttons never get here as decisions: they are our own nodes.
  ctx.addEventListener(doc, 'click', onClick, { capture: true });
  ctx.onInvalidated(() => open?.close());
}
