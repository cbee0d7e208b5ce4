// What the content script knows about each watched product, and the words shown for it on the
// page (badge, card, banner, guard). Pure: `now` and the translator are passed in.
import type { Product } from '../notice/schema.ts';
import { milestoneGroups, type Urgency } from '../notice/countdown.ts';
import { PART_SEP } from '../notice/phrases.ts';
import { productStatus } from '../notice/status.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { WatchedProduct } from '../messages/protocol.ts';
import { watchableName } from '../notice/names.ts';
import type { MatchEntry } from './matcher.ts';

/** One product of one sunset notice, as `watched/list` returns it. */
export type PageProduct = WatchedProduct;

/**
 * Products the page flags: muted notices (不再提醒此公告) and withdrawn ones are left alone, and so
 * are products with no watchable name (utils/notice/names.ts: 「方」 would flag half a page).
 * When two notices name the same product, the one with the soonest milestone still ahead comes
 * first (the matcher keeps the first entry for a name), then the most recently passed one.
 */
export function flaggable(products: readonly PageProduct[], nowMs = Date.now()): PageProduct[] {
  const rank = (p: PageProduct): number => {
    const focus = focusMilestone(p.product, nowMs);
    if (!focus) return Number.MAX_SAFE_INTEGER;
    return focus.past ? 1e15 + (nowMs - focus.atMs) : focus.atMs - nowMs;
  };
  return products
    .filter(
      (p) => !p.muted && p.kind !== 'cancel' && [p.product.name, ...p.product.aliases].some(watchableName),
    )
    .map((p) => ({ p, r: rank(p) }))
    .sort((a, b) => a.r - b.r)
    .map(({ p }) => p);
}

/** Matcher entries for the products, one per product, its name and aliases as terms. */
export function matchEntries(products: readonly PageProduct[]): MatchEntry[] {
  return products.map((p) => ({ name: p.product.name, terms: [p.product.name, ...p.product.aliases] }));
}

/** The instant a product is placed by: the next one ahead, else the last one passed. */
export function focusMilestone(product: Product, nowMs: number): { atMs: number; past: boolean } | null {
  const groups = milestoneGroups(product);
  const ahead = groups.find((g) => g.atMs > nowMs);
  const last = ahead ?? groups[groups.length - 1];
  return last ? { atMs: last.atMs, past: !ahead } : null;
}

/**
 * A badge is a glance (issue 16: the name's box seldom has room for more); the card holds the full
 * status, and `label` (aria-label) says it all. Where even `text` has no room, the badge shows
 * only its countdown (`text` without `lead`).
 */
export interface BadgeView {
  /** 「停止新订购 · 剩 3 天 5 小时」, 「已停止新订购 · 剩 8 天」, 「已下线」, 「下线日期待定」. */
  text: string;
  /** The part of `text` before the countdown, separator included (「停止新订购 · 」); '' when it has none. */
  lead: string;
  urgency: Urgency | 'undated';
  /** The full sentence, for screen readers and the tooltip: 「家居百货解决方案：2026年12月5日 …」. */
  label: string;
}

export function badgeView(product: Product, nowMs: number, t: Translate): BadgeView {
  const status = productStatus(product, nowMs, t);
  const long = [status.done, status.nextLong, status.left].filter(Boolean).join(PART_SEP);
  const lead = status.left && status.glance ? status.glance + PART_SEP : '';
  return {
    text: lead + (status.left || status.glance),
    lead,
    urgency: status.urgency,
    label: t('page_badge_label', product.name, long),
  };
}

export interface BannerChoice {
  entry: PageProduct;
  /** The instant the banner is about. */
  atMs: number;
  past: boolean;
}

const DAY = 24 * 3600_000;

/**
 * The banner shows the nearest cutoff among the products named on this page that falls within
 * `bannerDays`; failing that, a product already retired. A notice the merchant dismissed stays
 * away until its hash (its version) changes.
 */
export function chooseBanner(
  onPage: readonly PageProduct[],
  nowMs: number,
  bannerDays: number,
  dismissed: ReadonlyMap<string, string> = new Map(),
): BannerChoice | null {
  let ahead: BannerChoice | null = null;
  let retired: BannerChoice | null = null;
  for (const entry of onPage) {
    if (entry.muted) continue;
    const dismissedHash = dismissed.get(entry.guid) ?? entry.bannerDismissedHash;
    if (dismissedHash !== undefined && dismissedHash === entry.hash) continue;
    const focus = focusMilestone(entry.product, nowMs);
    if (!focus) continue;
    if (!focus.past) {
      if (focus.atMs - nowMs <= bannerDays * DAY && (!ahead || focus.atMs < ahead.atMs))
        ahead = { entry, ...focus };
    } else if (!retired || focus.atMs > retired.atMs) {
      retired = { entry, ...focus };
    }
  }
  return ahead ?? retired;
}

/** Badge words per product, computed once per scan rather than once per occurrence. */
export function badgeViews(
  products: readonly PageProduct[],
  nowMs: number,
  t: Translate,
): (entry: number) => BadgeView {
  const cache = new Map<number, BadgeView>();
  return (entry) => {
    let view = cache.get(entry);
    if (!view) cache.set(entry, (view = badgeView(products[entry]!.product, nowMs, t)));
    return view;
  };
}
