// Where a notice lives in IndexedDB (schema v2): in one of NOTICE_BUCKETS records of the store
// `noticeBuckets`, chosen by a hash of its guid. Why buckets and not one record per guid
// (docs/BENCHMARKS.md, Polling): IndexedDB's cost is per request, not per byte — in the
// service worker 500 puts took ≈ 27 ms, a few puts holding the same 500 notices ≈ 5 ms.
// Why 8: with 500 notices, 16 and more buckets were slower to write and read in Chromium than
// 4 or 8 (values of ~45 KB against ~90 KB), while fewer buckets make each markRead or mute
// rewrite more notices. Only this module and db.ts's v2 migration know the layout.
import type { StoredNotice } from './db.ts';

/** Never change: a notice's bucket is computed, not stored, so it must stay where it was put. */
export const NOTICE_BUCKETS = 8;

export interface NoticeBucket {
  /** 0 … NOTICE_BUCKETS − 1 */
  id: number;
  notices: StoredNotice[];
}

/** FNV-1a (32 bit) over the guid's UTF-16 code units, modulo the bucket count. Never change. */
export function bucketOf(guid: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < guid.length; i++) {
    hash ^= guid.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % NOTICE_BUCKETS;
}

/** Groups records into their buckets (only the buckets that receive a record). */
export function intoBuckets(records: Iterable<StoredNotice>): NoticeBucket[] {
  const byId = new Map<number, StoredNotice[]>();
  for (const record of records) {
    const id = bucketOf(record.guid);
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(record);
  }
  return [...byId].map(([id, notices]) => ({ id, notices }));
}
