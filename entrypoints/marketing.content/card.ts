// Opens the details card from a badge: on hover, on click (stays open), on keyboard focus. One
// set of delegated listeners on the document (tied to ctx) serves every badge on the page.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Translate } from '../../utils/i18n/catalog.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { isBadge } from '../../components/page/badge.ts';
import { createCardHost, placeCard, renderCard } from '../../components/page/card.ts';
import { trusted } from '../../components/page/trusted.ts';

const HIDE_DELAY = 250;

export class CardController {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private anchor: Element | null = null;
  private pinned = false;
  private hideTimer = 0;
  private readonly muted = new Set<string>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private readonly t: Translate,
    /** The watched product a badge stands for (undefined once its flag was taken down). */
    private readonly entryOf: (badge: Element) => PageProduct | undefined,
    private readonly onMute: (entry: PageProduct) => void,
  ) {
    const show = (badge: Element, pin: boolean): void => {
      const entry = entryOf(badge);
      if (entry) this.show(badge, entry, pin);
    };
    ctx.addEventListener(
      doc,
      'keydown',
      trusted((e: KeyboardEvent) => {
        if (e.key === 'Escape' && this.host && !this.host.hidden) this.hide(true);
      }),
    );
    ctx.addEventListener(
      doc,
      'mouseover',
      trusted((e) => {
        if (isBadge(e.target)) show(e.target, false);
      }),
    );
    ctx.addEventListener(
      doc,
      'mouseout',
      trusted((e) => {
        if (isBadge(e.target)) this.scheduleHide();
      }),
    );
    ctx.addEventListener(
      doc,
      'focusin',
      trusted((e) => {
        if (isBadge(e.target)) show(e.target, false);
      }),
    );
    ctx.addEventListener(
      doc,
      'focusout',
      trusted((e) => {
        if (isBadge(e.target)) this.scheduleHide();
      }),
    );
    // Capture phase: the badge may sit inside a page link or button, so its click is ours alone.
    ctx.addEventListener(
      doc,
      'click',
      trusted((e) => {
        if (!isBadge(e.target)) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        if (this.pinned && this.anchor === e.target) this.hide(true);
        else show(e.target, true);
      }),
      { capture: true },
    );
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

  show(anchor: Element, entry: PageProduct, pin: boolean): void {
    this.cancelHide();
    const { host, root } = this.ensureHost();
    if (this.anchor !== anchor || host.hidden) {
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
    this.onMute(entry);
  }

  private scheduleHide(): void {
    if (this.pinned) return;
    this.cancelHide();
    this.hideTimer = this.ctx.setTimeout(() => this.hide(false), HIDE_DELAY);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = 0;
  }

  hide(force: boolean): void {
    if (this.pinned && !force) return;
    this.pinned = false;
    this.anchor = null;
    if (this.host) this.host.hidden = true;
  }

  destroy(): void {
    this.cancelHide();
    this.host?.remove();
    this.host = null;
  }
}
