// Applies scan results to the page: `data-sunset-flag` on the element holding a name and a badge
// beside it. The page's own DOM gets nothing else. Re-scans are idempotent, and a flag whose
// text went away is taken down again.
import type { Matcher } from './matcher.ts';
import { blockOf, holdsNoName, isOwnNode, scanText, TextScan, type Found, type ScanBudget } from './scan.ts';

export const FLAG_ATTR = 'data-sunset-flag';

/** Where a badge goes: after an inline element or control, inside a block (a cell, a card title). */
const BADGE_AFTER = new Set(['A', 'SPAN', 'B', 'STRONG', 'EM', 'I', 'FONT', 'LABEL', 'BUTTON', 'SMALL', 'U']);

export interface BadgeFactory {
  create(entry: number): Element;
  update(badge: Element, entry: number): void;
}

interface FlagRecord {
  entries: number[];
  badges: Element[];
}

export class Flagger {
  private readonly flagged = new Map<Element, FlagRecord>();

  constructor(
    private readonly matcher: Matcher,
    private readonly badges: BadgeFactory,
  ) {}

  /** Scans everything under `root` (a document or element) and makes the flags match. */
  scanAll(root: Node): void {
    this.beginScanAll(root).step();
  }

  /** `scanAll` in slices: call `step(budget)` until it returns true. */
  beginScanAll(root: Node): SlicedScan {
    // The page's body (or all of it): every flag is in scope, and the flags are listed from the
    // map rather than by asking the whole page for them.
    const doc = root.ownerDocument;
    const whole = !doc || root === doc.documentElement || root === doc.body;
    return new SlicedScan(root, this.matcher, (found) =>
      this.apply(found, whole ? ALL : [root as Element | DocumentFragment]),
    );
  }

  /**
   * Scans only what changed: the blocks around added or edited nodes. Returns the number of
   * blocks scanned.
   */
  scanChanged(nodes: Iterable<Node>): number {
    const roots = changedBlocks(nodes);
    const found: Found[] = [];
    // Most changed blocks (a new row, an edited cell) name nothing: ruled out by their whole text.
    // They stay roots, so that flags in them that lost their name come down.
    for (const root of roots) if (!holdsNoName(root, this.matcher)) scanText(root, this.matcher, found);
    if (!roots.length) return 0;
    this.apply(found, roots)();
    return roots.length;
  }

  /** How many elements the flagger holds on to (it must let go of those the page removed). */
  get size(): number {
    return this.flagged.size;
  }

  /**
   * Indices of the products flagged on the page now. Flags whose element the page removed are
   * forgotten here (an incremental scan looks only inside the blocks it scanned).
   */
  entriesOnPage(): Set<number> {
    const out = new Set<number>();
    for (const [el, record] of this.flagged) {
      if (el.isConnected) for (const e of record.entries) out.add(e);
      else this.flagged.delete(el);
    }
    return out;
  }

  /** Refreshes every badge's words (countdowns move on). */
  refreshBadges(): void {
    for (const record of this.flagged.values()) {
      record.badges.forEach((badge, i) => this.badges.update(badge, record.entries[i]!));
    }
  }

  /** Takes every flag and badge down (the content script's lifetime ended). */
  clear(): void {
    for (const [el, record] of this.flagged) this.unflag(el, record);
    this.flagged.clear();
  }

