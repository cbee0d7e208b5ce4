// Reading and writing notices and feed state. Everything goes through the database from
// openSunsetDb; each poll writes in ONE transaction, so a worker killed mid-poll leaves either
// the old state or the new one, never half of each. Schema v3: one record per notice, keyed by
// guid; which copy of a notice wins is precedence.ts's to decide.
import type { Notice } from '../notice/schema.ts';
import type { FeedState, Origin, StoredNotice, SunsetDatabase } from './db.ts';
import { mergeChanges, noticeChanges } from './notice-changes.ts';
import { contentHash } from './notice-hash.ts';
import { applyFold } from './fold.ts';
import { decide, type Fold } from './precedence.ts';

/** The object store holding the notices (for transactions that span it and another store). */
export const NOTICE_STORE = 'notices';

/**
 * Writes of notices and feed state may be `relaxed`: committed in order and atomically, only not
 * flushed to disk before the commit event. If the OS dies right then, the whole transaction
 * (notices with the feed state and its ETag) is lost together and the next poll fetches again.
 */
const WRITE_OPTIONS = { durability: 'relaxed' } as const;

export interface HashedNotice {
  notice: Notice;
  hash: string;
}

export interface Source {
  origin: Origin;
  feedUrl?: string;
}

/** Hashes before any transaction opens: an await on crypto inside one would let it commit early. */
export async function hashNotices(notices: Notice[]): Promise<HashedNotice[]> {
  return Promise.all(notices.map(async (notice) => ({ notice, hash: await contentHash(notice) })));
}

/**
 * The record to write for an incoming notice, or null when nothing should change. Which copy wins
 * is precedence.ts's decision; here the record is built: read, muted and banner state survive
 * updates; an update marks what changed, except on a bundled notice nobody has read yet (a fresh
 * install should not show everything as 已更新).
 */
export function mergeNotice(
  existing: StoredNotice | undefined,
  incoming: HashedNotice,
  source: Source,
  now: number,
): StoredNotice | null {
  const { notice, hash } = incoming;
  const decision = decide(existing && { ...existing, receivedAt: existing.updatedAt }, {
    notice,
    hash,
    origin: source.origin,
    receivedAt: now,
  });
  const withSource = (record: StoredNotice): StoredNotice => {
    if (source.feedUrl) record.feedUrl = source.feedUrl;
    else delete record.feedUrl;
    return record;
  };
  switch (decision) {
    case 'keep':
      return null;
    case 'insert':
      return withSource({
        guid: notice.guid,
        notice,
        origin: source.origin,
        hash,
        firstSeenAt: now,
        updatedAt: now,
        read: false,
        muted: false,
      });
    case 'confirm':
      // The same content now confirmed by a feed: it stops being the bundled copy.
      return withSource({ ...existing!, origin: source.origin });
    case 'replace': {
      const before = existing!;
      const markChanges = before.read || before.origin === 'feed' || before.changes !== undefined;
      const changes = markChanges
        ? mergeChanges(before.changes, noticeChanges(before.notice, notice))
        : undefined;
      const record = withSource({ ...before, notice, hash, origin: source.origin, updatedAt: now });
      if (changes) record.changes = changes;
      else delete record.changes;
      return record;
    }
  }
}

export interface UpsertSummary {
  added: string[];
  updated: string[];
  /** Local products the stored notices now confirm (precedence.ts `folds`; issue 19 item 5), if any. */
  folded?: Fold[];
}

function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already finished: nothing was left to undo.
  }
}

export function emptyFeedState(url: string): FeedState {
  return { url, failures: 0, lastSkipped: [], lastWarnings: [] };
}

/** Every stored notice, in guid order, read through a transaction that may hold other stores too. */
export function noticesIn(store: { getAll(): Promise<StoredNotice[]> }): Promise<StoredNotice[]> {
  return store.getAll();
}

/**
 * Upserts notices by guid and updates the feed's state in one transaction. Notices missing
 * from this fetch are kept (a feed that drops an item must not erase what the user was told).
 * A notice that did not change is not written.
 */
