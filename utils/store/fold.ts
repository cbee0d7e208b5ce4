// Carrying out the fold rule of precedence.ts (issue 19 item 5) inside a transaction that holds
// the notices and the reminders ledger: the poll's (notices.ts storeNotices) and a capture's save
// (local.ts). `planFold` is pure: records in, record and ledger changes out.
import type { Notice } from '../notice/schema.ts';
import type { LedgerEntry, StoredNotice } from './db.ts';
import { folds, type Fold } from './precedence.ts';

/** The ledger's records as far as folding reads them (utils/reminders/ledger-record.ts writes them). */
interface LedgerRow {
  id: string;
  guid: string;
  key?: string;
  [field: string]: unknown;
}

export interface FoldPlan {
  folds: Fold[];
  /** Records to write: the local notices that keep some products, the notices that took some over. */
  puts: StoredNotice[];
  /** Local notices left with no product. */
  deletes: string[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** What the folds found in `records` change. */
export function planFold(records: readonly StoredNotice[], now: number): FoldPlan {
  const found = folds(records);
  if (found.length === 0) return { folds: [], puts: [], deletes: [] };
  const byGuid = new Map(records.map((r) => [r.guid, r]));
  const puts = new Map<string, StoredNotice>();
  const deletes: string[] = [];
  const byLocal = groupBy(found, (f) => f.local);
  for (const [guid, its] of byLocal) {
    const local = byGuid.get(guid)!;
    const gone = new Set(its.map((f) => f.product));
    const sunset = local.notice.sunset!;
    const kept = sunset.products.filter((p) => !gone.has(p.name));
    if (kept.length === 0) deletes.push(guid);
    else {
      const notice: Notice = { ...local.notice, sunset: { ...sunset, products: kept } };
      puts.set(guid, { ...local, notice });
    }
    for (const [into, toInto] of groupBy(its, (f) => f.into)) {
      const target = puts.get(into) ?? byGuid.get(into)!;
      const confirms = (target.confirms ?? []).filter((c) => c.guid !== guid);
      const before = target.confirms?.find((c) => c.guid === guid)?.products ?? [];
      confirms.push({
        guid,
        title: local.notice.title,
        products: [...new Set([...before, ...toInto.map((f) => f.product)])],
        at: now,
      });
      puts.set(into, { ...target, confirms });
    }
  }
  return { folds: found, puts: [...puts.values()], deletes };
}

/**
 * The ledger records of folded products under the feed's product instead (`guid|product|…` keys,
 * utils/reminders/ledger-record.ts): a reminder already shown for the capture is not shown again
 * for the feed's copy. A record the feed's product already has is kept as it is. A removed local
 * notice's other records (its 已取消 mark) go.
 */
export function moveLedger(
  ledger: readonly LedgerRow[],
  plan: Pick<FoldPlan, 'folds' | 'deletes'>,
): { puts: LedgerRow[]; deletes: string[] } {
  const existing = new Set(ledger.map((r) => r.id));
  const puts: LedgerRow[] = [];
  const deletes: string[] = [];
  for (const record of ledger) {
    const fold = plan.folds.find(
      (f) => f.local === record.guid && record.key?.startsWith(`${f.local}|${f.product}|`),
    );
    if (fold && record.key !== undefined && record.id.startsWith(record.key)) {
      const key = `${fold.into}|${fold.intoProduct}|${record.key.slice(`${fold.local}|${fold.product}|`.length)}`;
      const id = `${key}${record.id.slice(record.key.length)}`;
      if (!existing.has(id)) puts.push({ ...record, id, guid: fold.into, key });
      deletes.push(record.id);
    } else if (plan.deletes.includes(record.guid)) deletes.push(record.id);
  }
  return { puts, deletes };
}

/** The two stores of the caller's transaction, as far as folding uses them. */
export interface FoldStores {
  notices: {
    getAll(): Promise<StoredNotice[]>;
    put(record: StoredNotice): Promise<unknown>;
    delete(guid: string): Promise<unknown>;
  };
  ledger: {
    index(name: 'guid'): { getAll(guid: string): Promise<LedgerEntry[]> };
    put(record: LedgerEntry): Promise<unknown>;
    delete(id: string): Promise<unknown>;
  };
}

/**
 * Applies the fold rule to everything stored, in the caller's transaction over `notices` and
 * `ledger`, and returns the folds made. Call it after the writes that may make a fold.
 */
export async function applyFold(stores: FoldStores, now: number): Promise<Fold[]> {
  const plan = planFold(await stores.notices.getAll(), now);
  if (plan.folds.length === 0) return [];
  const locals = [...new Set(plan.folds.map((f) => f.local))];
  const ledger = (await Promise.all(locals.map((guid) => stores.ledger.index('guid').getAll(guid)))).flat();
  const moves = moveLedger(ledger as unknown as LedgerRow[], plan);
  await Promise.all([
    ...plan.puts.map((r) => stores.notices.put(r)),
    ...plan.deletes.map((guid) => stores.notices.delete(guid)),
    ...moves.deletes.map((id) => stores.ledger.delete(id)),
    ...moves.puts.map((r) => stores.ledger.put(r as unknown as LedgerEntry)),
  ]);
  return plan.folds;
}
