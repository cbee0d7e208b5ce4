// One test per schema version: a database written as that version (test/fixtures/db/vN.json)
// must open with the current code and keep every record.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openSunsetDb } from '../../../utils/store/db.ts';

interface DbFixture {
  version: number;
  stores: Record<string, { keyPath: string; indexes: Record<string, string> }>;
  records: Record<string, unknown[]>;
}

const fixtureDir = new URL('../../fixtures/db/', import.meta.url);
const fixtures = readdirSync(fixtureDir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) as DbFixture);

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
    expect([...db.objectStoreNames].sort()).toEqual(['feeds', 'ledger', 'meta', 'notices']);
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
      for (const [name, records] of Object.entries(fixture.records)) {
        expect(await db.getAll(name as 'notices')).toEqual(records);
      }
      // The stores of the current version exist whatever the starting version was.
      expect([...db.objectStoreNames].sort()).toEqual(['feeds', 'ledger', 'meta', 'notices']);
      db.close();
    },
  );

  it('keeps each factory separate (tests never share a database)', async () => {
    const a = await openSunsetDb(new IDBFactory());
    await a.put('meta', { key: 'k', value: 1 });
    const b = await openSunsetDb(new IDBFactory());
    expect(await b.get('meta', 'k')).toBeUndefined();
  });
});
