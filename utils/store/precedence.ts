// Which copy of a notice wins (issue 17 item 2): the ONE place these rules live. notices.ts asks
// `decide` for every incoming copy (a poll, the bundled seed) and does what it says; the poll
// warns with `futureUpdatedWarnings`. Pure: the clock is passed in.
//
// | stored            | incoming                        | outcome                                   |
// | ----------------- | ------------------------------- | ----------------------------------------- |
// | nothing           | any                             | insert                                    |
// | local             | bundled or fetched              | keep: the merchant's own capture (issue 19) |
// | same content      | fetched, stored bundled          | confirm: now the feed's copy, unchanged    |
// | same content      | otherwise                       | keep                                      |
// | bundled or fetched| fetched, `updated` not older    | replace                                   |
// | bundled or fetched| fetched, `updated` older        | keep                                      |
// | bundled           | bundled, not older              | replace (a newer build)                   |
// | fetched           | bundled, strictly newer         | replace (fetched data is otherwise fresher)|
// | fetched           | bundled, not newer              | keep                                      |
// | local             | local (the merchant's own edit) | replace when `updated` is not older        |
//
// And one rule across notices (issue 19 item 5), `folds`: when a bundled or fetched notice names
// a product of a local notice (the same name or alias, compared by `nameKey`) with a milestone on
// the same Beijing day, the feed's copy wins and the local product is folded into it: it leaves
// the local notice (a local notice left with no product is removed), its reminders' ledger goes
// over to the feed's product, and the feed's record remembers the capture it confirms (the popup
// says 「已由公告来源确认」). So nothing is flagged, guarded or reminded twice, and nothing any
// reader of the store does (watched/list, reminders, badge, popup) has to know about folding.
//
// Both sides are ordered by `orderingTime`: `sunset.updated` (a plain notice's pubDate), except
// that one more than a day after the copy arrived counts as the moment it arrived, with a warning:
// a typo of 2099 must not lock the notice against the publisher's correction.
import type { Notice, Product } from '../notice/schema.ts';
import { normalizeName } from '../notice/names.ts';
import { toBeijingIso, toEpoch } from '../notice/time.ts';
import type { Origin } from './db.ts';

/** How far ahead of its arrival an `updated` may be before it is taken for a typo (clock skew, zones). */
export const FUTURE_SLACK_MS = 24 * 3600_000;

/** The instant a copy is ordered by, and whether its own `updated` was too far ahead to count. */
export function orderingTime(notice: Notice, receivedAt: number): { at: number; clamped: boolean } {
  const written = toEpoch(notice.sunset?.updated ?? notice.pubDate);
  if (written > receivedAt + FUTURE_SLACK_MS) return { at: receivedAt, clamped: true };
  return { at: written, clamped: false };
}

/** A copy as precedence sees it: stored (`receivedAt` = when it was stored) or arriving now. */
export interface Copy {
  notice: Notice;
  hash: string;
  origin: Origin;
  receivedAt: number;
}

export type Decision = 'insert' | 'replace' | 'confirm' | 'keep';

export function decide(stored: Copy | undefined, incoming: Copy): Decision {
  if (!stored) return 'insert';
  if (stored.origin === 'local' && incoming.origin !== 'local') return 'keep';
  if (stored.hash === incoming.hash) {
    return stored.origin === 'bundled' && incoming.origin === 'feed' ? 'confirm' : 'keep';
  }
  const before = orderingTime(stored.notice, stored.receivedAt).at;
  const after = orderingTime(incoming.notice, incoming.receivedAt).at;
  if (incoming.origin === 'bundled' && stored.origin === 'feed') return after > before ? 'replace' : 'keep';
  return after >= before ? 'replace' : 'keep';
}

/** One warning per notice whose `updated` lies more than a day after `now` (the poll shows them). */
export function futureUpdatedWarnings(notices: readonly Notice[], now: number): string[] {
  return notices.flatMap((notice) => {
    if (!orderingTime(notice, now).clamped) return [];
    const [field, value] = notice.sunset
      ? ['sunset.updated', notice.sunset.updated]
      : ['pubDate', notice.pubDate];
    return [
      `item ${notice.guid}: ${field} ${value} is more than a day after this fetch: ordered as ${toBeijingIso(now)} so that a correction can replace it`,
    ];
  });
}

/**
 * A product name as the fold rule compares names: the names rule's normal form (NFKC, invisible
 * characters gone: utils/notice/names.ts), then case, spaces and quotation marks ignored.
 */
export function nameKey(name: string): string {
  return normalizeName(name)
    .toLowerCase()
    .replace(/[\s"'“”‘’「」『』《》]/gu, '');
}

/** The Beijing calendar days (YYYY-MM-DD) of a product's dated milestones. */
function beijingDays(product: Product): Set<string> {
  return new Set(product.milestones.flatMap((m) => (m.at ? [toBeijingIso(toEpoch(m.at)).slice(0, 10)] : [])));
}

/** Whether `other` names `local`'s product (a name or alias in common) with a milestone on one of its days. */
export function sameRetirement(local: Product, other: Product): boolean {
  const names = new Set([local.name, ...local.aliases].map(nameKey));
  if (![other.name, ...other.aliases].some((n) => names.has(nameKey(n)))) return false;
  const days = beijingDays(local);
  return [...beijingDays(other)].some((day) => days.has(day));
}

/** One local product folded into a product of a bundled or fetched notice. */
export interface Fold {
  local: string;
  product: string;
  into: string;
  intoProduct: string;
}

/**
 * Every local product that a bundled or fetched notice confirms, each into the first such
 * notice in guid order. Pure; stores apply the result (utils/store/fold.ts).
 */
export function folds(records: readonly { guid: string; origin: Origin; notice: Notice }[]): Fold[] {
  const sorted = [...records].sort((a, b) => a.guid.localeCompare(b.guid));
  const sources = sorted.filter((r) => r.origin !== 'local' && r.notice.sunset);
  const out: Fold[] = [];
  for (const local of sorted) {
    if (local.origin !== 'local') continue;
    for (const product of local.notice.sunset?.products ?? []) {
      const match = sources
        .flatMap((s) => s.notice.sunset!.products.map((p) => ({ guid: s.guid, p })))
        .find(({ p }) => sameRetirement(product, p));
      if (match)
        out.push({ local: local.guid, product: product.name, into: match.guid, intoProduct: match.p.name });
    }
  }
  return out;
}
