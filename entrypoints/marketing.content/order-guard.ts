// Holds an order of a retiring product until the merchant decides (issue 4 item 6; issues 16
// and 22). Installed first, at document_start, on `window` in the capture phase: it runs before
// every listener the page can register (a page's own capture listener on `document` included),
// so the page sees nothing until 「仍要继续」 replays the event once.
//
// What a page can order with, and what is held: a click (mouse, a native control's Enter/Space,
// a script's `.click()`); Enter or Space on a control that is not native (a Fusion menu item
// handles its own keydown); a form's `submit` (Enter in a field, `requestSubmit`). Not held:
// pointerdown/mousedown/pointerup — React and Fusion order on click, and holding a press would
// take focus, selection and drags from the page's controls; `form.submit()` fires no event.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Translate } from '../../utils/i18n/catalog.ts';
import type { Matcher } from '../../utils/page/matcher.ts';
import { FlowMemory, flowOf, routeOf } from '../../utils/page/choices.ts';
import { orderControlAt, pointerStyled, type OrderControl } from '../../utils/page/order.ts';
import { orderedNames, type OwnerEnv } from '../../utils/page/owner.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { openGuard, type GuardHandle } from '../../components/page/guard.ts';

/**
 * What the page session provides: the names active on this page and the page's words. It may
 * be handed over empty and filled in later (no `t` yet: nothing is held).
 */
export interface GuardSource {
  matcher: () => Matcher;
  products: () => PageProduct[];
  t: Translate | null;
}

export interface OrderGuard {
  /** Starts holding orders of `source`'s products (the page session calls it once it knows them). */
  watch(source: GuardSource): void;
}

/** Events on the open guard that the page must never see (they would close its dropdowns). */
const SHIELDED = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
] as const;

/** The watched products behind the names, one per name (the list is soonest-first). */
export function productsNamed(names: readonly string[], products: readonly PageProduct[]): PageProduct[] {
  const seen = new Set<string>();
  return products.filter((p) => {
    if (!names.includes(p.product.name) || seen.has(p.product.name)) return false;
    seen.add(p.product.name);
    return true;
  });
}

function namesIn(matcher: Matcher, text: string): string[] {
  return [...new Set(matcher.find(text).map((hit) => matcher.entries[hit.entry]!.name))];
}

