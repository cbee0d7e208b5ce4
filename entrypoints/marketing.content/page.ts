// The content script's lifetime on one page: ask the background what is watched, scan, keep
// scanning what changes, and show the highlights, badges, banner and cards. Everything is tied to
// WXT's ctx so an extension update leaves no listener, timer or observer behind. Each part (scan,
// highlights, badges, banner, card) is guarded on its own: a failure in one is logged and leaves
// the others, and the order guard, working (issue 16 item 3).
import './highlight.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type Request, type ResponseOf } from '../../utils/messages/protocol.ts';
import type { Settings } from '../../utils/store/settings.ts';
import { makeTranslator, type Translate } from '../../utils/i18n/catalog.ts';
import { Matcher } from '../../utils/page/matcher.ts';
import { Flagger, type FlagRecord, type SlicedScan } from '../../utils/page/flagger.ts';
import { isOwnNode } from '../../utils/page/scan.ts';
import { placesOf, SeenReporter } from '../../utils/page/seen-report.ts';
import { routeOf } from '../../utils/page/choices.ts';
import {
  badgeViews,
  chooseBanner,
  flaggable,
  matchEntries,
  type PageProduct,
} from '../../utils/page/watched.ts';
import { createBadge, updateBadge } from '../../components/page/badge.ts';
import { BadgeBoard } from '../../components/page/badges.ts';
import { renderBanner } from '../../components/page/banner.ts';
import { Highlights } from '../../components/page/highlights.ts';
import { CORNERS, freeCorner, type Corner } from '../../components/page/layer.ts';
import { CardController } from './card.ts';
import { bannerFolded, rememberBannerFold } from './banner-fold.ts';

/** More added nodes than this in one frame: one full rescan is cheaper than walking the list. */
export const BURST_LIMIT = 2000;
/** Work per task in a full scan (ms): no task of ours over 50 ms (issue 16 item 7). */
export const SLICE_MS = 20;
/**
 * A name flagged in more than a fifth of the page's text blocks (and at least this many) is too
 * general for this page: it is suspended here, and the popup says so (issue 16 item 4).
 */
export const SUSPEND_MIN = 12;
/**
 * A block the page restores this many times (the same text, our flag gone again) within
 * FIGHT_WINDOW_MS is left alone for LEFT_ALONE_MS (issue 16 item 5: no fights).
 */
export const FIGHT_ROUNDS = 4;
export const FIGHT_WINDOW_MS = 5_000;
export const LEFT_ALONE_MS = 60_000;

/**
 * The names active on this page, for the order guard: the matcher of the watched names (those
 * suspended on this page left out) and their products, soonest milestone first. Empty until the
 * background has answered; `startPage` keeps it up to date.
 */
export class ActiveNames {
  private current = new Matcher([]);
  private list: PageProduct[] = [];
  t: Translate | null = null;
  matcher(): Matcher {
    return this.current;
  }
  products(): PageProduct[] {
    return this.list;
  }
  set(matcher: Matcher, products: PageProduct[]): void {
    this.current = matcher;
    this.list = products;
  }
}

/** Runs `part`; an error is logged under the part's name, never thrown into the others. */
function isolated<T>(part: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    console.warn(`[Sunset Watch] ${part} failed:`, error);
    return undefined;
  }
}

/** Tells the background something; a failure is logged, and the page goes on as it is. */
function tell(request: Request): void {
  sendMessage(request).catch((error: unknown) =>
    console.warn(`[Sunset Watch] ${request.type} failed:`, error),
  );
}

async function watched(ctx: ContentScriptContext): Promise<ResponseOf<'watched/list'> | null> {
  // The worker may be starting up (it is woken by the message); one retry covers that.
  for (let attempt = 0; attempt < 2 && ctx.isValid; attempt++) {
    try {
      return await sendMessage({ type: 'watched/list', language: navigator.language });
    } catch (error) {
      if (attempt === 1 || ctx.isInvalid) console.warn('[Sunset Watch] watched/list failed:', error);
      else await new Promise((resolve) => ctx.setTimeout(() => resolve(undefined), 500));
    }
  }
  return null;
}

/**
 * Starts the page warnings once the DOM is there; resolves with the names active on the page
 * (`names`, filled in and kept up to date), or null when there is nothing to watch here.
 */
