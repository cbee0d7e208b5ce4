// Reading and writing notices and feed state. Everything goes through the database from
// openSunsetDb; each poll writes in ONE transaction, so a worker killed mid-poll leaves either
// the old state or the new one, never half of each.
import type { Notice } from '../notice/schema.ts';
import type { FeedState, StoredNotice, SunsetDatabase } from './db.ts';
import { mergeChanges, noticeChanges } from './notice-changes.ts';
import { contentHash } from './notice-hash.ts';

export interface HashedNotice {
  notice: Notice;
  hash: string;
}

export interface Source {
  origin: StoredNotice['origin'];
  feedUrl?: string;
}

/** Hashes before any transaction opens: an await on crypto inside one would let it commit early. */
export async function hashNotices(notices: Notice[]): Promise<HashedNotice[]> {
  return Promise.all(notices.map(async (notice) => ({ notice, hash: await contentHash(notice) })));
}

function updatedMs(notice: Notice): number | undefined {
  const at = notice.sunset?.updated;
  return at ? Date.parse(at) : undefined;
}

/**
 * The record to write for an incoming notice, or null when nothing should change. Rules:
 * fetched data supersedes the bundled copy; the bundled copy never overwrites fetched data; an
 * older version (by `sunset.updated`, e.g. from a second feed) never replaces a newer one; read,
 * muted and banner state survive updates; an update marks what changed, except on a bundled
 * notice nobody has read yet (a fresh install should not show everything as 已更新).
 */
export function mergeNotice(
  existing: StoredNotice | undefined,
  incoming: HashedNotice,
  source: Source,
  now: number,
): StoredNotice | null {
  const { notice, hash } = incoming;
  if (!existing) {
    const record: StoredNotice = {
      guid: notice.guid,
      notice,
      origin: source.origin,
      hash,
      firstSeenAt: now,
      updatedAt: now,
      read: false,
      muted: false,
    };
    if (source.feedUrl) record.feedUrl = source.feedUrl;
    return record;
  }
  if (source.origin === 'bundled' && existing.origin === 'feed') return null;
  if (existing.hash === hash) {
    if (existing.origin === source.origin && existing.feedUrl === source.feedUrl) return null;
    if (source.origin === 'bundled') return null;
    // The same content now confirmed by a feed: it stops being the bundled copy.
    return { ...existing, origin: 'feed', ...(source.feedUrl ? { feedUrl: source.feedUrl } : {}) };
  }
  if (existing.origin === 'feed' && source.origin === 'feed') {
    const before = updatedMs(existing.notice);
    const after = updatedMs(notice);
    if (before !== undefined && after !== undefined && after < before) return null;
  }
  const markChanges = existing.read || existing.origin === 'feed' || existing.changes !== undefined;
  const changes = markChanges
    ? mergeChanges(existing.changes, noticeChanges(existing.notice, notice))
    : undefined;
  const record: StoredNotice = { ...existing, notice, hash, origin: source.origin, updatedAt: now };
  if (source.feedUrl) record.feedUrl = source.feedUrl;
  else delete record.feedUrl;
  if (changes) record.changes = changes;
  else delete record.changes;
  return record;
}

export interface UpsertSummary {
  added: string[];
  updated: string[];
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

/**
 * Upserts notices by guid and updates the feed's state in one transaction. Notices missing
 * from this fetch are kept (a feed that drops an item must not erase what the user was told).
 *
 * Speed (docs/BENCHMARKS.md, Polling): the store is read ONCE (`getAll`, together with the feed
 * state) and the writes are issued without awaiting each, then awaited together. Awaiting a get
 * and a put per notice in turn made 500 notices 1,000 round trips to the IndexedDB backend.
 * Unchanged notices are not written at all.
 */
export async function storeNotices(
  db: SunsetDatabase,
  notices: HashedNotice[],
  source: Source,
  now: number,
  feedUpdate?: { url: string; update: (previous: FeedState) => FeedState },
): Promise<UpsertSummary> {
  const tx = db.transaction(['notices', 'feeds'], 'readwrite');
  const store = tx.objectStore('notices');
  const feeds = tx.objectStore('feeds');
  const summary: UpsertSummary = { added: [], updated: [] };
  const writes: Promise<unknown>[] = [];
  try {
    const [all, previousFeed] = await Promise.all([
      notices.length > 0 ? store.getAll() : Promise.resolve([]),
      feedUpdate ? feeds.get(feedUpdate.url) : Promise.resolve(undefined),
    ]);
    // Kept up to date as we go, so a guid that appears twice in one batch sees its first copy,
    // exactly as when each notice was read from the store after the previous one was written.
    const current = new Map(all.map((record) => [record.guid, record]));
    for (const incoming of notices) {
      const existing = current.get(incoming.notice.guid);
      const record = mergeNotice(existing, incoming, source, now);
      if (!record) continue;
      current.set(record.guid, record);
      writes.push(store.put(record));
      if (!existing) summary.added.push(record.guid);
      else if (existing.hash !== record.hash) summary.updated.push(record.guid);
    }
    if (feedUpdate) {
      writes.push(feeds.put(feedUpdate.update(previousFeed ?? emptyFeedState(feedUpdate.url))));
    }
    await Promise.all(writes);
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

/** Seeds the notices bundled in the build; never touches anything fetched. */
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
  return db.getAll('notices');
}

async function patchNotices(
  db: SunsetDatabase,
  guids: string[] | null,
  patch: (record: StoredNotice) => StoredNotice | null,
): Promise<number> {
  const tx = db.transaction('notices', 'readwrite');
  let count = 0;
  const records = guids ? await Promise.all(guids.map((g) => tx.store.get(g))) : await tx.store.getAll();
  for (const record of records) {
    if (!record) continue;
    const next = patch(record);
    if (!next) continue;
    await tx.store.put(next);
    count++;
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
