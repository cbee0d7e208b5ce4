// Which reminders are due now, which change notices to send, and when to wake up next (issue 5).
// Pure: notices, settings, `now`, the browser's time zone and the ledger come in; a plan comes
// out, which the background adapter (entrypoints/background/reminders.ts) carries out — ledger
// writes first, in one transaction, then the notifications, so a reminder fires at most once
// even if the worker dies in between (and a deterministic notification id replaces, never
// duplicates, if it is ever shown again).
import type { Action, Notice, Product } from '../notice/schema.ts';
import { toEpoch } from '../notice/time.ts';
import { stableHash } from '../feed/identity.ts';
import type { QuietHours, RemindScope } from '../store/settings.ts';
import { NOTHING_SEEN, seenOf, type SeenIndex } from '../store/view.ts';
import {
  cancelId,
  knownId,
  milestoneKey,
  sentId,
  shownId,
  snoozeId,
  type LedgerRecord,
  type SentRecord,
  type SnoozeRecord,
} from './ledger-record.ts';
import { afterQuietHours } from './quiet-hours.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** 明天提醒 */
export const SNOOZE_MS = DAY;
/** A cutoff that passed longer ago than this fires nothing (issue 5, item 3). */
export const STALE_AFTER_MS = DAY;
/** More reminders than this at once become one summary (issue 5, item 3). */
export const MERGE_ABOVE = 3;
/** Chrome allows 500 alarms per extension. */
export const ALARM_LIMIT = 500;
/** The default budget when the caller does not count the others (the core keeps two poll alarms). */
export const MAX_REMINDER_ALARMS = ALARM_LIMIT - 2;
/** Ledger records about milestones this far in the past are dropped. */
export const PRUNE_AFTER_MS = 30 * DAY;
export const ALARM_PREFIX = 'rem:';
export const SUMMARY_GUID = 'summary';

/** What the scheduler needs of a stored notice (a subset of db.ts's StoredNotice). */
export interface ReminderNotice {
  guid: string;
  notice: Notice;
  muted: boolean;
}

export interface ReminderSettings {
  /** Minutes before each milestone; 0 = at the cutoff itself. */
  leadMinutes: readonly number[];
  quietHours: QuietHours;
  /** 提醒范围 (issue 20): `affects` sends nothing about a product never seen on the merchant's pages. */
  remindScope?: RemindScope;
}

export interface ScheduleInput {
  notices: readonly ReminderNotice[];
  settings: ReminderSettings;
  now: number;
  ledger: readonly LedgerRecord[];
  /** The browser's IANA zone, for quiet hours only; undefined = the runtime's own zone. */
  timeZone?: string;
  maxAlarms?: number;
  /** The products seen on the merchant's own pages (issue 20). */
  seen?: SeenIndex;
}

interface MilestoneRef {
  guid: string;
  key: string;
  noticeTitle: string;
  link?: string;
  product: Product;
  action: Action;
  atMs: number;
}

export type DueItem =
  | (MilestoneRef & {
      type: 'reminder';
      /** minutes before the cutoff; -1 = a snoozed reminder */ lead: number;
    })
  | (MilestoneRef & { type: 'moved'; fromMs: number })
  | { type: 'cancelled'; guid: string; noticeTitle: string; link?: string; products: string[] };

export interface PlannedNotification {
  /** `sunset:<guid>:…` (design.md test contract); a summary uses the guid `summary`. */
  id: string;
  /** One item, the milestones of one notice at one instant, or a summary of several. */
  items: DueItem[];
}

export interface PlannedAlarm {
  name: string;
  when: number;
}

export interface ReminderPlan {
  notifications: PlannedNotification[];
  /** Written (put) before anything is shown. */
  writes: LedgerRecord[];
  deletes: string[];
  /** The nearest wake-ups, at most `maxAlarms`; every other `rem:` alarm should be cleared. */
  alarms: PlannedAlarm[];
}

export const SNOOZED_LEAD = -1;
export const MOVED_LEAD = -2;

/** Unique lead times, most distant first (settings are normalized, but be safe). */
function ladder(leadMinutes: readonly number[]): number[] {
  return [...new Set(leadMinutes.filter((m) => Number.isInteger(m) && m >= 0))].sort((a, b) => b - a);
}