export async function startPage(
  ctx: ContentScriptContext,
  doc: Document,
  names: ActiveNames = new ActiveNames(),
): Promise<ActiveNames | null> {
  const reply = await watched(ctx);
  if (!reply || ctx.isInvalid || !reply.settings.pageWarnings) return null;
  // A document in design mode is all the merchant's to edit.
  if (doc.designMode === 'on') return null;
  const settings = reply.settings;
  const t = makeTranslator({ [reply.words.lang]: reply.words.messages }, reply.words.lang);
  names.t = t;
  const products: PageProduct[] = flaggable(reply.products);
  if (!products.length) return null;
  const folded = await bannerFolded(location.origin);
  new PageSession(ctx, doc, products, settings, t, names, folded).start();
  return names;
}

class PageSession {
  private matcher!: Matcher;
  private flagger!: Flagger;
  private readonly pending = new Set<Node>();
  private pendingAdded = 0;
  private fullPending = false;
  private frame = 0;
  /** The full scan in progress (it runs in slices), and the timer of its next slice. */
  private scan: SlicedScan | null = null;
  private sliceTimer = 0;
  private banner: HTMLElement | null = null;
  private bannerKey = '';
  private readonly dismissed = new Map<string, string>();
  private readonly card: CardController;
  private readonly highlights: Highlights;
  private readonly board: BadgeBoard;
  private readonly observer: MutationObserver;
  /** Tells the background what this page load and each route showed (issue 20: 与我相关). */
  private readonly seen: SeenReporter;
  /** Badge words per product; renewed when countdowns move on. */
  private view = badgeViews([], 0, () => '');
  /** Names suspended on this page (too general for it), and products still active. */
  private readonly suspended = new Set<string>();
  private active: PageProduct[] = [];
  /** Flags put up by the incremental scan in progress (what a fight is counted on). */
  private written: Element[] | null = null;
  private readonly fights = new WeakMap<Element, { text: string; rounds: number; since: number }>();
  /** Blocks the page keeps restoring, and until when they are left alone. */
  private readonly alone = new Map<Element, number>();
  private placeFrame = 0;
  private placeTimer = 0;
  private href = location.href;
  private muting = false;
  /** Whether this page told the background what it suspended (nothing, at least once from the top). */
  private reported = false;
  /** The banner's size open and folded (estimates until measured). */
  private readonly bannerSizes = { open: { width: 440, height: 120 }, pill: { width: 180, height: 30 } };

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private products: PageProduct[],
    private readonly settings: Settings,
    private readonly t: Translate,
    private readonly names: ActiveNames,
    private folded: boolean,
  ) {
    this.highlights = new Highlights(doc);
    this.board = new BadgeBoard(
      doc,
      {
        create: (entry) => {
          const p = this.active[entry]!;
          return createBadge(doc, p.product.name, this.view(entry));
        },
        update: (badge, entry) => updateBadge(badge, this.view(entry)),
      },
      (entry) => this.view(entry).label,
      () => this.schedulePlace(),
    );
    this.card = new CardController(ctx, doc, t, {
      ofMark: (badge) => {
        const owner = this.board.owner.get(badge);
        const product = owner && this.active[owner.entry];
        return owner && product ? { el: owner.el, product } : undefined;
      },
      ofElement: (el) => {
        for (const [flagged, record] of this.flagger.entries())
          if (flagged === el) return this.active[record.entries[0]!];
        return undefined;
      },
      onMute: (entry) => this.mute(entry),
    });
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.seen = new SeenReporter(
      // Called on an object of ours, so each wraps its function: a bare clearTimeout would be
      // an illegal invocation there.
      {
        now: () => Date.now(),
        setTimeout: (run, ms) => ctx.setTimeout(run, ms),
        clearTimeout: (id) => clearTimeout(id),
      },
      // The route, as the order guard's flows know it: no query (the backend's `#!/x?tab=…`).
      () => routeOf(location),
      () => isolated('seen', () => this.reportSeen()) ?? false,
    );
    this.build();
  }

  private build(): void {
    this.active = this.products.filter((p) => !this.suspended.has(p.product.name));
    this.view = badgeViews(this.active, Date.now(), this.t);
    this.matcher = new Matcher(matchEntries(this.active));
    this.names.set(this.matcher, this.active);
    this.flagger = new Flagger(this.matcher, (el, record) => this.onFlag(el, record), {
      leftAlone: (el) => this.isLeftAlone(el),
    });
  }

  start(): void {
    const { ctx, doc } = this;
    isolated('card', () => this.card.listenOnBadges(this.board.root));
    this.fullScan();
    this.observe();
    // The backend is a single-page app routed by `#!/…` fragments: a route change swaps content.
    for (const type of ['hashchange', 'popstate'])
      // untrusted-ok: a rescan changes nothing the page could not change itself.
      ctx.addEventListener(window, type as 'popstate', () => this.schedule(true));
    // Badges follow every scroll (inner scroll containers too: scroll events are seen in capture).
    // untrusted-ok: placing badges again changes nothing but where ours are.
    ctx.addEventListener(doc, 'scroll', () => this.schedulePlace(), { capture: true, passive: true });
    // untrusted-ok: as above.
    ctx.addEventListener(window, 'resize', () => this.schedulePlace());
    // Countdowns move on while a merchant keeps the page open.
    ctx.setInterval(() => {
      this.view = badgeViews(this.active, Date.now(), this.t);
      isolated('badges', () => this.board.refresh());
      isolated('highlights', () => {
        for (const [el, record] of this.flagger.entries()) this.onFlag(el, record);
      });
      this.updateBanner(true);
    }, 60_000);
    ctx.onInvalidated(() => {
      this.stopFullScan();
      this.observer.disconnect();
      this.flagger.clear();
      isolated('highlights', () => this.highlights.clear());
      isolated('badges', () => this.board.clear());
      this.banner?.remove();
      this.card.destroy();
    });
  }

  /** A flag put up, changed or taken down: the highlight, the badge and the card follow. */
  private onFlag(el: Element, record: FlagRecord | null): void {
    if (record && this.written) this.written.push(el);
    isolated('highlights', () =>
      this.highlights.set(
        el,
        record?.occurrences.map((o) => ({ ...o, urgency: this.view(o.entry).urgency })) ?? null,
      ),
    );
    isolated('badges', () => this.board.set(el, record));
    if (!record && !this.muting) isolated('card', () => this.card.flagGone(el));
  }

  private observe(): void {
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  /** Starts a full scan over (dropping one in progress): its first slice runs now. */
  private fullScan(): void {
    this.stopFullScan();
    // The scan reads the page as it is from now on: changes seen before are in it.
    this.pending.clear();
    this.pendingAdded = 0;
    performance.clearMarks('sunset-watch:scan-start');
    performance.mark('sunset-watch:scan-start');
    this.scan = this.flagger.beginScanAll(this.doc.body ?? this.doc.documentElement);
    this.nextSlice();
  }

  private nextSlice(): void {
    this.sliceTimer = 0;
    const scan = this.scan;
    if (!scan || this.ctx.isInvalid) return;
    const now = () => performance.now();
    let done = true;
    isolated('scan', () => {
      done = scan.step({ now, deadline: now() + SLICE_MS });
    });
    if (!done) {
      // A new task, so the page can paint and handle input in between.
      this.sliceTimer = this.ctx.setTimeout(() => this.nextSlice(), 0);
      return;
    }
    this.scan = null;
    // The measure spans the whole full scan, from its start mark to here: on a large page that is
    // several tasks (slices) and whatever the page ran between them. A small page is one slice.
    performance.measure('sunset-watch:scan', 'sunset-watch:scan-start');
    performance.clearMarks('sunset-watch:scan-start');
    if (isolated('scan', () => this.suspendFlooding(scan.blocks))) return;
    // A new page in the tab: the popup must not go on naming what an earlier page suspended.
    if (!this.reported && window === window.top) this.reportSuspended();
    this.afterScan();
    // Changes that came while the scan ran were held back (see flush): scan their blocks now.
    if (this.pending.size) this.schedule(false);
  }

  private afterScan(): void {
    this.updateBanner(false);
    this.schedulePlace();
    this.seen.scanned();
    const href = location.href;
    if (href !== this.href) {
      this.href = href;
      isolated('card', () => this.card.routeChanged());
    }
  }

  /**
   * Suspends on this page the names flagged in more than a fifth of its text blocks (`blocks` is
   * a lower bound the scan counted; only when it is not enough are the blocks counted exactly).
   * Returns true when it did (and started a new scan without them).
   */
  private suspendFlooding(blocks: number): boolean {
    const counts = this.flagger.countsOnPage();
    let total: number | null = null;
    const flooding: string[] = [];
    for (const [entry, count] of counts) {
      if (count < SUSPEND_MIN || count * 5 <= blocks) continue;
      total ??= textBlocks(this.doc);
      if (count * 5 > total) flooding.push(this.active[entry]!.product.name);
    }
    if (!flooding.length) return false;
    for (const name of flooding) this.suspended.add(name);
    this.reportSuspended();
    this.flagger.clear();
    this.build();
    this.fullScan();
    return true;
  }

  private reportSuspended(): void {
    this.reported = true;
    tell({ type: 'page/suspended', names: [...this.suspended] });
  }

  /** The products flagged now, each with its places and plan rows; false when there are none. */
  private reportSeen(): boolean {
    const products = [...placesOf(this.flagger.entries())]
      .slice(0, 100)
      .map(([entry, places]) => ({ name: this.active[entry]!.product.name, ...places }));
    if (!products.length) return false;
    tell({ type: 'page/seen', products });
    return true;
  }

  private stopFullScan(): void {
    if (this.sliceTimer) clearTimeout(this.sliceTimer);
    this.sliceTimer = 0;
    this.scan = null;
  }

  private isLeftAlone(el: Element): boolean {
    const until = this.alone.get(el);
    if (until === undefined) return false;
    if (Date.now() < until) return true;
    this.alone.delete(el);
    return false;
  }

  private inLeftAlone(node: Node): boolean {
    for (const el of this.alone.keys()) if (el.contains(node) && this.isLeftAlone(el)) return true;
    return false;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.fullPending) return;
    for (const record of records) {
      if (isOwnNode(record.target)) continue;
      if (this.alone.size && this.inLeftAlone(record.target)) continue;
      if (record.type === 'characterData') {
        this.pending.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (isOwnNode(node)) continue;
        this.pending.add(node);
        this.pendingAdded++;
      }
      // A removed piece of text may leave a flagged element without its name.
      for (const node of record.removedNodes) {
        if (!isOwnNode(node)) {
          this.pending.add(record.target);
          break;
        }
      }
    }
    if (this.pendingAdded > BURST_LIMIT) {
      this.pending.clear();
      this.schedule(true);
    } else if (this.pending.size) this.schedule(false);
    this.schedulePlace();
  }

  private schedule(full: boolean): void {
    if (full) this.fullPending = true;
    if (this.frame) return;
    this.frame = this.ctx.requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = 0;
    const full = this.fullPending;
    this.fullPending = false;
    if (full) {
      this.fullScan();
      return;
    }
    // A full scan is running: its flags would overwrite these, so the changed blocks wait for it.
    if (this.scan) return;
    this.pendingAdded = 0;
    const nodes = [...this.pending];
    this.pending.clear();
    performance.mark('sunset-watch:scan-incremental-start');
    this.written = [];
    const roots = isolated('scan', () => this.flagger.scanChanged(nodes)) ?? [];
    const written = this.written;
    this.written = null;
    performance.measure('sunset-watch:scan-incremental', 'sunset-watch:scan-incremental-start');
    performance.clearMarks('sunset-watch:scan-incremental-start');
    if (written.length) isolated('scan', () => this.countFights(roots, written));
    this.afterScan();
  }

  /**
   * A round of a fight: our flag went up again in a block whose text is what it was the last time
   * we flagged there (the page put its copy back). After FIGHT_ROUNDS of them the block is left
   * alone for a while. The block's parent is counted, so a page that replaces the cell itself is
   * seen too; new rows or new text are never a fight.
   */
  private countFights(roots: Element[], written: Element[]): void {
    const now = Date.now();
    for (const root of roots) {
      if (!written.some((el) => root.contains(el))) continue;
      const site = root.parentElement ?? root;
      const text = site.textContent ?? '';
      const last = this.fights.get(site);
      if (!last || last.text !== text || now - last.since > FIGHT_WINDOW_MS) {
        this.fights.set(site, { text, rounds: 1, since: now });
        continue;
      }
      if (++last.rounds >= FIGHT_ROUNDS) {
        this.alone.set(site, now + LEFT_ALONE_MS);
        this.fights.delete(site);
      }
    }
  }

  /**
   * Places the badges and the banner right after the next frame, and once more when things have
   * settled. Placing reads layout (boxes, hit tests): in a task after the frame the browser has
   * laid the page out already, so reading it costs little; in our scan's task, it would have to
   * lay out the page first (105 ms of a 8,000-row page's first load, measured with bench/run.ts).
   */
  private schedulePlace(): void {
    if (!this.placeFrame)
      this.placeFrame = this.ctx.requestAnimationFrame(() => {
        this.ctx.setTimeout(() => {
          this.placeFrame = 0;
          this.place();
        }, 0);
      });
    if (this.placeTimer) clearTimeout(this.placeTimer);
    this.placeTimer = this.ctx.setTimeout(() => {
      this.placeTimer = 0;
      this.place();
    }, 300);
  }

  /**
   * Reads first, writes last: the banner's corner and the badges' spots are hit tests, and a hit
   * test after a write of ours makes the browser bring the whole page's paint up to date first
   * (with highlights on a 8,000-row page: 40 ms a time, bench/run.ts "placing after").
   */
  private place(): void {
    const corner = this.banner?.isConnected ? isolated('banner', () => this.bannerCorner()) : undefined;
    isolated('badges', () => this.board.place());
    if (corner) isolated('banner', () => this.setBannerCorner(corner));
  }

  private updateBanner(refresh: boolean): void {
    isolated('banner', () => {
      const now = Date.now();
      const onPage = [...this.flagger.entriesOnPage()].map((i) => this.active[i]!);
      const choice = chooseBanner(onPage, now, this.settings.bannerDays, this.dismissed);
      const key = choice ? `${choice.entry.guid}|${choice.entry.hash}|${choice.atMs}|${onPage.length}` : '';
      if (key === this.bannerKey && !refresh && (!this.banner || this.banner.isConnected)) return;
      this.bannerKey = key;
      this.banner?.remove();
      this.banner = null;
      if (!choice) return;
      const others = new Set(onPage.map((p) => p.product.name));
      others.delete(choice.entry.product.name);
      this.banner = renderBanner(
        this.doc,
        choice,
        others.size,
        now,
        this.t,
        () => this.dismiss(choice.entry),
        {
          collapsed: this.folded,
          onToggle: (collapsed) => {
            this.folded = collapsed;
            void rememberBannerFold(location.origin, collapsed);
            this.placeBanner();
          },
        },
      );
      this.banner.style.setProperty('visibility', 'hidden', 'important');
      this.doc.documentElement.append(this.banner);
      this.schedulePlace();
    });
  }

  /**
   * Where the banner floats: the first corner where nothing of the page's is under it (at its
   * size as last measured); where every corner has something, folded to its pill (not
   * remembered: the merchant did not ask), in the first free corner or the bottom right one.
   * Reads only.
   */
  private bannerCorner(): { corner: Corner; collapsed: boolean } {
    const free = (size: { width: number; height: number }): Corner | null =>
      freeCorner(this.doc, size.width, size.height);
    if (!this.folded) {
      const corner = free(this.bannerSizes.open);
      if (corner) return { corner, collapsed: false };
    }
    return { corner: free(this.bannerSizes.pill) ?? CORNERS[0]!, collapsed: true };
  }

  private setBannerCorner({ corner, collapsed }: { corner: Corner; collapsed: boolean }): void {
    const banner = this.banner;
    if (!banner?.isConnected) return;
    const [v, hz] = corner.split('-') as ['top' | 'bottom', 'left' | 'right'];
    for (const side of ['top', 'bottom', 'left', 'right'])
      banner.style.setProperty(side, side === v || side === hz ? '12px' : 'auto', 'important');
    banner.setAttribute('data-corner', corner);
    banner.toggleAttribute('data-collapsed', collapsed);
    banner.style.setProperty('visibility', 'visible', 'important');
    // Its size in this state, for the next placement (a read of our own box only).
    const r = banner.getBoundingClientRect();
    this.bannerSizes[collapsed ? 'pill' : 'open'] = { width: r.width, height: r.height };
  }

  /** The merchant folded or unfolded the banner: it moves at once. */
  private placeBanner(): void {
    if (this.banner?.isConnected) isolated('banner', () => this.setBannerCorner(this.bannerCorner()));
  }

  private dismiss(entry: PageProduct): void {
    this.dismissed.set(entry.guid, entry.hash);
    tell({ type: 'banner/dismiss', guid: entry.guid, hash: entry.hash });
    this.updateBanner(true);
  }

  private mute(entry: PageProduct): void {
    tell({ type: 'notice/mute', guid: entry.guid });
    // 不再提醒此公告: the notice's products stop being flagged on this page at once (the card
    // stays, saying so).
    this.muting = true;
    try {
      this.flagger.clear();
    } finally {
      this.muting = false;
    }
    this.products = this.products.filter((p) => p.guid !== entry.guid);
    this.build();
    this.fullScan();
  }
}

/** The page's text blocks: elements with text of their own (one native count). */
function textBlocks(doc: Document): number {
  const view = doc.defaultView as (Window & { XPathResult?: typeof XPathResult }) | null;
  const type = view?.XPathResult?.NUMBER_TYPE ?? 1;
  return doc.evaluate('count(//body//*[text()[normalize-space()]])', doc, null, type, null).numberValue;
}
