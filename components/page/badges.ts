// The badges of the flagged names on screen, in the one overlay layer (./layer.ts): which names
// are on screen (IntersectionObserver), where each badge fits (findSpot: the whole glance, else
// only its countdown), and placing them again after anything moved (a scroll anywhere, a resize,
// a change the content script scanned). A name with no room for a badge gets a focus stop instead: a button over the name that takes no
// pointer events and shows nothing until it has the keyboard's focus (then a ring round the name
// and the card), so a keyboard user reaches every flagged name on screen, after the page's own
// controls in the tab order.
import type { FlagRecord, Occurrence } from '../../utils/page/flagger.ts';
import { badgeSize, setCompact } from './badge.ts';
import { findSpot, Layer, type BadgeSpot } from './layer.ts';

export interface BadgeMaker {
  create(entry: number): HTMLElement;
  update(badge: HTMLElement, entry: number): void;
}

interface Tracked {
  /** The first occurrence of each product in the element. */
  first: Map<number, Occurrence>;
  badges: Map<number, HTMLElement>;
  stops: Map<number, HTMLElement>;
}

export const FOCUS_STOP_CLASS = 'stop';

export class BadgeBoard {
  private layer: Layer | null = null;
  private readonly tracked = new Map<Element, Tracked>();
  private readonly onScreen = new Set<Element>();
  private readonly io: IntersectionObserver | null;
  private readonly sizes = new WeakMap<HTMLElement, ReturnType<typeof badgeSize>>();
  /** Which flagged element and product each badge stands for (the card asks). */
  readonly owner = new WeakMap<Element, { el: Element; entry: number }>();

  constructor(
    private readonly doc: Document,
    private readonly maker: BadgeMaker,
    /** The words of a focus stop (the badge's sentence for screen readers). */
    private readonly label: (entry: number) => string,
    /** Asks for `place` in the next frame (the content script ties it to its ctx). */
    private readonly schedule: () => void,
  ) {
    const View = doc.defaultView as (Window & { IntersectionObserver?: typeof IntersectionObserver }) | null;
    this.io = View?.IntersectionObserver
      ? new View.IntersectionObserver((entries) => {
          for (const e of entries) {
            if (e.isIntersecting) this.onScreen.add(e.target);
            else this.onScreen.delete(e.target);
          }
          this.schedule();
        })
      : null;
  }

  /** The layer's shadow root, where the badges live (the card listens there). */
  get root(): ShadowRoot {
    this.layer ??= new Layer(this.doc);
    return this.layer.root;
  }

  /** Follows a flag put up, changed or taken down. */
  set(el: Element, record: FlagRecord | null): void {
    const old = this.tracked.get(el);
    if (!record) {
      if (!old) return;
      for (const badge of old.badges.values()) badge.remove();
      for (const stop of old.stops.values()) stop.remove();
      this.tracked.delete(el);
      this.onScreen.delete(el);
      this.io?.unobserve(el);
      return;
    }
    const first = new Map<number, Occurrence>();
    for (const o of record.occurrences) if (!first.has(o.entry)) first.set(o.entry, o);
    const badges = old?.badges ?? new Map<number, HTMLElement>();
    const stops = old?.stops ?? new Map<number, HTMLElement>();
    for (const map of [badges, stops])
      for (const [entry, item] of map)
        if (!first.has(entry)) {
          item.remove();
          map.delete(entry);
        }
    this.tracked.set(el, { first, badges, stops });
    if (!old) this.io?.observe(el);
  }

  /** Words changed (countdowns move on): each badge is measured again when next placed. */
  refresh(): void {
    for (const t of this.tracked.values())
      for (const [entry, badge] of t.badges) {
        this.maker.update(badge, entry);
        this.sizes.delete(badge);
      }
  }

  /** Places a badge beside each name on screen where there is room; removes the others. */
  place(): void {
    const view = this.doc.defaultView;
    if (!view || (!this.onScreen.size && !this.layer?.root.childElementCount)) return;
    const root = this.root;
    const range = this.doc.createRange();
    /** Each badge's spot (null: no room, taken away) and whether it shows only its countdown. */
    const writes: [HTMLElement, BadgeSpot | null, boolean][] = [];
    /** Focus stops to show over their names (a rectangle each) or take away (null). */
    const stopWrites: [Tracked, number, Element, DOMRect | null][] = [];
    for (const [el, t] of this.tracked) {
      const shown = this.onScreen.has(el) && el.isConnected;
      for (const [entry, o] of t.first) {
        let badge = t.badges.get(entry);
        if (!shown || !o.start.isConnected || !o.end.isConnected) {
          if (badge) writes.push([badge, null, false]);
          stopWrites.push([t, entry, el, null]);
          continue;
        }
        if (!badge) {
          badge = this.maker.create(entry);
          this.owner.set(badge, { el, entry });
          t.badges.set(entry, badge);
        }
        if (!badge.isConnected) root.append(badge);
        let size = this.sizes.get(badge);
        if (!size) this.sizes.set(badge, (size = badgeSize(badge)));
        try {
          range.setStart(o.start, o.startOffset);
          range.setEnd(o.end, o.endOffset);
        } catch {
          writes.push([badge, null, false]);
          stopWrites.push([t, entry, el, null]);
          continue;
        }
        // The whole glance where it fits, else only its countdown.
        let spot = findSpot(el, range, size.width, size.height, view);
        const compact = !spot && size.compact < size.width;
        if (compact) spot = findSpot(el, range, size.compact, size.height, view);
        writes.push([badge, spot, compact]);
        stopWrites.push([t, entry, el, spot ? null : range.getBoundingClientRect()]);
      }
    }
    for (const [badge, spot, compact] of writes) {
      if (!spot) badge.remove();
      else {
        setCompact(badge, compact);
        badge.style.setProperty('transform', `translate(${spot.x}px, ${spot.y}px)`);
      }
    }
    for (const [t, entry, el, rect] of stopWrites) {
      let stop = t.stops.get(entry);
      if (!rect || rect.width === 0) {
        // A stop that has the focus stays until the focus leaves it (the card is open on it).
        if (stop && root.activeElement !== stop) stop.remove();
        continue;
      }
      if (!stop) {
        stop = this.doc.createElement('button');
        stop.setAttribute('type', 'button');
        stop.className = FOCUS_STOP_CLASS;
        stop.setAttribute('aria-haspopup', 'dialog');
        stop.setAttribute('aria-label', this.label(entry));
        this.owner.set(stop, { el, entry });
        t.stops.set(entry, stop);
      }
      if (!stop.isConnected) root.append(stop);
      stop.style.setProperty('transform', `translate(${Math.round(rect.left)}px, ${Math.round(rect.top)}px)`);
      stop.style.setProperty('width', `${Math.round(rect.width)}px`);
      stop.style.setProperty('height', `${Math.round(rect.height)}px`);
    }
  }

  clear(): void {
    this.io?.disconnect();
    this.tracked.clear();
    this.onScreen.clear();
    this.layer?.remove();
    this.layer = null;
  }
}
