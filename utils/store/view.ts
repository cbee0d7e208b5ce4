// Derived views of the stored notices, shared by the popup, the toolbar badge and reminders:
// order, filters, search, the badge count, and which notices affect the merchant (issue 20).
// Pure: `now` and what was seen are passed in.
import { datedMilestones, lastPastMilestone, nextMilestone } from '../notice/countdown.ts';
import type { Notice, Product } from '../notice/schema.ts';
import type { SeenProduct, StoredNotice } from './db.ts';

const DAY = 24 * 3600_000;

/** A cancelled retirement no longer has dates that matter; it is listed like a plain notice. */
export function isActiveSunset(notice: Notice): boolean {
  return notice.sunset !== undefined && notice.sunset.kind !== 'cancel';
}

/** Sort groups of issue 3 item 5, in display order. */
export type Group = 'upcoming' | 'undated' | 'retired' | 'plain';
const GROUP_ORDER: Record<Group, number> = { upcoming: 0, undated: 1, retired: 2, plain: 3 };

export function groupOf(notice: Notice, now: number): Group {
  if (!isActiveSunset(notice)) return 'plain';
  if (nextMilestone(notice, now)) return 'upcoming';
  const dated = datedMilestones(notice);
  const hasUndated = (notice.sunset?.products ?? []).some((p) => p.milestones.some((m) => m.at === null));
  if (hasUndated || dated.length === 0) return 'undated';
  return 'retired';
}

function sortKey(notice: Notice, group: Group, now: number): number {
  if (group === 'upcoming') return nextMilestone(notice, now)?.atMs ?? 0;
  // Most recent first: negate the time of the last milestone (or the publication date).
  if (group === 'retired') return -(lastPastMilestone(notice, now)?.atMs ?? 0);
  return -Date.parse(notice.pubDate);
}

/** The products seen on the merchant's pages, by name (issue 20). Empty: nothing seen yet. */
export type SeenIndex = ReadonlyMap<string, SeenProduct>;
export const NOTHING_SEEN: SeenIndex = new Map();

export function seenIndex(records: readonly SeenProduct[]): SeenIndex {
  return new Map(records.map((r) => [r.name, r]));
}

/**
 * What was seen of a product: under its name, or under one of its aliases (another notice may
 * name the same product by it; the page reports the name of the notice it flagged for).
 */
export function seenOf(product: Product, seen: SeenIndex): SeenProduct | undefined {
  if (!seen.size) return undefined;
  for (const name of [product.name, ...product.aliases]) {
    const found = seen.get(name);
    if (found) return found;
  }
  return undefined;
}

/** Whether one of the notice's products was seen on the merchant's own pages. */
export function affects(notice: Notice, seen: SeenIndex): boolean {
  return (notice.sunset?.products ?? []).some((p) => seenOf(p, seen) !== undefined);
}

/**
 * Upcoming nearest first; then undated; then retired, most recent first; then plain notices.
 * With products seen (issue 20), the notices they affect come first, in that order among
 * themselves, then the others in that order.
 */
export function sortNotices<T extends { notice: Notice; guid: string }>(
  items: T[],
  now: number,
  seen: SeenIndex = NOTHING_SEEN,
): T[] {
  return items
    .map((item) => {
      const group = groupOf(item.notice, now);
      return { item, group, key: sortKey(item.notice, group, now), mine: affects(item.notice, seen) };
    })
    .sort(
      (a, b) =>
        Number(b.mine) - Number(a.mine) ||
        GROUP_ORDER[a.group] - GROUP_ORDER[b.group] ||
        a.key - b.key ||
        a.item.guid.localeCompare(b.item.guid),
    )
    .map((x) => x.item);
}

/** 即将生效, 与我相关 (issue 20), 全部. */
export type Filter = 'upcoming' | 'affects' | 'all';

/** 即将生效: notices with a milestone still ahead or not yet dated. 与我相关: notices it affects. */
export function matchesFilter(
  notice: Notice,
  filter: Filter,
  now: number,
  seen: SeenIndex = NOTHING_SEEN,
): boolean {
  if (filter === 'all') return true;
  if (filter === 'affects') return affects(notice, seen);
  const group = groupOf(notice, now);
  return group === 'upcoming' || group === 'undated';
}

/** Case-insensitive search over title, description, products, aliases and replacements. */
export function matchesSearch(notice: Notice, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const haystack = [
    notice.title,
    notice.description ?? '',
    notice.sunset?.grandfather ?? '',
    ...(notice.sunset?.products ?? []).flatMap((p) => [
      p.name,
      ...p.aliases,
      ...p.replacements.map((r) => r.name),
    ]),
  ];
  return q.split(/\s+/).every((word) => haystack.some((h) => h.toLowerCase().includes(word)));
}

export interface Badge {
  text: string;
  /** Red within 24 hours, amber within 7 days. */
  color: string;
  count: number;
}

export const BADGE_RED = '#d93025';
export const BADGE_AMBER = '#e37400';

/**
 * Products with a milestone in the next 7 days (muted and cancelled notices left out). Once any
 * product has been seen on the merchant's pages (issue 20), only those seen count; before, all.
 */
export function badgeFor(notices: StoredNotice[], now: number, seen: SeenIndex = NOTHING_SEEN): Badge {
  let count = 0;
  let soonest = Infinity;
  for (const stored of notices) {
    if (stored.muted || !isActiveSunset(stored.notice)) continue;
    for (const product of stored.notice.sunset?.products ?? []) {
      if (seen.size && !seenOf(product, seen)) continue;
      const next = product.milestones
        .map((m) => (m.at ? Date.parse(m.at) : NaN))
        .filter((at) => at > now && at - now <= 7 * DAY)
        .sort((a, b) => a - b)[0];
      if (next === undefined) continue;
      count++;
      soonest = Math.min(soonest, next);
    }
  }
  return {
    count,
    text: count === 0 ? '' : String(count),
    color: soonest - now <= DAY ? BADGE_RED : BADGE_AMBER,
  };
}
