// Where a notice lives in IndexedDB (schema v2): in one of NOTICE_BUCKETS records of the store
// `noticeBuckets`, chosen by a hash of its guid. Why buckets and not one record per guid
// (docs/BENCHMARKS.md, Polling): IndexedDB's cost is per request, not per byte — in the
// service worker 500 puts took ≈ 27 ms, a few puts holding the same 500 notices ≈ 2–4 ms.
// Why 8: putting 500 notices in one transaction took 2.6 ms with 4 buckets, 1.9 with 8, 8.7 with
// 16 and 11 with 32 (each bucket ~80 KB with 8, ~40 KB with 16: smaller values were slower per
// byte, perhaps Chromium's inline path for values under 64 KB); fewer buckets make each
// markRead or mute rewrite more notices.
//
// In a bucket each notice's content is kept as its canonical JSON (the text its hash is computed
// from), the rest of the StoredNotice as fields. Why a string: structured clone is paid per value,
// and a notice is a tree of ~50 of them; as one string, putting 500 new notices took 1.9 ms
// instead of 4.1 and reading them back 1.2 + 0.7 ms (JSON.parse) instead of 2.3 (service worker,
// medians of 20–30). The text is the one hashing already made, so writing it costs nothing.
// Only this module, notices.ts and db.ts's v2 migration know the layout.
import type { Notice } from '../notice/schema.ts';
import type { StoredNotice } from './db.ts';
import { canonicalText, rememberCanonical } from './notice-hash.ts';

/** Never change: a notice's bucket is computed, not stored, so it must stay where it was put. */
export const NOTICE_BUCKETS = 8;

/** A notice as a bucket holds it: the StoredNotice with `notice` as its canonical JSON. */
export type NoticeRow = Omit<StoredNotice, 'notice'> & { notice: string };

export interface NoticeBucket {
  /** 0 … NOTICE_BUCKETS − 1 */
  id: number;
  notices: NoticeRow[];
}

export function toRow(record: StoredNotice): NoticeRow {
  return { ...record, notice: canonicalText(record.notice) };
}

export function fromRow(row: NoticeRow): StoredNotice {
  const notice = JSON.parse(row.notice) as Notice;
  // Written back unchanged (a markRead), it needs no canonicalJson again.
  rememberCanonical(notice, row.notice);
  return { ...row, notice };
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
