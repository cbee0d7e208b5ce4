// A notice's content hash: its "version". Reminders, banners and the 已更新 marker key on it,
// so it must not depend on key order or on how the feed happened to serialise the item — and it
// must never change for the same content: stored hashes and banner dismissals compare with it.
// test/unit/store/notice-hash.test.ts keeps the first version of canonicalJson (commit fd5a5f4)
// beside this one; both must give the same string.
import type { Notice } from '../notice/schema.ts';

/** JSON with object keys sorted (by UTF-16 code units) at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON, hex. crypto.subtle exists in the worker, pages and Node 20. */
export async function contentHash(notice: Notice): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalJson(notice)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
