// The seen-record rules (issue 20), with an injected clock: first and last seen, page loads, the
// largest number of places and plans on one page, where; 180 days since last seen, pruned on
// every write and at start-up and never shown once expired; a damaged record dropped with why.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSunsetDb, type SeenProduct } from '../../../utils/store/db.ts';
import {
  clearSeen,
  listSeen,
  mergeSeen,
  pruneSeen,
  recordSeen,
  SEEN_KEEP_MS,
  WHERE_KEPT,
} from '../../../utils/store/seen.ts';

const T0 = Date.parse('2026-06-01T09:00:00+08:00');
const DAY = 24 * 3600_000;
const PLAN = 'p4p.1688.com/main.html#!/report/plan';
const PANEL = 'air.1688.com/app/marketing/panel.html';

const report = (name: string, places: number, plans = 0) => ({ name, places, plans });

afterEach(() => vi.restoreAllMocks());

describe('mergeSeen', () => {
  it('starts a record at the first report: first and last seen now, one page load', () => {
    expect(mergeSeen(undefined, report('家居百货解决方案', 3, 2), PLAN, true, T0)).toEqual({
      name: '家居百货解决方案',
      firstSeenAt: T0,
      lastSeenAt: T0,
      loads: 1,
      maxPlaces: 3,
      maxPlans: 2,
      where: [PLAN],
    });
    // Not the first in its tab's page load, but the first record: still one page load.
    expect(mergeSeen(undefined, report('x方案', 1), PLAN, false, T0).loads).toBe(1);
  });

  it('keeps the largest number of places and of plans on one page, never lowering them', () => {
    let r = mergeSeen(undefined, report('家居百货解决方案', 5, 5), PLAN, true, T0);
    // A filtered report, a page of fewer rows, a card: the largest stays.
    r = mergeSeen(r, report('家居百货解决方案', 1, 0), PANEL, true, T0 + DAY);
    r = mergeSeen(r, report('家居百货解决方案', 2, 2), PLAN, false, T0 + 2 * DAY);
    expect(r).toMatchObject({ maxPlaces: 5, maxPlans: 5, firstSeenAt: T0, lastSeenAt: T0 + 2 * DAY });
    // More on a later page: raised.
    r = mergeSeen(r, report('家居百货解决方案', 9, 7), PLAN, true, T0 + 3 * DAY);
    expect(r).toMatchObject({ maxPlaces: 9, maxPlans: 7 });
  });

  it('counts a page load only when told it is a new one', () => {
    let r = mergeSeen(undefined, report('a方案', 1), PLAN, true, T0);
    r = mergeSeen(r, report('a方案', 1), PLAN, false, T0 + 1000); // a route change, same load
    r = mergeSeen(r, report('a方案', 1), PANEL, false, T0 + 2000); // a panel of the same load
    r = mergeSeen(r, report('a方案', 1), PLAN, true, T0 + 3000); // the next load
    expect(r.loads).toBe(2);
  });

  it('keeps the most recent places first, each once, at most a few', () => {
    let r = mergeSeen(undefined, report('a方案', 1), PLAN, true, T0);
    r = mergeSeen(r, report('a方案', 1), PANEL, true, T0 + 1);
    r = mergeSeen(r, report('a方案', 1), PLAN, true, T0 + 2);
    expect(r.where).toEqual([PLAN, PANEL]);
    for (let i = 0; i < 10; i++)
      r = mergeSeen(r, report('a方案', 1), `work.1688.com/p${i}`, true, T0 + 3 + i);
    expect(r.where).toHaveLength(WHERE_KEPT);
    expect(r.where[0]).toBe('work.1688.com/p9');
    // A report from nowhere we can name adds no place.
    expect(mergeSeen(r, report('a方案', 1), '', true, T0 + 20).where).toEqual(r.where);
  });

  it('never counts more plans than places', () => {
    expect(mergeSeen(undefined, report('a方案', 2, 5), PLAN, true, T0).maxPlans).toBe(2);
  });

  it('starts over from a record that expired (as if pruned): its old counts are gone', () => {
    const old = mergeSeen(undefined, report('a方案', 8, 8), PLAN, true, T0);
    const later = T0 + SEEN_KEEP_MS + 1;
    expect(mergeSeen(old, report('a方案', 1), PANEL, false, later)).toEqual({
      name: 'a方案',
      firstSeenAt: later,
      lastSeenAt: later,
      loads: 1,
      maxPlaces: 1,
      maxPlans: 0,
      where: [PANEL],
    });
    // One millisecond before: still the same record.
    expect(mergeSeen(old, report('a方案', 1), PANEL, false, T0 + SEEN_KEEP_MS).firstSeenAt).toBe(T0);
  });
});

