// Applies scan results to the page: `data-sunset-flag` on the element holding a name and a badge
// beside it. The page's own DOM gets nothing else. Re-scans are idempotent, and a flag whose
// text went away is taken down again.
import type { Matcher } from './matcher.ts';
import { blockOf, isOwnNode, scanText, type Found } from './scan.ts';

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
    const found = scanText(root, this.matcher);
    this.apply(found, (el) => root.contains(el));
  }

  /**
   * Scans only what changed: the blocks around added or edited nodes. Returns the number of
   * blocks scanned.
   */
  scanChanged(nodes: Iterable<Node>): number {
    const roots = changedBlocks(nodes);
    const found: Found[] = [];
    for (const root of roots) scanText(root, this.matcher, found);
    if (!roots.length) return 0;
    // In scope: under one of the roots. Walking up from each flagged element costs its depth;
    // asking every root `contains` would cost flags × roots.
    const rootSet = new Set<Node>(roots);
    this.apply(found, (el) => {
      for (let up: Node | null = el; up; up = up.parentNode) if (rootSet.has(up)) return true;
      return false;
    });
    return roots.length;
  }

  /** Indices of the products flagged on the page now. */
  entriesOnPage(): Set<number> {
    const out = new Set<number>();
    for (const [el, record] of this.flagged) {
      if (el.isConnected) for (const e of record.entries) out.add(e);
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

  private apply(found: Found[], inScope: (el: Element) => boolean): void {
    const seen = new Map<Element, number[]>();
    for (const { element, entry } of found) {
      const list = seen.get(element);
      if (!list) seen.set(element, [entry]);
      else if (!list.includes(entry)) list.push(entry);
    }
    for (const [el, record] of this.flagged) {
      if (!el.isConnected) this.flagged.delete(el);
      else if (!seen.has(el) && inScope(el)) {
        this.unflag(el, record);
        this.flagged.delete(el);
      }
    }
    for (const [el, entries] of seen) this.flag(el, entries);
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
