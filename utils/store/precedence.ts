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
//
// Both sides are ordered by `orderingTime`: `sunset.updated` (a plain notice's pubDate), except
// that one more than a day after the copy arrived counts as the moment it arrived, with a warning:
// a typo of 2099 must not lock the notice against the publisher's correction.
import type { Notice } from '../notice/schema.ts';
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
