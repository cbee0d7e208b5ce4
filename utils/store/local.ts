// Local notices (issue 19 item 5): what the merchant captured on an announcement page or from a
// selection and saved on the review page. Saved and deleted here, each in one transaction over
// the notices and the reminders ledger; which copy wins stays precedence.ts's to decide, and the
// fold rule runs in the same transaction as the save.
import type { Notice } from '../notice/schema.ts';
import { isLocalGuid } from '../capture/draft.ts';
import type { StoredNotice, SunsetDatabase } from './db.ts';
import { applyFold } from './fold.ts';
import { contentHash } from './notice-hash.ts';
import { NOTICE_STORE } from './notices.ts';
import { decide, type Fold } from './precedence.ts';

export interface SaveOutcome {
  /** The record as stored, or null when the fold rule took every product over. */
  stored: StoredNotice | null;
  /** This notice's products that a bundled or fetched notice confirms (and took over). */
  folded: Fold[];
}

/**
 * Stores a local notice, new or edited. Read, muted and first-seen state survive an edit; an
 * edit is the merchant's own, so it is not marked 已更新. Refused: a guid outside `local:`, or
 * one a feed's notice already has.
 */
export async function saveLocalNotice(db: SunsetDatabase, notice: Notice, now: number): Promise<SaveOutcome> {
  if (!isLocalGuid(notice.guid)) throw new Error(`refused: ${notice.guid} is not a local guid`);
  const hash = await contentHash(notice);
  const tx = db.transaction([NOTICE_STORE, 'ledger'], 'readwrite');
  const store = tx.objectStore(NOTICE_STORE);
  let folded: Fold[] = [];
  try {
    const existing = await store.get(notice.guid);
    if (existing && existing.origin !== 'local')
      throw new Error(`refused: ${notice.guid} is not a local notice`);
    const decision = decide(existing && { ...existing, receivedAt: existing.updatedAt }, {
      notice,
      hash,
      origin: 'local',
      receivedAt: now,
    });
    if (decision !== 'keep') {
      const record: StoredNotice = {
        guid: notice.guid,
        notice,
        origin: 'local',
        hash,
        firstSeenAt: existing?.firstSeenAt ?? now,
        updatedAt: now,
        // The merchant has just read every word of it.
        read: true,
        muted: existing?.muted ?? false,
      };
      if (existing?.bannerDismissedHash) record.bannerDismissedHash = existing.bannerDismissedHash;
      await store.put(record);
    }
    folded = await applyFold({ notices: store, ledger: tx.objectStore('ledger') }, now);
  } catch (error) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
    throw error;
  }
  await tx.done;
  return {
    stored: (await db.get(NOTICE_STORE, notice.guid)) ?? null,
    folded: folded.filter((f) => f.local === notice.guid),
  };
}

/** Deletes a local notice and its reminders' ledger; a feed's notice cannot be deleted. */
export async function deleteLocalNotice(db: SunsetDatabase, guid: string): Promise<boolean> {
  const tx = db.transaction([NOTICE_STORE, 'ledger'], 'readwrite');
  const existing = await tx.objectStore(NOTICE_STORE).get(guid);
  if (!existing) {
    await tx.done;
    return false;
  }
  if (existing.origin !== 'local') {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`refused: ${guid} is not a local notice`);
  }
  const ledger = tx.objectStore('ledger');
  const ids = await ledger.index('guid').getAllKeys(guid);
  await Promise.all([tx.objectStore(NOTICE_STORE).delete(guid), ...ids.map((id) => ledger.delete(id))]);
  await tx.done;
  return true;
}
