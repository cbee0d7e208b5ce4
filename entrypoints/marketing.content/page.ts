// The content script's lifetime on one page: ask the background what is watched, scan, keep
// scanning what changes, and show the banner, cards and order guard. Everything is tied to WXT's
// ctx so an extension update leaves no listener, timer or observer behind.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type WatchedProduct } from '../../utils/messages/protocol.ts';
import type { Settings } from '../../utils/store/settings.ts';
import type { Translate } from '../../utils/i18n/catalog.ts';
import { Matcher } from '../../utils/page/matcher.ts';
import { Flagger, type SlicedScan } from '../../utils/page/flagger.ts';
import { isOwnNode } from '../../utils/page/scan.ts';
import {
  badgeViews,
  chooseBanner,
  flaggable,
  matchEntries,
  type PageProduct,
} from '../../utils/page/watched.ts';
import { createBadge, updateBadge } from '../../components/page/badge.ts';
import { renderBanner } from '../../components/page/banner.ts';
import { pageTranslator } from './i18n.ts';
import { CardController } from './card.ts';
import type { GuardSource } from './order-guard.ts';

/** More added nodes than this in one frame: one full rescan is cheaper than walking the list. */
export const BURST_LIMIT = 2000;
/**
 * Work per task in a full scan (ms). The issue-8 goal is no task of ours over 50 ms while a page
 * loads; the first slice also carries the start-up before it, and the clock is read only every
 * so many text nodes.
 */
export const SLICE_MS = 20;

async function watched(
  ctx: ContentScriptContext,
): Promise<{ products: WatchedProduct[]; settings: Settings } | null> {
  // The worker may be starting up (it is woken by the message); one retry covers that.
  for (let attempt = 0; attempt < 2 && ctx.isValid; attempt++) {
    try {
      return await sendMessage({ type: 'watched/list' });
    } catch (error) {
      if (attempt === 1 || ctx.isInvalid) console.warn('[Sunset Watch] watched/list failed:', error);
      else await new Promise((resolve) => ctx.setTimeout(() => resolve(undefined), 500));
    }
  }
  return null;
}

