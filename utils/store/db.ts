// The ONE module that opens IndexedDB (design.md: one module opens the database). Every reader and
// writer — the poller, the message handlers, the reminders ledger — goes through `openSunsetDb`,
// so the schema and its migrations live in one place. Each schema version has a fixture and a
// test (test/fixtures/db/, test/unit/store/db-migrations.test.ts).
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Notice } from '../notice/schema.ts';
import { bucketOf, type NoticeBucket } from './notice-buckets.ts';
import { canonicalJson } from './notice-hash.ts';

export const DB_NAME = 'sunset-watch';
/** Bump together with a new `if (oldVersion < N)` step in `upgrade` and a fixture for version N. */
export const DB_VERSION = 2;

/** What changed in the last update of a notice (shown as 已更新 with details). */
export interface NoticeChanges {
  dates?: boolean;
  replacements?: boolean;
  text?: boolean;
}

export interface StoredNotice {
  guid: string;
  notice: Notice;
  /** `bundled`: shipped in the build (feed/notices); `feed`: fetched. Fetched data supersedes bundled. */
  origin: 'bundled' | 'feed';
  feedUrl?: string;
  /** Content hash of `notice`: the notice's "version" (reminders and banners key on it). */
  hash: string;
  firstSeenAt: number;
  updatedAt: number;
  read: boolean;
  changes?: NoticeChanges;
  /** 不再提醒此公告 */
  muted: boolean;
  bannerDismissedHash?: string;
}

export interface FeedError {
  at: number;
  /** timeout | network | http | too-large | charset | redirect | parse | storage: picks the popup's words. */
  code?: string;
  message: string;
}

/** What the last fetch of a feed skipped, with why (utils/feed/parse.ts makes them). */
export type { SkippedItem } from '../feed/parse.ts';
import type { SkippedItem } from '../feed/parse.ts';

/** Poll state of one feed, keyed by its URL. */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** When a poll last succeeded (200 stored, or 304 not modified). */
  lastSuccessAt?: number;
  /** When a poll last fetched new content (a 200). */
  lastChangedAt?: number;
  lastError?: FeedError;
  /** Consecutive failures; drives the backoff. */
  failures: number;
  nextPollAt?: number;
  /** The channel's <ttl>, in minutes (a floor for the interval). */
  ttlMinutes?: number;
  title?: string;
  /** Items of the last fetched body that were skipped, with reasons. */
  lastSkipped: SkippedItem[];
  lastWarnings: string[];
  /** How many valid notices the last fetched body held. */
  lastCount?: number;
  /** Where the feed moved to (a permanent redirect, 301/308): later polls ask there. */
  movedTo?: string;
}

/** The reminders ledger (owned by the reminders engineer, created here in v1). */
export interface LedgerEntry {
  /** `guid|product|action|lead` */
  id: string;
  guid: string;
  sentAt: number;
  atMs: number;
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface SunsetDB extends DBSchema {
  /** v2: every notice, in a few bucket records (notice-buckets.ts; read and written by notices.ts). */
  noticeBuckets: { key: number; value: NoticeBucket };
  feeds: { key: string; value: FeedState };
  ledger: { key: string; value: LedgerEntry; indexes: { guid: string } };
  meta: { key: string; value: MetaRecord };
}

export type SunsetDatabase = IDBPDatabase<SunsetDB>;

/** Every store any version had, for the upgrade steps: v1's `notices` is gone since v2. */
interface SunsetDBAnyVersion extends SunsetDB {
  notices: { key: string; value: StoredNotice };
}
type UpgradeTransaction = IDBPTransaction<
  SunsetDBAnyVersion,
  StoreNames<SunsetDBAnyVersion>[],
  'versionchange'
>;

/**
 * v1 → v2: every record of `notices` (one per guid) moves into its bucket of `noticeBuckets`,
 * all its fields kept, its notice as canonical JSON (notice-buckets.ts); then `notices` goes.
 * All inside the upgrade transaction: if the worker dies half-way, the upgrade aborts and the
 * next start finds version 1 again. Written out here rather than with notice-buckets.ts's
 * helpers, so that a later layout change cannot change what this step produces.
 */
async function moveNoticesIntoBuckets(transaction: UpgradeTransaction): Promise<void> {
  const records = await transaction.objectStore('notices').getAll();
  const buckets = new Map<number, NoticeBucket>();
  for (const record of records) {
    const id = bucketOf(record.guid);
    let bucket = buckets.get(id);
    if (!bucket) buckets.set(id, (bucket = { id, notices: [] }));
    bucket.notices.push({ ...record, notice: canonicalJson(record.notice) });
  }
  const store = transaction.objectStore('noticeBuckets');
  await Promise.all([...buckets.values()].map((bucket) => store.put(bucket)));
  transaction.db.deleteObjectStore('notices');
}

/**
 * Opens (and creates or migrates) the database. Tests pass a fresh fake-indexeddb factory;
 * the extension passes nothing and gets the global `indexedDB`.
 */
export function openSunsetDb(factory?: IDBFactory): Promise<SunsetDatabase> {
  const original = globalThis.indexedDB;
  // idb's openDB uses the global indexedDB; swap in the given factory just for the open call.
  if (factory) globalThis.indexedDB = factory;
  try {
    return openDB<SunsetDB>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, upgrade) {
        const db = database as unknown as IDBPDatabase<SunsetDBAnyVersion>;
        const transaction = upgrade as unknown as UpgradeTransaction;
        // Version 1: the first schema. Later versions add `if (oldVersion < 2) { … }` steps
        // below, never edit this one, so any older database migrates step by step.
        if (oldVersion < 1) {
          db.createObjectStore('notices', { keyPath: 'guid' });
          db.createObjectStore('feeds', { keyPath: 'url' });
          const ledger = db.createObjectStore('ledger', { keyPath: 'id' });
          ledger.createIndex('guid', 'guid');
          db.createObjectStore('meta', { keyPath: 'key' });
        }
        // Version 2: notices in bucket records (notice-buckets.ts). A fresh install passes
        // through v1's `notices` store too, empty, and loses it here.
        if (oldVersion < 2) {
          db.createObjectStore('noticeBuckets', { keyPath: 'id' });
          // Anything failing in the move aborts the upgrade: the v1 data stays as it was.
          moveNoticesIntoBuckets(transaction).catch(() => {
            try {
              transaction.abort();
            } catch {
              // Already aborted by the failed request itself.
            }
          });
        }
      },
    });
  } finally {
    if (factory) globalThis.indexedDB = original;
  }
}
