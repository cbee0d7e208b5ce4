// Opens the details card of a flagged name: on hover or keyboard focus of its badge or of the page
// element holding the name (where there was no room for a badge, the name is all there is), and
// pinned by a click on the badge. It closes on ×, Esc, a click outside it, a route change, and when
// its name leaves the page (issue 16 item 6): a card left on screen covered another product's
// 立即订购. Clicks outside it still reach the page: closing it takes nothing from the page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Translate } from '../../utils/i18n/catalog.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { FLAG_ATTR } from '../../utils/page/flagger.ts';
import { isBadge } from '../../components/page/badge.ts';
import { FOCUS_STOP_CLASS } from '../../components/page/badges.ts';
import { createCardHost, placeCard, renderCard } from '../../components/page/card.ts';
import { trusted } from '../../components/page/trusted.ts';

const HIDE_DELAY = 250;
/** A pointer resting this long on a flagged name opens its card (passing over a table does not). */
const HOVER_DELAY = 400;

export interface CardSource {
  /** The product a badge or focus stop stands for, with the flagged element it belongs to. */
  ofMark(mark: Element): { el: Element; product: PageProduct } | undefined;
  /** The product named by a flagged page element. */
  ofElement(el: Element): PageProduct | undefined;
  onMute(entry: PageProduct): void;
}

/**
 * Page controls whose pointer and focus are there to use them (a Select opening its list, a menu
 * item): a card opened over them would cover what they open (issue 16 item 1: the page's clicks
 * are the page's). Names in them are reached through their focus stops instead.
 */
const CONTROL =
  'a[href], button, input, select, textarea, label, summary, [aria-haspopup], [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="combobox"], [role="listbox"], [role="menu"], [role="tab"], [contenteditable]:not([contenteditable="false" i])';

/** The flagged page element a pointer or the focus is on, outside any page control. */
const flaggedAt = (target: EventTarget | null): Element | null => {
  const el = target as Element | null;
  if (!el || el.nodeType !== 1) return null;
  const flagged = el.closest(`[${FLAG_ATTR}]`);
  return flagged && !flagged.closest(CONTROL) ? flagged : null;
};

