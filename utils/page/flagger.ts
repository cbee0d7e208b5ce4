// Applies scan results to the page: `data-sunset-flag` on the element holding a name, an
// attribute, which changes no layout (issue 16 item 1; Fusion's stylesheet has no selector it
// could match). The rest of the marking (highlight, badge) lives outside the page's DOM and is
// told of every change through `FlagListener`. Re-scans are idempotent, and a flag whose text
// went away is taken down again.
import type { Matcher } from './matcher.ts';
import {
  blockOf,
  editorOf,
  holdsNoName,
  isOwnNode,
  scanText,
  TextScan,
  type Found,
  type ScanBudget,
  type ScanOptions,
} from './scan.ts';

export const FLAG_ATTR = 'data-sunset-flag';

/** One occurrence of a name in a flagged element. */
export interface Occurrence {
  entry: number;
  start: Text;
  startOffset: number;
  end: Text;
  endOffset: number;
}

export interface FlagRecord {
  /** The products named in the element, in the order first found. */
  entries: number[];
  occurrences: Occurrence[];
}

/** Told of every flag put up, changed (`record`) or taken down (null). */
export type FlagListener = (el: Element, record: FlagRecord | null) => void;

export class Flagger {
  private readonly flagged = new Map<Element, FlagRecord>();

  constructor(
    private readonly matcher: Matcher,
    private readonly listener: FlagListener = () => {},
    private readonly options: ScanOptions = {},
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
    return new SlicedScan(root, this.matcher, this.options, (found) =>
      this.apply(found, whole ? ALL : [root as Element | DocumentFragment]),
    );
  }

  /** Scans only what changed: the blocks around added or edited nodes. Returns the blocks scanned. */
  scanChanged(nodes: Iterable<Node>): Element[] {
    const roots = changedBlocks(nodes);
    const found: Found[] = [];
    // Most changed blocks (a new row, an edited cell) name nothing: ruled out by their whole text.
    // They stay roots, so that flags in them that lost their name come down.
    for (const root of roots)
      if (!holdsNoName(root, this.matcher)) scanText(root, this.matcher, found, this.options);
    if (roots.length) this.apply(found, roots)();
    return roots;
  }

  /** The flagged elements and what they hold (the page may have removed some: check isConnected). */
  entries(): IterableIterator<[Element, FlagRecord]> {
    return this.flagged.entries();
  }

  /** How many elements the flagger holds on to (it must let go of those the page removed). */
  get size(): number {
    return this.flagged.size;
  }

  /**
   * How many flagged elements name each product on the page now. Flags whose element the page
   * removed are forgotten here (an incremental scan looks only inside the blocks it scanned).
   */
  countsOnPage(): Map<number, number> {
    const out = new Map<number, number>();
    for (const [el, record] of this.flagged) {
      if (!el.isConnected) {
        this.drop(el, record);
        continue;
      }
      for (const e of record.entries) out.set(e, (out.get(e) ?? 0) + 1);
    }
    return out;
  }

  /** Indices of the products flagged on the page now. */
  entriesOnPage(): Set<number> {
    return new Set(this.countsOnPage().keys());
  }

  /** Takes every flag down (the content script's lifetime ended, or the names changed). */
  clear(): void {
    for (const [el, record] of this.flagged) this.unflag(el, record);
    this.flagged.clear();
  }

  /**
   * Makes the flags in scope (everywhere, or under the scanned blocks) match `found`: takes down
   * the others in scope, and returns a function that puts up the found ones, up to `until()` being
   * true between two; it returns true when all are up.
   */
  private apply(
    found: Found[],
    scope: typeof ALL | readonly (Element | DocumentFragment)[],
  ): (until?: () => boolean) => boolean {
    const seen = new Map<Element, FlagRecord>();
    for (const { element, entry, start, startOffset, end, endOffset } of found) {
      let record = seen.get(element);
      if (!record) seen.set(element, (record = { entries: [], occurrences: [] }));
      if (!record.entries.includes(entry)) record.entries.push(entry);
      record.occurrences.push({ entry, start, startOffset, end, endOffset });
    }
    // Under the scanned blocks only, the flags there are asked of the DOM (natively), so that a
    // batch of rows costs the same however many flags the page holds.
    const inScope = scope === ALL ? [...this.flagged.keys()] : flaggedUnder(scope);
    for (const el of inScope) {
      const record = this.flagged.get(el);
      if (!record) continue;
      if (!el.isConnected) this.drop(el, record);
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

  private flag(el: Element, record: FlagRecord): void {
    const name = this.matcher.entries[record.entries[0]!]!.name;
    if (el.getAttribute(FLAG_ATTR) !== name) el.setAttribute(FLAG_ATTR, name);
    this.flagged.set(el, record);
    this.listener(el, record);
  }

  private unflag(el: Element, _record: FlagRecord): void {
    el.removeAttribute(FLAG_ATTR);
    this.listener(el, null);
  }

  /** Forgets an element the page removed (its attribute went with it). */
  private drop(el: Element, _record: FlagRecord): void {
    this.flagged.delete(el);
    this.listener(el, null);
  }
}

/** `Flagger.apply`'s scope: the whole page (a full scan). */
const ALL = 'all';

/** The flagged elements at or under `roots` (outermost blocks, so each is listed once). */
function flaggedUnder(roots: readonly (Element | DocumentFragment)[]): Element[] {
  const out: Element[] = [];
  for (const root of roots) {
    if (root.nodeType === 1 && (root as Element).hasAttribute(FLAG_ATTR)) out.push(root as Element);
    out.push(...root.querySelectorAll(`[${FLAG_ATTR}]`));
  }
  return out;
}

/** Time a slice must still have left to put up the flags in it. */
const WRITE_RESERVE_MS = 8;

/**
 * A full scan run in slices (the content script's first scan of a large page would otherwise be
 * one long task). The flags change only once all text is read: first the stale ones come down,
 * then the found ones go up, in slices too. The page may change between slices: what changed is
 * the caller's to re-scan afterwards (`scanChanged`), except that if the node the scan would go
 * on from was removed, going on would end early, so the scan starts over.
 */
export class SlicedScan {
  private scan: TextScan;
  private flagging: ((until?: () => boolean) => boolean) | null = null;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    private readonly options: ScanOptions,
    private readonly applyFound: (found: Found[]) => (until?: () => boolean) => boolean,
  ) {
    this.scan = new TextScan(root, matcher, [], options);
  }

  /** At least this many text blocks on the page (see `TextScan.blocks`), once the scan is done. */
  get blocks(): number {
    return this.scan.blocks;
  }

  /** Goes on until done (true) or past `budget.deadline` (false: call again, in a new task). */
  step(budget?: ScanBudget): boolean {
    if (!this.flagging) {
      if (!this.scan.canResume()) this.scan = new TextScan(this.root, this.matcher, [], this.options);
      if (!this.scan.run(budget)) return false;
      this.flagging = this.applyFound(this.scan.out);
      if (budget && budget.deadline - budget.now() < WRITE_RESERVE_MS) return false;
    }
    const until = budget ? () => budget.now() >= budget.deadline : undefined;
    return this.flagging(until);
  }
}

/** The blocks to re-scan for a set of added or edited nodes, outermost only; never in an editor. */
export function changedBlocks(nodes: Iterable<Node>): Element[] {
  const set = new Set<Element>();
  for (const node of nodes) {
    if (isOwnNode(node) || !node.isConnected || editorOf(node)) continue;
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