function notificationId(guid: string, suffix: string): string {
  // The suffix never holds ':' so the guid (which may) is everything between the first
  // `sunset:` and the last ':'.
  return `sunset:${guid}:${suffix}`;
}

/** The guid inside a notification id made by this module, or null. */
export function guidOfNotification(id: string): string | null {
  if (!id.startsWith('sunset:')) return null;
  const last = id.lastIndexOf(':');
  if (last <= 'sunset:'.length - 1) return null;
  return id.slice('sunset:'.length, last);
}

interface Pending {
  item: DueItem;
  /** Records to write once the notification id is known. */
  sent: Omit<SentRecord, 'notificationId'>[];
  cancel?: { guid: string };
}

export function planReminders(input: ScheduleInput): ReminderPlan {
  const { now, settings, timeZone } = input;
  const maxAlarms = input.maxAlarms ?? MAX_REMINDER_ALARMS;
  const leads = ladder(settings.leadMinutes);
  const byId = new Map(input.ledger.map((r) => [r.id, r]));
  const writes: LedgerRecord[] = [];
  const deletes = new Set<string>();
  const pending: Pending[] = [];
  const wakeUps = new Set<number>();

  const quiet = (t: number, atMs: number) => afterQuietHours(t, atMs, settings.quietHours, timeZone);
  const seen = input.seen ?? NOTHING_SEEN;
  // 仅与我相关: a product never seen passes as a muted one does (recorded, never shown), so
  // that seeing it later does not replay the reminders it missed.
  const inScope = (product: Product) =>
    settings.remindScope !== 'affects' || seenOf(product, seen) !== undefined;

  for (const stored of input.notices) {
    const { notice, guid } = stored;
    const sunset = notice.sunset;
    if (!sunset) continue;
    const cancelled = sunset.kind === 'cancel';
    const silent = stored.muted;
    const seenKeys = new Set<string>();
    // Whether the user had reminders coming for this notice (any product, even one a
    // cancellation no longer lists): only then is 已取消 news to them.
    const hadPendingReminders = input.ledger.some(
      (r) => r.type === 'known' && r.guid === guid && r.atMs > now - STALE_AFTER_MS,
    );

    for (const product of sunset.products) {
      const hushed = silent || !inScope(product);
      for (const milestone of product.milestones) {
        if (milestone.at === null) continue;
        let key = milestoneKey(guid, product.name, milestone.rawAction ?? milestone.action);
        // The same product and action twice in one notice: keep both, apart.
        for (let n = 2; seenKeys.has(key); n++)
          key = `${milestoneKey(guid, product.name, milestone.action)}#${n}`;
        seenKeys.add(key);
        const atMs = toEpoch(milestone.at);
        // Long past: nothing to remind or announce, and nothing worth keeping in the ledger
        // (recording it would only be pruned again below, run after run).
        if (atMs < now - PRUNE_AFTER_MS) continue;
        const ref: MilestoneRef = {
          guid,
          key,
          noticeTitle: notice.title,
          product,
          action: milestone.action,
          atMs,
          ...(notice.link ? { link: notice.link } : {}),
        };

        const snoozeRec = byId.get(snoozeId(key));
        if (cancelled) {
          // A cancellation's milestones are never learnt as known: `known` records are what makes
          // 已取消 news (hadPendingReminders), and a cancel for a notice never announced must stay
          // quiet at every later run, not only the first (issue 17 item 2).
          if (snoozeRec) deletes.add(snoozeRec.id);
          continue;
        }

        // Move detection: the date we last knew for this milestone, whether or not the feed
        // wrote `previous` (a publisher may forget it; a stale `previous` must not re-notify).
        const known = byId.get(knownId(key));
        const movedFrom = known && known.atMs !== atMs ? known.atMs : null;
        if (!known || movedFrom !== null) {
          writes.push({ type: 'known', id: knownId(key), guid, key, atMs, sentAt: now });
        }

        // A snooze for an older date of this milestone no longer applies.
        const snooze = snoozeRec?.type === 'snooze' && snoozeRec.atMs === atMs ? snoozeRec : null;
        if (snoozeRec && !snooze) deletes.add(snoozeRec.id);
        if (atMs < now - STALE_AFTER_MS) continue;

        const rung = planMilestone(ref, leads, snooze, byId, now, quiet);
        if (!hushed) for (const t of rung.future) wakeUps.add(t);
        if (rung.snoozeDone && snooze) deletes.add(snooze.id);

        const announceMove = movedFrom !== null && !hushed;
        if (announceMove) {
          // One notification per milestone per run: the move notice carries the countdown, so
          // any rung due now is marked as sent with it instead of firing separately.
          pending.push({ item: { ...ref, type: 'moved', fromMs: movedFrom }, sent: rung.sent });
        } else if (rung.fire !== null && !hushed) {
          pending.push({ item: { ...ref, type: 'reminder', lead: rung.fire }, sent: rung.sent });
        } else if (rung.sent.length > 0) {
          // Muted (or out of 提醒范围): the rungs pass silently, so unmuting later does not replay them.
          for (const s of rung.sent) writes.push({ ...s, notificationId: '' });
        }
      }
    }

    // 已取消: once, and only to a user who had reminders pending for this notice.
    const cancelRec = byId.get(cancelId(guid));
    // 仅与我相关: a cancellation is news if it names a product seen (or names none: it cannot tell).
    const cancelInScope = !sunset.products.length || sunset.products.some(inScope);
    if (cancelled && !cancelRec && hadPendingReminders && !silent && cancelInScope) {
      pending.push({
        item: {
          type: 'cancelled',
          guid,
          noticeTitle: notice.title,
          products: sunset.products.map((p) => p.name),
          ...(notice.link ? { link: notice.link } : {}),
        },
        sent: [],
        cancel: { guid },
      });
    } else if (!cancelled && cancelRec) {
      // Withdrawn cancellation: a later cancel is news again.
      deletes.add(cancelRec.id);
    }
  }

  // Old records go; everything else stays (a notice dropped from the feed may come back).
  for (const record of input.ledger) {
    if (record.type !== 'cancel' && record.atMs < now - PRUNE_AFTER_MS) deletes.add(record.id);
  }

  const notifications = merge(pending, now, writes);
  for (const w of writes) deletes.delete(w.id);
  const alarms = [...wakeUps]
    .sort((a, b) => a - b)
    .slice(0, Math.max(0, maxAlarms))
    .map((when) => ({ name: `${ALARM_PREFIX}${when}`, when }));
  return { notifications, writes, deletes: [...deletes], alarms };
}

