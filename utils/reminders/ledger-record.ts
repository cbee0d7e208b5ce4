// The reminders ledger's records (IndexedDB store `ledger`, keyPath `id`): what has been sent,
// which milestone dates we last knew, and the user's snoozes. Every record carries the base
// fields of db.ts's `LedgerEntry` (id, guid, sentAt, atMs) so the one database schema holds
// them all; `type` tells them apart. Pure: read through utils/store/ledger.ts, which validates.
import * as v from 'valibot';

const base = {
  id: v.string(),
  guid: v.string(),
  /** When the record was written (sent, learnt, snoozed). */
  sentAt: v.number(),
  /** The milestone's date (epoch ms) the record is about: a moved date makes it stale. */
  atMs: v.number(),
};

/**
 * One rung of the ladder was shown (or passed over as less urgent). id `guid|product|action|lead`;
 * `…|shown` holds the last notification about the milestone.
 */
export const SentRecordSchema = v.object({
  ...base,
  type: v.literal('sent'),
  key: v.string(),
  lead: v.number(),
  notificationId: v.string(),
});

/** The milestone date we last knew, to notice a move exactly once. id `guid|product|action|known`. */
export const KnownRecordSchema = v.object({ ...base, type: v.literal('known'), key: v.string() });

/** 明天提醒: remind again at `until`. id `guid|product|action|snooze`. */
export const SnoozeRecordSchema = v.object({
  ...base,
  type: v.literal('snooze'),
  key: v.string(),
  until: v.number(),
});

/** The one 已取消 notification of a notice was shown. id `guid|cancel`; atMs is unused (0). */
export const CancelRecordSchema = v.object({
  ...base,
  type: v.literal('cancel'),
  notificationId: v.string(),
});

export const LedgerRecordSchema = v.variant('type', [
  SentRecordSchema,
  KnownRecordSchema,
  SnoozeRecordSchema,
  CancelRecordSchema,
]);

export type SentRecord = v.InferOutput<typeof SentRecordSchema>;
export type KnownRecord = v.InferOutput<typeof KnownRecordSchema>;
export type SnoozeRecord = v.InferOutput<typeof SnoozeRecordSchema>;
export type CancelRecord = v.InferOutput<typeof CancelRecordSchema>;
export type LedgerRecord = v.InferOutput<typeof LedgerRecordSchema>;

/** The identity of one milestone: `guid|product|action` (interfaces.md's ledger key, minus the lead). */
export function milestoneKey(guid: string, product: string, action: string): string {
  return `${guid}|${product}|${action}`;
}

export const sentId = (key: string, lead: number): string => `${key}|${lead}`;
/** The last notification shown about a milestone (lead: the rung, -1 snoozed, -2 moved). */
export const shownId = (key: string): string => `${key}|shown`;
export const knownId = (key: string): string => `${key}|known`;
export const snoozeId = (key: string): string => `${key}|snooze`;
export const cancelId = (guid: string): string => `${guid}|cancel`;
