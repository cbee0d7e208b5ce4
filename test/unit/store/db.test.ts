// One test per schema version: a database written as that version (test/fixtures/db/vN.json)
// must open with the current code and keep every record.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  DB_NAME,
  DB_VERSION,
  openSunsetDb,
  type StoredNotice,
  type SunsetDatabase,
} from '../../../utils/store/db.ts';
import { bucketOf, NOTICE_BUCKETS, type NoticeBucket } from '../../../utils/store/notice-buckets.ts';
import { canonicalJson } from '../../../utils/store/notice-hash.ts';
import { getNotice, listNotices, NOTICE_STORE } from '../../../utils/store/notices.ts';
import type { Notice } from '../../../utils/notice/schema.ts';

interface DbFixture {
  version: number;
  stores: Record<string, { keyPath: string; indexes: Record<string, string> }>;
  records: Record<string, unknown[]>;
}

const fixtureDir = new URL('../../fixtures/db/', import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) as DbFixture);
const fixture = (version: number) => fixtures.find((f) => f.version === version)!;
const CURRENT_STORES = ['feeds', 'ledger', 'meta', NOTICE_STORE].sort();

const byGuid = (a: StoredNotice, b: StoredNotice) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0);

/** A bucket's rows as StoredNotices: v2 keeps each notice as its JSON text. */
const decoded = (buckets: NoticeBucket[]): StoredNotice[] =>
  buckets.flatMap((b) => b.notices.map((row) => ({ ...row, notice: JSON.parse(row.notice) as Notice })));

/** The notices a fixture holds, whatever its layout: one record per guid (v1) or buckets (v2). */
function noticesOf(f: DbFixture): StoredNotice[] {
  if (f.version === 1) return [...(f.records.notices as StoredNotice[])].sort(byGuid);
  return decoded(f.records.noticeBuckets as NoticeBucket[]).sort(byGuid);
}

/** Every store's records as they are in the database (no code of ours reading them). */
async function dump(db: SunsetDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...db.objectStoreNames]) out[name] = await db.getAll(name);
  return out;
}

/** Writes a database exactly as version N left it, with the raw IndexedDB API (no idb, no upgrade code of ours). */
function writeRaw(factory: IDBFactory, fixture: DbFixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, fixture.version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const [name, def] of Object.entries(fixture.stores)) {
        const store = db.createObjectStore(name, { keyPath: def.keyPath });
        for (const [index, keyPath] of Object.entries(def.indexes)) store.createIndex(index, keyPath);
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(Object.keys(fixture.records), 'readwrite');
      for (const [name, records] of Object.entries(fixture.records)) {
        for (const record of records) tx.objectStore(name).put(record);
      }
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('database schema', () => {
  it('has a fixture for every version up to the current one', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(
      Array.from({ length: DB_VERSION }, (_, i) => i + 1),
    );
  });

  it('creates every store of the current version on a fresh install', async () => {
    const db = await openSunsetDb(new IDBFactory());
    expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
    expect(db.transaction('ledger').store.indexNames.contains('guid')).toBe(true);
    expect(db.version).toBe(DB_VERSION);
  });

  it.each(fixtures.map((f) => [f.version, f] as const))(
    'opens a version %i database and keeps every record',
    async (_version, fixture) => {
      const factory = new IDBFactory();
      await writeRaw(factory, fixture);
      const db = await openSunsetDb(factory);
      expect(db.version).toBe(DB_VERSION);
      // Every notice with all its state, as the rest of the code reads it.
      const notices = noticesOf(fixture);
      expect(notices.length).toBeGreaterThan(0);
      expect(await listNotices(db)).toEqual(notices);
      for (const notice of notices) expect(await getNotice(db, notice.guid)).toEqual(notice);
      // The other stores record for record.
      for (const [name, records] of Object.entries(fixture.records)) {
        if (name === 'notices' || name === NOTICE_STORE) continue;
        expect(await db.getAll(name as 'meta')).toEqual(records);
      }
      // The stores of the current version exist whatever the starting version was.
      expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
      db.close();
    },
  );

  it('v1 → v2 moves every notice into its bucket, with read, muted, banner and 已更新 state', async () => {
    const v1 = fixture(1);
    const records = v1.records.notices as StoredNotice[];
    // The fixture holds each kind of state, so the comparison below is not vacuous.
    expect(records.some((r) => r.read)).toBe(true);
    expect(records.some((r) => r.muted)).toBe(true);
    expect(records.some((r) => r.bannerDismissedHash)).toBe(true);
    expect(records.some((r) => r.changes?.replacements && r.changes.text)).toBe(true);
    expect(records.some((r) => r.origin === 'bundled' && r.feedUrl === undefined)).toBe(true);
    expect(new Set(records.map((r) => bucketOf(r.guid))).size).toBeLessThan(records.length);

    const factory = new IDBFactory();
    await writeRaw(factory, v1);
    const db = await openSunsetDb(factory);
    const raw = await dump(db);
    expect(raw.notices).toBeUndefined();
    const buckets = raw[NOTICE_STORE] as NoticeBucket[];
    for (const bucket of buckets) {
      expect(bucket.id).toBeGreaterThanOrEqual(0);
      expect(bucket.id).toBeLessThan(NOTICE_BUCKETS);
      for (const notice of bucket.notices) expect(bucketOf(notice.guid)).toBe(bucket.id);
    }
    expect(decoded(buckets).sort(byGuid)).toEqual([...records].sort(byGuid));
    // Each notice is kept as its canonical JSON, the text its content hash is computed from.
    for (const bucket of buckets) {
      for (const row of bucket.notices) expect(row.notice).toBe(canonicalJson(JSON.parse(row.notice)));
    }
    db.close();

    // Opening the migrated database again changes nothing.
    const again = await openSunsetDb(factory);
    expect(await dump(again)).toEqual(raw);
    again.close();
  });

  it('opening a v2 database again is a no-op: every store exactly as written', async () => {
    const v2 = fixture(2);
    const factory = new IDBFactory();
    await writeRaw(factory, v2);
    for (let i = 0; i < 2; i++) {
      const db = await openSunsetDb(factory);
      expect(await dump(db)).toEqual(v2.records);
      db.close();
    }
  });

  it('finds each notice of the v2 fixture in the bucket it was written to (bucketOf never changes)', () => {
    const buckets = fixture(2).records.noticeBuckets as NoticeBucket[];
    expect(buckets.length).toBeGreaterThan(2);
    for (const bucket of buckets) for (const n of bucket.notices) expect(bucketOf(n.guid)).toBe(bucket.id);
  });

  it('keeps each factory separate (tests never share a database)', async () => {
    const a = await openSunsetDb(new IDBFactory());
    await a.put('meta', { key: 'k', value: 1 });
    const b = await openSunsetDb(new IDBFactory());
    expect(await b.get('meta', 'k')).toBeUndefined();
  });
});