interface RungPlan {
  /** The lead to announce now (most urgent due rung; SNOOZED_LEAD for a snooze), or null. */
  fire: number | null;
  /** Rungs to record as sent in this run. */
  sent: Omit<SentRecord, 'notificationId'>[];
  /** Times still ahead that need an alarm. */
  future: number[];
  /** The snooze fired (or can never fire) and should be removed. */
  snoozeDone: boolean;
}

function planMilestone(
  ref: MilestoneRef,
  leads: readonly number[],
  snooze: SnoozeRecord | null,
  byId: ReadonlyMap<string, LedgerRecord>,
  now: number,
  quiet: (t: number, atMs: number) => number,
): RungPlan {
  const { atMs, key, guid } = ref;
  const sentFor = (lead: number) => {
    const r = byId.get(sentId(key, lead));
    return r?.type === 'sent' && r.atMs === atMs;
  };
  // The most urgent rung already shown for this date: less urgent ones never fire after it
  // (e.g. a lead time added in the options later, whose moment has passed).
  const shownLeads = leads.filter(sentFor);
  const mostUrgentShown = shownLeads.length > 0 ? Math.min(...shownLeads) : Infinity;

  const due: number[] = [];
  const future: number[] = [];
  const sent: Omit<SentRecord, 'notificationId'>[] = [];
  for (const lead of leads) {
    if (sentFor(lead)) continue;
    let t: number | null = atMs - lead * MINUTE;
    // 明天提醒 holds back the rungs before the snooze ends; the cutoff itself is never held.
    if (snooze && lead > 0 && t < snooze.until) t = snooze.until < atMs ? snooze.until : null;
    if (t === null) continue;
    t = quiet(t, atMs);
    if (t <= now) due.push(lead);
    else future.push(t);
  }
  let snoozeDue = false;
  let snoozeDone = false;
  if (snooze) {
    if (snooze.until >= atMs)
      snoozeDone = true; // the cutoff reminder covers it
    else {
      const t = quiet(snooze.until, atMs);
      if (t <= now) snoozeDue = snoozeDone = true;
      else future.push(t);
    }
  }

  for (const lead of due) {
    sent.push({ type: 'sent', id: sentId(key, lead), guid, key, lead, atMs, sentAt: now });
  }
  // Catch-up after a closed or sleeping browser: only the most urgent missed rung speaks.
  const urgent = due.length > 0 ? Math.min(...due) : null;
  let fire: number | null = urgent !== null && urgent < mostUrgentShown ? urgent : null;
  if (fire === null && snoozeDue) fire = SNOOZED_LEAD;
  return { fire, sent, future, snoozeDone };
}

