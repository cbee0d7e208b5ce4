// Products seen on the merchant's own backend pages (issue 20), kept by the background in the
// `seen` store (schema v4, db.ts), one record per product name. The rules are pure, the clock
// passed in: a page's report moves "last seen" on, counts a page load, raises the largest number
// of places and plans on one page and notes where; a record goes 180 days after it was last
// seen, pruned on every write and at start-up, and hidden once expired even before that.
// Records are read back through a schema: one that fails it is dropped, with its reason logged.
import * as v from 'valibot';
import type { Places } from '../page/seen-report.ts';
import type { SeenProduct, SunsetDatabase } from './db.ts';

export const SEEN_STORE = 'seen';
const DAY = 24 * 3600_000;
/** Issue 20: 180 days since last seen. */
export const SEEN_KEEP_MS = 180 * DAY;
/** How many recent places (host and route kind) a record keeps. */
export const WHERE_KEPT = 5;

/** What one page load or route reports of one product: its name and what seen-report.ts counted. */
export type SeenOnPage = Places & { name: string };

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Time = v.pipe(v.number(), v.finite());
export const SeenProductSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  firstSeenAt: Time,
  lastSeenAt: Time,
  loads: Count,
  maxPlaces: Count,
  maxPlans: Count,
  where: v.array(v.string()),
});

export function expired(record: SeenProduct, now: number): boolean {
  return now - record.lastSeenAt > SEEN_KEEP_MS;
}

/**
 * The record after a report. `newLoad`: the first report of this product in the tab's current
 * page load (the background decides, entrypoints/background/seen.ts). An expired record starts
 * over, as if it had been pruned already.
 */
export function mergeSeen(
  before: SeenProduct | undefined,
  seen: SeenOnPage,
  where: string,
  newLoad: boolean,
  now: number,
): SeenProduct {
  const kept = before && !expired(before, now) ? before : undefined;
  const recent = [where, ...(kept?.where ?? []).filter((w) => w !== where)].filter(Boolean);
  return {
    name: seen.name,
    firstSeenAt: kept?.firstSeenAt ?? now,
    lastSeenAt: now,
    loads: (kept?.loads ?? 0) + (newLoad || !kept ? 1 : 0),
    maxPlaces: Math.max(kept?.maxPlaces ?? 0, seen.places),
    maxPlans: Math.max(kept?.maxPlans ?? 0, Math.min(seen.plans, seen.places)),
    where: recent.slice(0, WHERE_KEPT),
  };
}

/** The stored records that read as records; the others with why not. */
function readable(raw: unknown[]): { records: SeenProduct[]; broken: { key: unknown; why: string }[] } {
  const records: SeenProduct[] = [];
  const broken: { key: unknown; why: string }[] = [];
  for (const r of raw) {
    const parsed = v.safeParse(SeenProductSchema, r);
    if (parsed.success) records.push(parsed.output);
    else broken.push({ key: (r as { name?: unknown } | null)?.name, why: parsed.issues[0].message });
  }
  return { records, broken };
}

/** Deletes, inside `store`'s transaction, the expired records and those that no longer read. */
async function pruneIn(
  store: { getAll(): Promise<unknown[]>; delete(key: string): Promise<void> },
  now: number,
): Promise<{ kept: SeenProduct[]; deleted: number }> {
  const raw = await store.getAll();
  const { records, broken } = readable(raw);
  const gone = records.filter((r) => expired(r, now)).map((r) => r.name);
  for (const b of broken) {
    console.warn(`[Sunset Watch] seen record ${JSON.stringify(b.key)} dropped: ${b.why}`);
    if (typeof b.key === 'string') gone.push(b.key);
  }
  await Promise.all(gone.map((name) => store.delete(name)));
  return { kept: records.filter((r) => !expired(r, now)), deleted: gone.length };
}

/**
 * Stores one page's report in one transaction, pruning first. Returns the names that had no
 * live record before (newly seen: the badge and reminders change).
 */
export async function recordSeen(
  db: SunsetDatabase,
  seen: readonly SeenOnPage[],
  where: string,
  newLoads: ReadonlySet<string>,
  now: number,
): Promise<string[]> {
  const tx = db.transaction(SEEN_STORE, 'readwrite');
  const { kept } = await pruneIn(tx.store, now);
  const before = new Map(kept.map((r) => [r.name, r]));
  const writes = seen.map((s) =>
    tx.store.put(mergeSeen(before.get(s.name), s, where, newLoads.has(s.name), now)),
  );
  await Promise.all([...writes, tx.done]);
  return seen.filter((s) => !before.has(s.name)).map((s) => s.name);
}

/** Every live record, the most recently seen first. */
export async function listSeen(db: SunsetDatabase, now: number): Promise<SeenProduct[]> {
  const { records } = readable(await db.getAll(SEEN_STORE));
  return records.filter((r) => !expired(r, now)).sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

/** Deletes what expired (start-up). Returns how many records went. */
export async function pruneSeen(db: SunsetDatabase, now: number): Promise<number> {
  const tx = db.transaction(SEEN_STORE, 'readwrite');
  const { deleted } = await pruneIn(tx.store, now);
  await tx.done;
  return deleted;
}

/** 清除使用记录 */
export async function clearSeen(db: SunsetDatabase): Promise<void> {
  const tx = db.transaction(SEEN_STORE, 'readwrite');
  await Promise.all([tx.store.clear(), tx.done]);
}