  /**
   * Makes the flags in scope (everywhere, or under the scanned blocks) match `found`: flags found
   * elements, takes down the others in scope. Returns a function that puts up the flags, up to
   * `until()` being true between two (badges are the costly part of a first scan, so a sliced
   * scan puts them up in slices too); it returns true when all are up.
   */
  private apply(
    found: Found[],
    scope: typeof ALL | readonly (Element | DocumentFragment)[],
  ): (until?: () => boolean) => boolean {
    const seen = new Map<Element, number[]>();
    for (const { element, entry } of found) {
      const list = seen.get(element);
      if (!list) seen.set(element, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    }
    // Under the scanned blocks only, the flags there are asked of the DOM (natively), so that a
    // batch of rows costs the same however many flags the page holds.
    const inScope = scope === ALL ? this.flagged.keys() : flaggedUnder(scope);
    for (const el of inScope) {
      const record = this.flagged.get(el);
      if (!record) continue;
      if (!el.isConnected) this.flagged.delete(el);
      else if (!seen.has(el)) {
        this.unflag(el, record);
        this.flagged.delete(el);
      }
    }
    const todo = seen.entries();
    return (until) => {
      for (let next = todo.next(); !next.done; next = todo.next()) {
        // A sliced scan's page may have dropped the element since it was read.
        if (next.value[0].isConnected) this.flag(next.value[0], next.value[1]);
        if (until?.()) return false;
      }
      return true;
    };
  }

  private flag(el: Element, entries: number[]): void {
    const name = this.matcher.entries[entries[0]!]!.name;
    if (el.getAttribute(FLAG_ATTR) !== name) el.setAttribute(FLAG_ATTR, name);
    const old = this.flagged.get(el);
    const badges = entries.map((entry) => {
      const at = old ? old.entries.indexOf(entry) : -1;
      const kept = at >= 0 ? old!.badges[at] : undefined;
      if (kept && kept.isConnected) return kept;
      return this.badges.create(entry);
    });
    old?.badges.forEach((b) => {
      if (!badges.includes(b)) b.remove();
    });
    let anchor: Element = el;
    for (const badge of badges) {
      if (badge.isConnected) {
        anchor = badge;
        continue;
      }
      if (anchor === el && !BADGE_AFTER.has(el.tagName)) el.append(badge);
      else anchor.after(badge);
      anchor = badge;
    }
    this.flagged.set(el, { entries, badges });
  }

  private unflag(el: Element, record: FlagRecord): void {
    el.removeAttribute(FLAG_ATTR);
    for (const badge of record.badges) badge.remove();
  }
}

/** `Flagger.apply`'s scope: the whole page (a full scan). */
const ALL = 'all';

/** The flagged elements at or under `roots` (outermost blocks, so each is listed once). */
function* flaggedUnder(roots: readonly (Element | DocumentFragment)[]): Iterable<Element> {
  for (const root of roots) {
    if (root.nodeType === 1 && (root as Element).hasAttribute(FLAG_ATTR)) yield root as Element;
    yield* root.querySelectorAll(`[${FLAG_ATTR}]`);
  }
}

/** Time a slice must still have left to put up the flags and badges in it. */
const WRITE_RESERVE_MS = 8;

/**
 * A full scan run in slices (the content script's first scan of a large page would otherwise be
 * one long task). The flags change only once all text is read: first the stale ones come down,
 * then the found ones go up, in slices too. The page may change between slices: what changed is
 * the caller's to re-scan afterwards (`scanChanged`), except that if the text node the scan
 * paused after was removed, going on would end early, so the scan starts over (`restarts`).
 */
export class SlicedScan {
  private scan: TextScan;
  private flagging: ((until?: () => boolean) => boolean) | null = null;
  /** How many times the scan started over; for tests. */
  restarts = 0;
  /** How many steps returned, including the last; for tests. */
  slices = 0;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    private readonly applyFound: (found: Found[]) => (until?: () => boolean) => boolean,
  ) {
    this.scan = new TextScan(root, matcher);
  }

  /** Goes on until done (true) or past `budget.deadline` (false: call again, in a new task). */
  step(budget?: ScanBudget): boolean {
    this.slices++;
    if (!this.flagging) {
      if (!this.scan.canResume()) {
        this.restarts++;
        this.scan = new TextScan(this.root, this.matcher);
      }
      if (!this.scan.run(budget)) return false;
      this.flagging = this.applyFound(this.scan.out);
      // Flags and badges go up in one task of their own (a fresh slice when little of this one
      // is left): the browser lays the page out between slices, and a 30,000-row table that
      // gains badges over several frames is laid out again each time (~0.2–0.9 s a layout).
      // Writing them costs ~20 µs a badge, so even 1,500 badges fit in one short task.
      if (budget && budget.deadline - budget.now() < WRITE_RESERVE_MS) return false;
    }
    return this.flagging();
  }
}

/** The blocks to re-scan for a set of added or edited nodes, outermost only. */
export function changedBlocks(nodes: Iterable<Node>): Element[] {
  const set = new Set<Element>();
  for (const node of nodes) {
    if (isOwnNode(node) || !node.isConnected) continue;
    const block = blockOf(node);
    if (block && !isOwnNode(block)) set.add(block);
  }
  const roots: Element[] = [];
  for (const el of set) {
    let up = el.parentElement;
    while (up && !set.has(up)) up = up.parentElement;
    if (!up) roots.push(el);
  }
  return roots;
}