const isElement = (node: unknown): node is Element => !!node && (node as Node).nodeType === 1;
/** Our badges, banner and cards: what is clicked inside them is ours, never an order. */
const isOurs = (node: EventTarget): boolean => isElement(node) && node.localName.startsWith('sunset-watch-');
const CONTROLS = 'button, a, input[type="submit"], input[type="button"], [role="button"]';
const NATIVE_KEYS =
  'button, a[href], summary, input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function installOrderGuard(ctx: ContentScriptContext, win: Window): OrderGuard {
  const doc = win.document;
  let source: GuardSource | null = null;
  let open: GuardHandle | null = null;
  /** True while 「仍要继续」 replays the held event: it must reach the page, once. */
  let releasing = false;
  const memory = new FlowMemory();

  const env = (s: GuardSource): OwnerEnv => ({
    names: (text) => namesIn(s.matcher(), text),
    memory,
    location: win.location,
  });

  /** The retiring products an order control orders, or none. */
  const held = (hit: OrderControl | null, s: GuardSource): PageProduct[] =>
    hit && s.t ? productsNamed(orderedNames(hit, env(s)), s.products()) : [];

  const ask = (event: Event, entries: PageProduct[], control: Element, replay: () => void): void => {
    event.preventDefault();
    event.stopImmediatePropagation();
    if (open) return;
    open = openGuard(doc, entries, Date.now(), source!.t!, (choice, href) => {
      open = null;
      if (choice === 'continue') {
        releasing = true;
        try {
          replay();
        } catch (error) {
          console.warn('[Sunset Watch] the held order could not be passed on:', error);
        } finally {
          releasing = false;
        }
      } else if (choice === 'alternatives' && href) {
        window.open(href, '_blank', 'noopener,noreferrer');
      }
      if (control.isConnected) (control as HTMLElement).focus?.();
    });
  };

  /** Our own open guard, unless the page took its host out (it re-rendered <body>): then cancelled. */
  const guardOpen = (): GuardHandle | null => {
    if (open && !open.host.isConnected) open.close();
    return open;
  };

  const onShielded = (event: Event): void => {
    const guard = guardOpen();
    if (!guard || !event.composedPath().includes(guard.host)) return;
    guard.handle(event);
    event.stopImmediatePropagation();
  };

  const onClick = (event: MouseEvent): void => {
    if (releasing || !source) return;
    const guard = guardOpen();
    if (guard && event.composedPath().includes(guard.host)) return onShielded(event);
    const path = event.composedPath();
    const target = path[0];
    if (!isElement(target) || path.some(isOurs)) return;
    rememberFlow(target);
    const hit = orderControlAt(target, pointerStyled);
    const entries = held(hit, source);
    if (!entries.length) return;
    ask(event, entries, hit!.control, () => {
      if (typeof (target as HTMLElement).click === 'function') (target as HTMLElement).click();
      else target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    });
  };

  const onKeydown = (event: KeyboardEvent): void => {
    if (releasing || !source) return;
    const guard = guardOpen();
    if (guard && event.composedPath().includes(guard.host)) return onShielded(event);
    if ((event.key !== 'Enter' && event.key !== ' ') || event.repeat || event.isComposing) return;
    const path = event.composedPath();
    const target = path[0];
    if (path.some(isOurs)) return;
    // Native controls turn the key into a click (held there); in a field, Enter submits the form.
    if (!isElement(target) || target.closest(NATIVE_KEYS)) return;
    rememberFlow(target);
    const hit = orderControlAt(target, pointerStyled);
    const entries = held(hit, source);
    if (!entries.length) return;
    const init: KeyboardEventInit & { keyCode: number; which: number } = {
      key: event.key,
      code: event.code,
      keyCode: event.keyCode,
      which: event.which,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    ask(event, entries, hit!.control, () => target.dispatchEvent(new KeyboardEvent('keydown', init)));
  };

  const onSubmit = (event: SubmitEvent): void => {
    if (releasing || !source) return;
    const form = event.target;
    if (!isElement(form) || form.localName !== 'form') return;
    const submitter = event.submitter;
    // A submit button is decided as its click is; with none (Enter in a field, requestSubmit()),
    // the submit stands for the order control its flow shows (提交订单 below a wizard's form):
    // a search form of the page (查询) orders nothing.
    const hit = submitter ? orderControlAt(submitter, pointerStyled) : flowControl(form);
    const entries = held(hit, source);
    if (!entries.length) return;
    ask(event, entries, submitter ?? form, () => (form as HTMLFormElement).requestSubmit(submitter));
  };

  /** The order control of a form's flow: an order word before a plain step (下一步, 确认). */
  const flowControl = (form: Element): OrderControl | null => {
    const hits = [...(flowOf(form) ?? form).querySelectorAll(CONTROLS)].map((el) =>
      orderControlAt(el, () => false),
    );
    return hits.find((h) => h?.kind === 'order') ?? hits.find((h) => h?.kind === 'step') ?? null;
  };

  /** A choice made on this step is remembered before the page moves the flow on (issue 22). */
  const rememberFlow = (el: Element): void => {
    const flow = flowOf(el);
    if (flow) memory.note(flow, routeOf(win.location));
  };
  const onChange = (event: Event): void => {
    const target = event.composedPath()[0];
    if (source && isElement(target)) rememberFlow(target);
  };

  const on = <E extends Event>(type: string, listener: (event: E) => void): void =>
    // untrusted-ok: not `trusted(…)` on purpose. A page script's synthetic click on an order
    // control is still an order and is held; 「仍要继续」's replay passes while `releasing`. The
    // guard's own buttons answer only trusted input (GuardHandle.handle).
    ctx.addEventListener(win, type as 'click', listener as unknown as (e: MouseEvent) => void, {
      capture: true,
    });
  on('click', onClick);
  on('keydown', onKeydown);
  on('submit', onSubmit);
  on('change', onChange);
  for (const type of SHIELDED) if (type !== 'click' && type !== 'keydown') on(type, onShielded);
  ctx.onInvalidated(() => open?.close());

  return {
    watch(next) {
      source = next;
    },
  };
}