export async function storeNotices(
  db: SunsetDatabase,
  notices: HashedNotice[],
  source: Source,
  now: number,
  feedUpdate?: { url: string; update: (previous: FeedState) => FeedState },
): Promise<UpsertSummary> {
  // The ledger too: a notice that confirms a local capture takes over its reminders (fold.ts).
  const tx = db.transaction([NOTICE_STORE, 'feeds', 'ledger'], 'readwrite', WRITE_OPTIONS);
  const store = tx.objectStore(NOTICE_STORE);
  const feeds = tx.objectStore('feeds');
  const summary: UpsertSummary = { added: [], updated: [] };
  const writes: Promise<unknown>[] = [];
  try {
    // Everything read first, then decided, then written: no write is left waiting on a read.
    const guids = [...new Set(notices.map((n) => n.notice.guid))];
    const [stored, previousFeed] = await Promise.all([
      Promise.all(guids.map((guid) => store.get(guid))),
      feedUpdate ? feeds.get(feedUpdate.url) : Promise.resolve(undefined),
    ]);
    // Kept up to date as we go, so a guid that appears twice in one batch sees its first copy.
    const current = new Map(guids.map((guid, i) => [guid, stored[i]]));
    const changed = new Map<string, StoredNotice>();
    for (const incoming of notices) {
      const guid = incoming.notice.guid;
      const existing = current.get(guid);
      const record = mergeNotice(existing, incoming, source, now);
      if (!record) continue;
      current.set(guid, record);
      changed.set(guid, record);
      if (!existing) summary.added.push(guid);
      else if (existing.hash !== record.hash) summary.updated.push(guid);
    }
    for (const record of changed.values()) writes.push(store.put(record));
    if (feedUpdate) writes.push(feeds.put(feedUpdate.update(previousFeed ?? emptyFeedState(feedUpdate.url))));
    await Promise.all(writes);
    // A new or changed copy from a feed (or the build) may confirm a local capture.
    if (source.origin !== 'local' && changed.size > 0) {
      const folded = await applyFold({ notices: store, ledger: tx.objectStore('ledger') }, now);
      if (folded.length) summary.folded = folded;
    }
  } catch (error) {
    // One failed write (or an exception in our code) must leave nothing written: abort, so the
    // writes already issued are undone too. Their own rejections are expected now.
    for (const write of writes) write.catch(() => undefined);
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  return summary;
}

/** Seeds the notices bundled in the build (precedence.ts decides what they may replace). */
export async function seedBundled(
  db: SunsetDatabase,
  notices: Notice[],
  now: number,
): Promise<UpsertSummary> {
  return storeNotices(db, await hashNotices(notices), { origin: 'bundled' }, now);
}

export async function getFeedState(db: SunsetDatabase, url: string): Promise<FeedState> {
  return (await db.get('feeds', url)) ?? emptyFeedState(url);
}

/** Updates one feed's state on its own (a failed poll: no notice is touched). */
export async function updateFeedState(
  db: SunsetDatabase,
  url: string,
  update: (previous: FeedState) => FeedState,
): Promise<FeedState> {
  const tx = db.transaction('feeds', 'readwrite');
  let next: FeedState;
  try {
    next = update((await tx.store.get(url)) ?? emptyFeedState(url));
    await tx.store.put(next);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  return next;
}

export async function listNotices(db: SunsetDatabase): Promise<StoredNotice[]> {
  return db.getAll(NOTICE_STORE);
}

export async function getNotice(db: SunsetDatabase, guid: string): Promise<StoredNotice | undefined> {
  return db.get(NOTICE_STORE, guid);
}

/**
 * Writes these records as they are, replacing any stored under the same guids (no merge rules):
 * for tests and fixtures that need a stored state such as "read, with changes".
 */
export async function putStoredNotices(db: SunsetDatabase, records: StoredNotice[]): Promise<void> {
  const tx = db.transaction(NOTICE_STORE, 'readwrite', WRITE_OPTIONS);
  await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
}

/** Patches the records of `guids` (every record when null) and writes back only the changed ones. */
async function patchNotices(
  db: SunsetDatabase,
  guids: string[] | null,
  patch: (record: StoredNotice) => StoredNotice | null,
): Promise<number> {
  const tx = db.transaction(NOTICE_STORE, 'readwrite', WRITE_OPTIONS);
  let count = 0;
  try {
    const records = guids
      ? await Promise.all([...new Set(guids)].map((guid) => tx.store.get(guid)))
      : await tx.store.getAll();
    const writes: Promise<unknown>[] = [];
    for (const record of records) {
      const next = record && patch(record);
      if (!next) continue;
      writes.push(tx.store.put(next));
      count++;
    }
    await Promise.all(writes);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  await tx.done;
  return count;
}

/** Marks read and clears the 已更新 marker (the user has now seen this version). */
function markSeen(record: StoredNotice): StoredNotice | null {
  if (record.read && !record.changes) return null;
  const next = { ...record, read: true };
  delete next.changes;
  return next;
}

export function markRead(db: SunsetDatabase, guids: string[]): Promise<number> {
  return patchNotices(db, guids, markSeen);
}

export function markAllRead(db: SunsetDatabase): Promise<number> {
  return patchNotices(db, null, markSeen);
}

export function muteNotice(db: SunsetDatabase, guid: string): Promise<number> {
  return patchNotices(db, [guid], (r) => (r.muted ? null : { ...r, muted: true }));
}

export function dismissBanner(db: SunsetDatabase, guid: string, hash: string): Promise<number> {
  return patchNotices(db, [guid], (r) =>
    r.bannerDismissedHash === hash ? null : { ...r, bannerDismissedHash: hash },
  );
}
