// The reminders ledger in IndexedDB (store `ledger`, opened only through db.ts). Reading
// validates every record (a damaged one is skipped, never fatal); planning and recording happen
// in ONE readwrite transaction over the notices and `ledger`, so two runs that overlap (an alarm
// and a poll in the same instant) are serialized by IndexedDB and a reminder is recorded —
// and therefore shown — exactly once.
import * as v from 'valibot';
import { LedgerRecordSchema, type LedgerRecord } from '../reminders/ledger-record.ts';
import type { SunsetDatabase, StoredNotice } from './db.ts';
import { NOTICE_STORE, noticesIn } from './notices.ts';

function valid(raw: readonly unknown[]): LedgerRecord[] {
  return raw.flatMap((r) => {
    const parsed = v.safeParse(LedgerRecordSchema, r);
    return parsed.success ? [parsed.output] : [];
  });
}

export async function readLedger(db: SunsetDatabase): Promise<LedgerRecord[]> {
  return valid(await db.getAll('ledger'));
}

export interface LedgerChanges {
  writes: readonly LedgerRecord[];
  deletes: readonly string[];
}

/**
 * Reads notices and ledger, lets `plan` decide (synchronously, so the transaction stays open),
 * and stores its ledger changes in the same transaction. Returns the plan once committed.
 */
export async function planAndRecord<P extends LedgerChanges>(
  db: SunsetDatabase,
  plan: (notices: StoredNotice[], ledger: LedgerRecord[]) => P,
): Promise<P> {
  const tx = db.transaction([NOTICE_STORE, 'ledger'], 'readwrite');
  const notices = await noticesIn(tx.objectStore(NOTICE_STORE));
  const ledger = valid(await tx.objectStore('ledger').getAll());
  const decided = plan(notices, ledger);
  const store = tx.objectStore('ledger');
  await Promise.all([
    ...decided.deletes.map((id) => store.delete(id)),
    ...decided.writes.map((record) => store.put(record)),
  ]);
  await tx.done;
  return decided;
}

export async function applyLedger(db: SunsetDatabase, changes: LedgerChanges): Promise<void> {
  const tx = db.transaction('ledger', 'readwrite');
  await Promise.all([
    ...changes.deletes.map((id) => tx.store.delete(id)),
    ...changes.writes.map((record) => tx.store.put(record)),
  ]);
  await tx.done;
}