describe('the seen store', () => {
  const db = () => openSunsetDb(new IDBFactory());

  it('records a report in one transaction and says which products are new', async () => {
    const d = await db();
    const names = await recordSeen(
      d,
      [report('a方案', 2, 2), report('b方案', 1)],
      PLAN,
      new Set(['a方案', 'b方案']),
      T0,
    );
    expect(names).toEqual(['a方案', 'b方案']);
    expect(
      await recordSeen(d, [report('a方案', 1), report('c方案', 1)], PANEL, new Set(), T0 + 1000),
    ).toEqual(['c方案']);
    const all = await listSeen(d, T0 + 2000);
    // The most recently seen first.
    expect(all.map((r) => r.name)).toEqual(['a方案', 'c方案', 'b方案']);
    expect(all[0]).toMatchObject({ loads: 1, maxPlaces: 2, maxPlans: 2, where: [PANEL, PLAN] });
  });

  it('keeps a product 180 days after it was last seen, not a moment longer', async () => {
    const d = await db();
    await recordSeen(d, [report('a方案', 1)], PLAN, new Set(['a方案']), T0);
    await recordSeen(d, [report('b方案', 1)], PLAN, new Set(['b方案']), T0 + 100 * DAY);
    // Seen again on day 100: kept from then on.
    await recordSeen(d, [report('a方案', 1)], PLAN, new Set(['a方案']), T0 + 100 * DAY);
    expect((await listSeen(d, T0 + 100 * DAY + SEEN_KEEP_MS)).map((r) => r.name)).toEqual(['a方案', 'b方案']);
    expect(await listSeen(d, T0 + 100 * DAY + SEEN_KEEP_MS + 1)).toEqual([]);
  });

  it('prunes on every write: a report deletes what expired, whatever it reports', async () => {
    const d = await db();
    await recordSeen(d, [report('old方案', 1)], PLAN, new Set(['old方案']), T0);
    await recordSeen(d, [report('new方案', 1)], PLAN, new Set(['new方案']), T0 + SEEN_KEEP_MS + 1);
    // Deleted from the store itself, not only hidden.
    expect((await d.getAll('seen')).map((r) => r.name)).toEqual(['new方案']);
  });

  it('prunes at start-up (pruneSeen): expired records go, live ones stay', async () => {
    const d = await db();
    await recordSeen(d, [report('old方案', 1)], PLAN, new Set(['old方案']), T0);
    await recordSeen(d, [report('live方案', 1)], PLAN, new Set(['live方案']), T0 + 30 * DAY);
    expect(await pruneSeen(d, T0 + SEEN_KEEP_MS + DAY)).toBe(1);
    expect((await d.getAll('seen')).map((r) => r.name)).toEqual(['live方案']);
    expect(await pruneSeen(d, T0 + SEEN_KEEP_MS + DAY)).toBe(0);
  });

  it('drops a damaged record with its reason and keeps the rest', async () => {
    const d = await db();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await recordSeen(d, [report('good方案', 1)], PLAN, new Set(['good方案']), T0);
    await d.put('seen', { name: 'broken方案', lastSeenAt: 'yesterday' } as unknown as SeenProduct);
    expect((await listSeen(d, T0)).map((r) => r.name)).toEqual(['good方案']);
    expect(await pruneSeen(d, T0)).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('broken方案'));
    expect((await d.getAll('seen')).map((r) => r.name)).toEqual(['good方案']);
  });

  it('清除使用记录 empties the store', async () => {
    const d = await db();
    await recordSeen(d, [report('a方案', 1)], PLAN, new Set(['a方案']), T0);
    await clearSeen(d);
    expect(await d.getAll('seen')).toEqual([]);
  });
});