function suffixFor(item: DueItem): string {
  switch (item.type) {
    case 'reminder':
      return `${stableHash(item.key)}.${item.lead}.${item.atMs}`;
    case 'moved':
      return `${stableHash(item.key)}.moved.${item.atMs}`;
    case 'cancelled':
      return 'cancelled';
  }
}

/** Gives each pending item its notification (or one summary) and completes its ledger records. */
function merge(pending: Pending[], now: number, writes: LedgerRecord[]): PlannedNotification[] {
  const out: PlannedNotification[] = [];
  const record = (p: Pending, id: string) => {
    for (const s of p.sent) writes.push({ ...s, notificationId: id });
    const item = p.item;
    if (item.type !== 'cancelled') {
      // The last notification about this milestone, so 明天提醒 on it knows what to snooze.
      const lead = item.type === 'reminder' ? item.lead : MOVED_LEAD;
      writes.push({
        type: 'sent',
        id: shownId(item.key),
        guid: item.guid,
        key: item.key,
        lead,
        atMs: item.atMs,
        sentAt: now,
        notificationId: id,
      });
    }
    if (p.cancel) {
      writes.push({
        type: 'cancel',
        id: cancelId(p.cancel.guid),
        guid: p.cancel.guid,
        atMs: 0,
        sentAt: now,
        notificationId: id,
      });
    }
  };
  // Milestones of one notice at one instant and rung (two solutions that stop taking orders and
  // hide their history at the same minute, as in the 2023-02-10 notice) are one event for a
  // merchant: one notification, and one toward the summary threshold.
  const groups = new Map<string, Pending[]>();
  for (const p of pending) {
    const i = p.item;
    const key =
      i.type === 'cancelled'
        ? `cancelled|${i.guid}`
        : `${i.type}|${i.guid}|${i.atMs}|${i.type === 'reminder' ? i.lead : i.fromMs}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  if (groups.size > MERGE_ABOVE) {
    const id = notificationId(SUMMARY_GUID, String(now));
    for (const p of pending) record(p, id);
    out.push({ id, items: pending.map((p) => p.item) });
    return out;
  }
  for (const group of groups.values()) {
    const first = group[0]!.item;
    const id = notificationId(first.guid, suffixFor(first));
    for (const p of group) record(p, id);
    out.push({ id, items: group.map((p) => p.item) });
  }
  return out;
}

/**
 * The ledger records for 明天提醒 on a notification: one snooze per milestone it announced,
 * until `now` + 24 h. `records` are the ledger records written with that notification.
 */
export function snoozeRecords(
  records: readonly LedgerRecord[],
  notificationId: string,
  now: number,
): SnoozeRecord[] {
  const out = new Map<string, SnoozeRecord>();
  for (const r of records) {
    if (r.type !== 'sent' || r.notificationId !== notificationId) continue;
    out.set(r.key, {
      type: 'snooze',
      id: snoozeId(r.key),
      guid: r.guid,
      key: r.key,
      atMs: r.atMs,
      until: now + SNOOZE_MS,
      sentAt: now,
    });
  }
  return [...out.values()];
}
