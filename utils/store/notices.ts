// Reading and writing notices and feed state. Everything goes through the database from
// openSunsetDb; each poll writes in ONE transaction, so a worker killed mid-poll leaves either
// the old state or the new one, never half of each.
//
// Since schema v2 the notices live in a few bucket records (notice-buckets.ts). Every read and
// write of notices goes through this module — the rest of the code sees StoredNotice only.
import type { Notice } from '../notice/schema.ts';
import type { FeedState, StoredNotice, SunsetDatabase } from './db.ts';
import { bucketOf, fromRow, toRow, type NoticeBucket, type NoticeRow } from './notice-buckets.ts';
import { mergeChanges, noticeChanges } from './notice-changes.ts';
import { contentHashes } from './notice-hash.ts';

/** The object store holding the notices (for transactions that span it and another store). */
export const NOTICE_STORE = 'noticeBuckets';

/**
 * Writes of notices and feed state may be `relaxed`: committed in order and atomically, only not
 * flushed to disk before the commit event. If the OS dies right then, the whole transaction
 * (notices with the feed state and its ETag) is lost together and the next poll fetches again.
 */
const WRITE_OPTIONS = { durability: 'relaxed' } as const;

/** What any transaction over NOTICE_STORE offers (idb's typed store fits). */
interface BucketReader {
  getAll(): Promise<NoticeBucket[]>;
}

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
  const hashes = await contentHashes(notices);
  return notices.map((notice, i) => ({ notice, hash: hashes[i]! }));
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
 * The notices of the buckets read, by guid, and the buckets to write back. A bucket is copied
 * (its own Map, in stored order, new guids at the end) only when one of its notices changes, so
 * a poll of unchanged content writes no bucket at all; its unchanged rows are put back as read.
 */
class BucketEdit {
  readonly current = new Map<string, StoredNotice>();
  private readonly stored = new Map<number, NoticeBucket>();
  private readonly changed = new Map<number, Map<string, NoticeRow>>();

  constructor(buckets: readonly (NoticeBucket | undefined)[]) {
    for (const bucket of buckets) {
      if (!bucket) continue;
      this.stored.set(bucket.id, bucket);
      for (const row of bucket.notices) this.current.set(row.guid, fromRow(row));
    }
  }

  set(record: StoredNotice): void {
    this.current.set(record.guid, record);
    const id = bucketOf(record.guid);
    let rows = this.changed.get(id);
    if (!rows) {
      rows = new Map((this.stored.get(id)?.notices ?? []).map((r) => [r.guid, r]));
      this.changed.set(id, rows);
    }
    rows.set(record.guid, toRow(record));
  }

  /** The changed buckets, ready to put. */
  buckets(): NoticeBucket[] {
    return [...this.changed].map(([id, rows]) => ({ id, notices: [...rows.values()] }));
  }
}

/** Every stored notice, in guid order (the order of the v1 store's keys). */
function flatten(buckets: readonly NoticeBucket[]): StoredNotice[] {
  const all = buckets.flatMap((bucket) => bucket.notices.map(fromRow));
  return all.sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0));
}

/** All notices, read through a transaction that also holds other stores (the reminders ledger). */
export async function noticesIn(store: BucketReader): Promise<StoredNotice[]> {
  return flatten(await store.getAll());
}

/**
 * Upserts notices by guid and updates the feed's state in one transaction. Notices missing
 * from this fetch are kept (a feed that drops an item must not erase what the user was told).
 *
 * Speed (docs/BENCHMARKS.md, Polling): the buckets are read ONCE (`getAll`, together with the
 * feed state), and only the buckets holding a new or changed notice are put back — at most
 * NOTICE_BUCKETS requests however many notices changed, none when nothing did.
 */
export async function storeNotices(
  db: SunsetDatabase,
  notices: HashedNotice[],
  source: Source,
  now: number,
  feedUpdate?: { url: string; update: (previous: FeedState) => FeedState },
): Promise<UpsertSummary> {
  const tx = db.transaction([NOTICE_STORE, 'feeds'], 'readwrite', WRITE_OPTIONS);
  const store = tx.objectStore(NOTICE_STORE);
  const feeds = tx.objectStore('feeds');
  const summary: UpsertSummary = { added: [], updated: [] };
  const writes: Promise<unknown>[] = [];
  try {
    const [buckets, previousFeed] = await Promise.all([
      notices.length > 0 ? store.getAll() : Promise.resolve([]),
      feedUpdate ? feeds.get(feedUpdate.url) : Promise.resolve(undefined),
    ]);
    // Kept up to date as we go, so a guid that appears twice in one batch sees its first copy.
    const edit = new BucketEdit(buckets);
    for (const incoming of notices) {
      const existing = edit.current.get(incoming.notice.guid);
      const record = mergeNotice(existing, incoming, source, now);
      if (!record) continue;
      edit.set(record);
      if (!existing) summary.added.push(record.guid);
      else if (existing.hash !== record.hash) summary.updated.push(record.guid);
    }
    for (const bucket of edit.buckets()) writes.push(store.put(bucket));
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
  return noticesIn(db.transaction(NOTICE_STORE).store);
}

/** One notice by guid (reads only its bucket). */
export async function getNotice(db: SunsetDatabase, guid: string): Promise<StoredNotice | undefined> {
  return findIn(await db.get(NOTICE_STORE, bucketOf(guid)), guid);
}

function findIn(bucket: NoticeBucket | undefined, guid: string): StoredNotice | undefined {
  const row = bucket?.notices.find((r) => r.guid === guid);
  return row && fromRow(row);
}

/**
 * Writes these records as they are, replacing any stored under the same guids (no merge rules):
 * for tests and fixtures that need a stored state such as "read, with changes".
 */
export async function putStoredNotices(db: SunsetDatabase, records: StoredNotice[]): Promise<void> {
  const tx = db.transaction(NOTICE_STORE, 'readwrite', WRITE_OPTIONS);
  const edit = new BucketEdit(
    await bucketsOf(
      tx.store,
      records.map((record) => record.guid),
    ),
  );
  for (const record of records) edit.set(record);
  await Promise.all(edit.buckets().map((bucket) => tx.store.put(bucket)));
  await tx.done;
}

/** The buckets holding `guids`, each read once. */
function bucketsOf(
  store: { get(id: number): Promise<NoticeBucket | undefined> },
  guids: readonly string[],
): Promise<(NoticeBucket | undefined)[]> {
  return Promise.all([...new Set(guids.map(bucketOf))].map((id) => store.get(id)));
}

/** Reads the buckets of `guids` (all buckets when null), patches, and puts back only the changed ones. */
async function patchNotices(
  db: SunsetDatabase,
  guids: string[] | null,
  patch: (record: StoredNotice) => StoredNotice | null,
): Promise<number> {
  const tx = db.transaction(NOTICE_STORE, 'readwrite', WRITE_OPTIONS);
  let count = 0;
  try {
    const edit = new BucketEdit(guids ? await bucketsOf(tx.store, guids) : await tx.store.getAll());
    for (const guid of guids ?? [...edit.current.keys()]) {
      // Read from the edit: a guid listed twice is patched on top of its first patch.
      const record = edit.current.get(guid);
      if (!record) continue;
      const next = patch(record);
      if (!next) continue;
      edit.set(next);
      count++;
    }
    await Promise.all(edit.buckets().map((bucket) => tx.store.put(bucket)));
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