export class CardController {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private anchor: Element | null = null;
  /** The flagged page element the card is about. */
  private subject: Element | null = null;
  private pinned = false;
  private hideTimer = 0;
  private hoverTimer = 0;
  private readonly muted = new Set<string>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly t: Translate,
    private readonly source: CardSource,
  ) {
    ctx.addEventListener(
      doc,
      'keydown',
      trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.open) this.hide(true);
      }),
    );
    // A flagged name of the page: hover (after a rest) and keyboard focus.
    ctx.addEventListener(
      doc,
      'mouseover',
      trusted((e) => {
        const el = flaggedAt(e.target);
        // Anything else under the pointer leaves a pending hide alone: the pointer has left the
        // name (the card's own mouseenter keeps it open).
        if (!el) return;
        if (this.open && this.subject === el) return this.cancelHide();
        this.cancelHover();
        this.hoverTimer = ctx.setTimeout(() => this.showFor(el, el, false), HOVER_DELAY);
      }),
    );
    ctx.addEventListener(
      doc,
      'mouseout',
      trusted((e) => {
        if (!flaggedAt(e.target)) return;
        this.cancelHover();
        this.scheduleHide();
      }),
    );
    ctx.addEventListener(
      doc,
      'focusin',
      trusted((e) => {
        const el = flaggedAt(e.target);
        if (el) this.showFor(e.target as Element, el, false);
      }),
    );
    ctx.addEventListener(
      doc,
      'focusout',
      trusted((e) => {
        if (flaggedAt(e.target)) this.scheduleHide();
      }),
    );
    // A press anywhere but on the card (or the badge that pinned it) closes it, and goes on to
    // the page as it would have without us.
    ctx.addEventListener(
      doc,
      'pointerdown',
      trusted((e) => {
        if (!this.open) return;
        const path = e.composedPath();
        if (this.host && path.includes(this.host)) return;
        if (this.anchor && isBadge(this.anchor) && path.includes(this.anchor)) return;
        this.hide(true);
      }),
      { capture: true },
    );
    // Route changes of the single-page backend (a pushState swap is seen by `routeChanged`).
    // untrusted-ok: a page's own route change closes our card; it decides nothing for the merchant.
    for (const type of ['hashchange', 'popstate'])
      ctx.addEventListener(window, type as 'hashchange', () => this.hide(true));
  }

  /** Listens on the badge layer's shadow root, where badge events have their own targets. */
  listenOnBadges(root: ShadowRoot): void {
    // A badge, or the focus stop of a name without one (it takes no pointer events).
    const markOf = (e: Event): Element | null => {
      const target = e.target as Element | null;
      return isBadge(target) || target?.classList?.contains(FOCUS_STOP_CLASS) ? target : null;
    };
    for (const type of ['mouseover', 'focusin'])
      root.addEventListener(
        type,
        trusted((e) => {
          const mark = markOf(e);
          if (mark) this.showForBadge(mark, false);
        }),
      );
    for (const type of ['mouseout', 'focusout'])
      root.addEventListener(
        type,
        trusted((e) => {
          if (markOf(e)) this.scheduleHide();
        }),
      );
    root.addEventListener(
      'click',
      trusted((e) => {
        const badge = e.target as Element | null;
        if (!isBadge(badge)) return;
        e.preventDefault();
        if (this.pinned && this.anchor === badge) this.hide(true);
        else this.showForBadge(badge, true);
      }),
    );
  }

  get open(): boolean {
    return !!this.host && !this.host.hidden;
  }

  /** A route change the page made without an event (history.pushState): the card goes. */
  routeChanged(): void {
    if (this.open) this.hide(true);
  }

  /** The flag on `el` was taken down (its name left the page): its card goes with it. */
  flagGone(el: Element): void {
    if (this.open && this.subject === el) this.hide(true);
  }

  private showForBadge(badge: Element, pin: boolean): void {
    const found = this.source.ofMark(badge);
    if (found) this.show(badge, found.el, found.product, pin);
  }

  private showFor(anchor: Element, el: Element, pin: boolean): void {
    const product = this.source.ofElement(el);
    if (product && el.isConnected) this.show(anchor, el, product, pin);
  }

  private ensureHost(): { host: HTMLElement; root: ShadowRoot } {
    if (!this.host || !this.root || !this.host.isConnected) {
      const { host, root } = createCardHost(this.doc);
      host.addEventListener(
        'mouseenter',
        trusted(() => this.cancelHide()),
      );
      host.addEventListener(
        'mouseleave',
        trusted(() => this.scheduleHide()),
      );
      host.addEventListener(
        'focusout',
        trusted((e: FocusEvent) => {
          if (!host.contains(e.relatedTarget as Node | null)) this.scheduleHide();
        }),
      );
      this.doc.documentElement.append(host);
      this.host = host;
      this.root = root;
    }
    return { host: this.host, root: this.root };
  }

  private show(anchor: Element, subject: Element, entry: PageProduct, pin: boolean): void {
    this.cancelHide();
    this.cancelHover();
    const { host, root } = this.ensureHost();
    if (this.subject !== subject || host.hidden) {
      const card = renderCard(
        { doc: this.doc, t: this.t, now: () => Date.now(), onMute: (e) => this.mute(e) },
        entry,
        this.muted.has(entry.guid),
        () => this.hide(true),
      );
      for (const child of [...root.childNodes]) if (child.nodeName !== 'STYLE') child.remove();
      root.append(card);
    }
    this.anchor = anchor;
    this.subject = subject;
    this.pinned = this.pinned || pin;
    host.hidden = false;
    const view = this.doc.defaultView;
    placeCard(host, anchor.getBoundingClientRect(), {
      width: view?.innerWidth ?? 1024,
      height: view?.innerHeight ?? 768,
    });
  }

  private mute(entry: PageProduct): void {
    this.muted.add(entry.guid);
    this.pinned = true;
    this.source.onMute(entry);
  }

  private scheduleHide(): void {
    if (this.pinned || !this.open) return;
    this.cancelHide();
    this.hideTimer = this.ctx.setTimeout(() => this.hide(false), HIDE_DELAY);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }

  private cancelHover(): void {
    if (this.hoverTimer) clearTimeout(this.hoverTimer);
    this.hoverTimer = 0;
  }

  hide(force: boolean): void {
    if (this.pinned && !force) return;
    // A hide on leaving must not cancel the rest the pointer has begun on another name; a forced
    // one (×, Esc, a press, a route change) cancels both that and a hide still pending.
    if (force) this.cancelHover();
    this.cancelHide();
    this.pinned = false;
    this.anchor = null;
    this.subject = null;
    if (this.host) this.host.hidden = true;
  }

  destroy(): void {
    this.cancelHide();
    this.cancelHover();
    this.host?.remove();
    this.host = null;
  }
}
