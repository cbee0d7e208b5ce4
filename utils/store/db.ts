// The ONE module that opens IndexedDB (design.md: one module opens the database). Every reader and
// writer — the poller, the message handlers, the reminders ledger — goes through `openSunsetDb`,
// so the schema and its migrations live in one place. Each schema version has a fixture and a
// test (test/fixtures/db/, test/unit/store/db.test.ts).
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Notice } from '../notice/schema.ts';

export const DB_NAME = 'sunset-watch';
/** Bump together with a new step in `upgrade` and a fixture for version N (test/fixtures/db/vN.json). */
export const DB_VERSION = 4;

/** What changed in the last update of a notice (shown as 已更新 with details). */
export interface NoticeChanges {
  dates?: boolean;
  replacements?: boolean;
  text?: boolean;
}

/**
 * Where a stored notice came from. `bundled`: shipped in the build (feed/notices); `feed`: fetched;
 * `local`: captured on this device (issue 19; guids `local:…`). Which copy wins is decided in
 * one place: precedence.ts.
 */
export type Origin = 'bundled' | 'feed' | 'local';

/** Schema v3: one record per notice in the store `notices`, keyed by guid. */
export interface StoredNotice {
  guid: string;
  notice: Notice;
  origin: Origin;
  feedUrl?: string;
  /** Content hash of `notice`: the notice's "version" (reminders and banners key on it). */
  hash: string;
  firstSeenAt: number;
  /** When this version was stored (for a fetched copy: the fetch), also what precedence.ts orders a far-future `updated` by. */
  updatedAt: number;
  read: boolean;
  changes?: NoticeChanges;
  /** 不再提醒此公告 */
  muted: boolean;
  bannerDismissedHash?: string;
  /** Local captures whose products this notice confirmed and took over (issue 19 item 5; precedence.ts `folds`). */
  confirms?: ConfirmedCapture[];
}

/** A local capture folded into a bundled or fetched notice: what the popup says 「已由公告来源确认」 about. */
export interface ConfirmedCapture {
  guid: string;
  title: string;
  /** The local notice's names of the products folded. */
  products: string[];
  at: number;
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

/**
 * Schema v4 (issue 20): one watched product as the content script saw it on the merchant's own
 * backend pages, keyed by its name. Nothing else about a page is kept: no text, no address
 * beyond the host and route kind, no numbers of the page's. Kept until 180 days after
 * `lastSeenAt` (utils/store/seen.ts prunes on every write and at start-up).
 */
export interface SeenProduct {
  /** The product's name as the notice gives it (what the page flagged). */
  name: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Page loads it was seen on: a tab's load, its frames (the workbench's panels) included, counts once. */
  loads: number;
  /** The most places (rows, cards, titles) naming it on one page. */
  maxPlaces: number;
  /** The most rows of plan tables (a column headed 计划…) naming it on one page: its plans. */
  maxPlans: number;
  /** Where it was seen, host and route kind (`p4p.1688.com/main.html#!/report/plan`), most recent first. */
  where: string[];
}

export interface MetaRecord {
  key: string;
  value: unknown;
}

export interface SunsetDB extends DBSchema {
  /** v1 and v3: one record per notice, keyed by guid (v2 kept them in bucket records). */
  notices: { key: string; value: StoredNotice };
  feeds: { key: string; value: FeedState };
  ledger: { key: string; value: LedgerEntry; indexes: { guid: string } };
  meta: { key: string; value: MetaRecord };
  /** v4: products seen on the merchant's own pages (issue 20). */
  seen: { key: string; value: SeenProduct };
}

export type SunsetDatabase = IDBPDatabase<SunsetDB>;

/** v2's layout: every notice in one of eight bucket records, its content as canonical JSON text. */
interface V2Bucket {
  id: number;
  notices: (Omit<StoredNotice, 'notice'> & { notice: string })[];
}

/** Every store any version had, for the upgrade steps: v2's `noticeBuckets` is gone since v3. */
interface SunsetDBAnyVersion extends SunsetDB {
  noticeBuckets: { key: number; value: V2Bucket };
}
type UpgradeTransaction = IDBPTransaction<
  SunsetDBAnyVersion,
  StoreNames<SunsetDBAnyVersion>[],
  'versionchange'
>;

/**
 * v2 → v3: each row of each bucket becomes its own record again, all its fields kept, its notice
 * parsed back from the JSON text; then `noticeBuckets` goes. All inside the upgrade transaction:
 * if the worker dies half-way, the upgrade aborts and the next start finds version 2 again.
 */
async function moveBucketsIntoNotices(transaction: UpgradeTransaction): Promise<void> {
  const buckets = await transaction.objectStore('noticeBuckets').getAll();
  // Every row parsed before the first write, so a broken one stops the step before it wrote.
  const records = buckets.flatMap((bucket) =>
    bucket.notices.map((row) => ({ ...row, notice: JSON.parse(row.notice) as Notice })),
  );
  const store = transaction.objectStore('notices');
  await Promise.all(records.map((record) => store.put(record)));
  transaction.db.deleteObjectStore('noticeBuckets');
}

function upgrade(
  db: IDBPDatabase<SunsetDBAnyVersion>,
  oldVersion: number,
  transaction: UpgradeTransaction,
): void {
  // Version 1: the first schema, whose notice store v3 has again. Later versions add steps below.
  if (oldVersion < 1) {
    db.createObjectStore('notices', { keyPath: 'guid' });
    db.createObjectStore('feeds', { keyPath: 'url' });
    const ledger = db.createObjectStore('ledger', { keyPath: 'id' });
    ledger.createIndex('guid', 'guid');
    db.createObjectStore('meta', { keyPath: 'key' });
  }
  // Version 2 held notices in buckets (bought for a 500-notice benchmark; real feeds hold tens,
  // issue 17 item 6). A version 1 database already has v3's layout and needs no step.
  if (oldVersion === 2) {
    db.createObjectStore('notices', { keyPath: 'guid' });
    // Anything failing in the move aborts the upgrade: the v2 data stays as it was.
    moveBucketsIntoNotices(transaction).catch(() => {
      try {
        transaction.abort();
      } catch {
        // Already aborted by the failed request itself.
      }
    });
  }
  // Version 4 (issue 20): the products seen on the merchant's pages, in a store of their own.
  if (oldVersion < 4) db.createObjectStore('seen', { keyPath: 'name' });
}

/**
 * Opens (and creates or migrates) the database in `factory`: the worker's own `indexedDB` unless
 * told (tests pass a fresh fake-indexeddb factory). idb's openDB opens only the global one, so
 * this is its open with the factory as a parameter: the request wrapped by idb's `wrap`.
 */
export function openSunsetDb(factory: IDBFactory = indexedDB): Promise<SunsetDatabase> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.addEventListener('upgradeneeded', (event) => {
    const transaction = wrap(request.transaction!) as unknown as UpgradeTransaction;
    // A failed upgrade is reported by the open request (what this returns), not by this.
    transaction.done.catch(() => undefined);
    upgrade(
      wrap(request.result) as unknown as IDBPDatabase<SunsetDBAnyVersion>,
      event.oldVersion,
      transaction,
    );
  });
  return wrap(request) as unknown as Promise<SunsetDatabase>;
}