/** `guard` gets the names active on the page as soon as they are known, before the first scan. */
export async function startPage(
  ctx: ContentScriptContext,
  doc: Document,
  guard: (source: GuardSource) => void,
): Promise<void> {
  const reply = await watched(ctx);
  if (!reply || ctx.isInvalid || !reply.settings.pageWarnings) return;
  const settings = reply.settings;
  const { t } = pageTranslator(settings.language, navigator.language);
  const products: PageProduct[] = flaggable(reply.products);
  if (!products.length) return;
  const session = new PageSession(ctx, doc, products, settings, t);
  guard(session.guardSource);
  session.start();
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
  /** Which watched product each badge stands for. */
  private badgeEntry = new WeakMap<Element, PageProduct>();
  private readonly card: CardController;
  private readonly observer: MutationObserver;
  /** What the order guard holds: the products and matcher of this page, as they change. */
  readonly guardSource: GuardSource;
  /** Whether the observer is on (from `start`, after the full scan's first slice). */
  private observing = false;
  /** Badge words per product; renewed when countdowns move on. */
  private view = badgeViews([], 0, () => '');

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly doc: Document,
    private products: PageProduct[],
    private readonly settings: Settings,
    private readonly t: Translate,
  ) {
    this.card = new CardController(
      ctx,
      doc,
      t,
      (badge) => this.badgeEntry.get(badge),
      (entry) => this.mute(entry),
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.guardSource = { matcher: () => this.matcher, products: () => this.products, t };
    this.build();
  }

  private build(): void {
    this.view = badgeViews(this.products, Date.now(), this.t);
    this.matcher = new Matcher(matchEntries(this.products));
    this.flagger = new Flagger(this.matcher, {
      create: (entry) => this.makeBadge(entry),
      update: (badge, entry) => updateBadge(badge, this.view(entry)),
    });
  }

  start(): void {
    const { ctx } = this;
    this.fullScan();
    this.observe();
    // The backend is a single-page app routed by `#!/…` fragments: a route change swaps content.
    // untrusted-ok: a rescan changes nothing the page could not change itself.
    ctx.addEventListener(window, 'hashchange', () => this.schedule(true));
    // Countdowns move on while a merchant keeps the page open.
    ctx.setInterval(() => {
      this.view = badgeViews(this.products, Date.now(), this.t);
      this.flagger.refreshBadges();
      this.updateBanner(true);
    }, 60_000);
    ctx.onInvalidated(() => {
      this.stopFullScan();
      this.observing = false;
      this.observer.disconnect();
      this.flagger.clear();
      this.banner?.remove();
      this.card.destroy();
    });
  }

  private observe(): void {
    this.observing = true;
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private makeBadge(entry: number): Element {
    const product = this.products[entry]!;
    const badge = createBadge(this.doc, product.product.name, this.view(entry));
    this.badgeEntry.set(badge, product);
    return badge;
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
    // A slice that puts up flags and badges would queue a mutation record for each of them, only
    // for onMutations to skip them as our own (1,500 on a 30,000-row page): the observer is off
    // while a slice runs. What the page changed before is taken first, and nothing else can
    // change the page while the slice runs.
    const observing = this.observing;
    if (observing) {
      const held = this.observer.takeRecords();
      this.observer.disconnect();
      if (held.length) this.onMutations(held);
    }
    let done: boolean;
    try {
      done = scan.step({ now, deadline: now() + SLICE_MS });
    } finally {
      if (observing) this.observe();
    }
    if (!done) {
      // A new task, so the page can paint and handle input in between; ctx's timer is cleared
      // when the extension is updated or removed.
      this.sliceTimer = this.ctx.setTimeout(() => this.nextSlice(), 0);
      return;
    }
    this.scan = null;
    // The measure spans the whole full scan, from its start mark to here: on a large page that is
    // several tasks (slices) and whatever the page ran between them. A small page is one slice.
    performance.measure('sunset-watch:scan', 'sunset-watch:scan-start');
    // Measures stay (the test contract reads them); their start marks would only pile up.
    performance.clearMarks('sunset-watch:scan-start');
    this.updateBanner(false);
    // Changes that came while the scan ran were held back (see flush): scan their blocks now.
    if (this.pending.size) this.schedule(false);
  }

  private stopFullScan(): void {
    if (this.sliceTimer) clearTimeout(this.sliceTimer);
    this.sliceTimer = 0;
    this.scan = null;
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.fullPending) return;
    for (const record of records) {
      if (isOwnNode(record.target)) continue;
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
    // A full scan is running: its flags would overwrite these, so the changed blocks wait for it
    // (it schedules them when it ends; flags are idempotent, so a block both read is no harm).
    // The count of added nodes keeps growing meanwhile: past BURST_LIMIT the scan starts over
    // rather than leaving one long incremental scan for its end.
    if (this.scan) return;
    this.pendingAdded = 0;
    const nodes = [...this.pending];
    this.pending.clear();
    performance.mark('sunset-watch:scan-incremental-start');
    this.flagger.scanChanged(nodes);
    performance.measure('sunset-watch:scan-incremental', 'sunset-watch:scan-incremental-start');
    performance.clearMarks('sunset-watch:scan-incremental-start');
    this.updateBanner(false);
  }

  private updateBanner(refresh: boolean): void {
    const now = Date.now();
    const onPage = [...this.flagger.entriesOnPage()].map((i) => this.products[i]!);
    const choice = chooseBanner(onPage, now, this.settings.bannerDays, this.dismissed);
    const key = choice
      ? `${choice.entry.guid}|${choice.entry.hash}|${choice.dated.atMs}|${onPage.length}`
      : '';
    if (key === this.bannerKey && !refresh && (!this.banner || this.banner.isConnected)) return;
    this.bannerKey = key;
    this.banner?.remove();
    this.banner = null;
    if (!choice) return;
    const others = new Set(onPage.map((p) => p.product.name));
    others.delete(choice.entry.product.name);
    this.banner = renderBanner(this.doc, choice, others.size, now, this.t, () => this.dismiss(choice.entry));
    const parent = this.doc.body ?? this.doc.documentElement;
    parent.prepend(this.banner);
  }

  private dismiss(entry: PageProduct): void {
    this.dismissed.set(entry.guid, entry.hash);
    void sendMessage({ type: 'banner/dismiss', guid: entry.guid, hash: entry.hash }).catch((error: unknown) =>
      console.warn('[Sunset Watch] banner/dismiss failed:', error),
    );
    this.updateBanner(true);
  }

  private mute(entry: PageProduct): void {
    void sendMessage({ type: 'notice/mute', guid: entry.guid }).catch((error: unknown) =>
      console.warn('[Sunset Watch] notice/mute failed:', error),
    );
    // 不再提醒此公告: the notice's products stop being flagged on this page at once.
    this.flagger.clear();
    this.products = this.products.filter((p) => p.guid !== entry.guid);
    this.build();
    this.fullScan();
  }
}
