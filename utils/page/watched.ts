// What the content script knows about each watched product, and the words shown for it on the
// page (badge, card, banner, guard). Pure: `now` and the translator are passed in.
import type { Action, Milestone, Product } from '../notice/schema.ts';
import { countdown, shortDate, type Urgency } from '../notice/countdown.ts';
import { ACTION_DONE_KEY, ACTION_KEY } from '../notice/countdown.ts';
import { toEpoch } from '../notice/time.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { WatchedProduct } from '../messages/protocol.ts';
import { watchableName } from '../notice/names.ts';
import type { MatchEntry } from './matcher.ts';

/** One product of one sunset notice, as `watched/list` returns it. */
export type PageProduct = WatchedProduct;

export interface Dated {
  milestone: Milestone;
  action: Action;
  atMs: number;
}

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
    return focus.past ? 1e15 + (nowMs - focus.dated.atMs) : focus.dated.atMs - nowMs;
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

export function datedOf(product: Product): Dated[] {
  const out: Dated[] = [];
  for (const m of product.milestones)
    if (m.at) out.push({ milestone: m, action: m.action, atMs: toEpoch(m.at) });
  return out.sort((a, b) => a.atMs - b.atMs);
}

/** The milestone a badge talks about: the next one ahead, else the last one passed. */
export function focusMilestone(product: Product, nowMs: number): { dated: Dated; past: boolean } | null {
  const dated = datedOf(product);
  const ahead = dated.find((d) => d.atMs > nowMs);
  if (ahead) return { dated: ahead, past: false };
  const last = dated[dated.length - 1];
  return last ? { dated: last, past: true } : null;
}

export interface BadgeView {
  text: string;
  urgency: Urgency | 'undated';
  /** A longer sentence for screen readers and the tooltip. */
  label: string;
}

/** 「2月17日停止新订购 · 剩3天」, 「已下线」, 「下线日期待定」 */
export function badgeView(product: Product, nowMs: number, t: Translate): BadgeView {
  const focus = focusMilestone(product, nowMs);
  if (!focus) {
    const action = product.milestones[0]?.action ?? 'retire';
    const text = t('page_badge_undated', t(ACTION_KEY[action]));
    return { text, urgency: 'undated', label: t('page_badge_label', product.name, text) };
  }
  const { dated } = focus;
  const cd = countdown(dated.atMs, nowMs);
  let text: string;
  if (cd.urgency === 'past') text = t(ACTION_DONE_KEY[dated.action]);
  else {
    const left = cd.today
      ? t('countdown_today')
      : cd.days === 0
        ? t('page_left_hours', cd.hours)
        : t('page_left_days', cd.days);
    text = t('page_badge_ahead', shortDate(t, dated.atMs), t(ACTION_KEY[dated.action]), left);
  }
  return { text, urgency: cd.urgency, label: t('page_badge_label', product.name, text) };
}

export interface BannerChoice {
  entry: PageProduct;
  dated: Dated;
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
      if (focus.dated.atMs - nowMs <= bannerDays * DAY && (!ahead || focus.dated.atMs < ahead.dated.atMs))
        ahead = { entry, dated: focus.dated, past: false };
    } else if (!retired || focus.dated.atMs > retired.dated.atMs) {
      retired = { entry, dated: focus.dated, past: true };
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
