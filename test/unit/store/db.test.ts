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
const CURRENT_STORES = ['feeds', 'ledger', 'meta', NOTICE_STORE, 'seen'].sort();

const byGuid = (a: StoredNotice, b: StoredNotice) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0);

/** v2's layout: the notices in bucket records, each notice as its JSON text. */
interface V2Bucket {
  id: number;
  notices: (Omit<StoredNotice, 'notice'> & { notice: string })[];
}

/** A bucket's rows as StoredNotices. */
const decoded = (buckets: V2Bucket[]): StoredNotice[] =>
  buckets.flatMap((b) => b.notices.map((row) => ({ ...row, notice: JSON.parse(row.notice) as Notice })));

/** The notices a fixture holds, whatever its layout: one record per guid (v1, v3) or buckets (v2). */
function noticesOf(f: DbFixture): StoredNotice[] {
  if (f.version === 2) return decoded(f.records.noticeBuckets as V2Bucket[]).sort(byGuid);
  return [...(f.records.notices as StoredNotice[])].sort(byGuid);
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
        if (name === NOTICE_STORE || name === 'noticeBuckets') continue;
        expect(await db.getAll(name as 'meta')).toEqual(records);
      }
      // The stores of the current version exist whatever the starting version was.
      expect([...db.objectStoreNames].sort()).toEqual(CURRENT_STORES);
      db.close();
    },
  );

  it('v2 → v3 makes each bucket row its own record, with read, muted, banner and 已更新 state', async () => {
    const v2 = fixture(2);
    const rows = decoded(v2.records.noticeBuckets as V2Bucket[]);
    // The fixture holds each kind of state, so the comparison below is not vacuous.
    expect(rows.some((r) => r.read)).toBe(true);
    expect(rows.some((r) => r.muted)).toBe(true);
    expect(rows.some((r) => r.bannerDismissedHash)).toBe(true);
    expect(rows.some((r) => r.changes?.replacements && r.changes.text)).toBe(true);
    expect(rows.some((r) => r.origin === 'bundled' && r.feedUrl === undefined)).toBe(true);
    expect(rows.some((r) => r.notice.sunset?.kind === 'cancel')).toBe(true);

    const factory = new IDBFactory();
    await writeRaw(factory, v2);
    const db = await openSunsetDb(factory);
    const raw = await dump(db);
    expect(raw.noticeBuckets).toBeUndefined();
    // Exactly the v3 fixture (one record per guid, the notice an object again), and v4's empty
    // `seen` store.
    expect(raw).toEqual({ ...fixture(3).records, seen: [] });
    expect(raw.notices).toEqual(rows.sort(byGuid));
    db.close();

    // Opening the migrated database again changes nothing.
    const again = await openSunsetDb(factory);
    expect(await dump(again)).toEqual(raw);
    again.close();
  });

  it('v1 → v4 keeps the records as they are (v1 had the same layout) and adds the seen store', async () => {
    const v1 = fixture(1);
    const factory = new IDBFactory();
    await writeRaw(factory, v1);
    const db = await openSunsetDb(factory);
    const raw = await dump(db);
    expect({ ...raw, notices: (raw.notices as StoredNotice[]).sort(byGuid) }).toEqual({
      ...v1.records,
      notices: [...(v1.records.notices as StoredNotice[])].sort(byGuid),
      seen: [],
    });
    db.close();
  });

  it('v3 → v4 adds an empty seen store (issue 20) and leaves every other store as written', async () => {
    const v3 = fixture(3);
    const factory = new IDBFactory();
    await writeRaw(factory, v3);
    const db = await openSunsetDb(factory);
    expect(await dump(db)).toEqual({ ...v3.records, seen: [] });
    expect(db.transaction('seen').store.keyPath).toBe('name');
    db.close();
  });

  it('opening a v4 database again is a no-op: every store exactly as written', async () => {
    const v4 = fixture(4);
    // The fixture holds seen records, so the comparison below is not vacuous.
    expect(v4.records.seen!.length).toBeGreaterThan(0);
    const factory = new IDBFactory();
    await writeRaw(factory, v4);
    for (let i = 0; i < 2; i++) {
      const db = await openSunsetDb(factory);
      expect(await dump(db)).toEqual(v4.records);
      db.close();
    }
  });

  it('a failing v2 → v3 move aborts the upgrade and leaves version 2 as it was', async () => {
    const v2 = structuredClone(fixture(2));
    // A row whose notice is not JSON: the move throws half-way.
    (v2.records.noticeBuckets as V2Bucket[])[1]!.notices[0]!.notice = '{not json';
    const factory = new IDBFactory();
    await writeRaw(factory, v2);
    await expect(openSunsetDb(factory)).rejects.toThrow();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    expect(raw.version).toBe(2);
    expect([...raw.objectStoreNames]).toContain('noticeBuckets');
    raw.close();
  });

  it('keeps each factory separate (tests never share a database)', async () => {
    const a = await openSunsetDb(new IDBFactory());
    await a.put('meta', { key: 'k', value: 1 });
    const b = await openSunsetDb(new IDBFactory());
    expect(await b.get('meta', 'k')).toBeUndefined();
  });
});
