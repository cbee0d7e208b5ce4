// A notice's content hash: its "version". Reminders, banners and the 已更新 marker key on it,
// so it must not depend on key order or on how the feed happened to serialise the item — and it
// must never change for the same content: stored hashes and banner dismissals compare with it.
//
// Speed (docs/BENCHMARKS.md, Polling): a poll hashes every item. The first version built
// canonical JSON with Object.entries/filter/sort/map/join and template strings for every object
// (≈ 14 ms for 500 notices in the service worker); `canonicalJson` below writes the same string
// by concatenation (≈ 1 ms, about what JSON.stringify of the same notices takes).
// test/unit/store/notice-hash.test.ts holds the first version; both must give the same string.
import type { Notice } from '../notice/schema.ts';

/** `"key":` for each key seen; notices use a few dozen keys, the cap guards against odd input. */
const quotedKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 256;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < MAX_CACHED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * The canonical JSON of `value`, or undefined where JSON.stringify gives undefined (a function, a
 * symbol). Callers turn that undefined into what the first version's join or template made of it.
 */
function write(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // join() wrote nothing for a hole or an undefined result; undefined members become null.
      if (i in value) out += write(value[i] ?? null) ?? '';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Insertion sort by UTF-16 code units (the first version's `<` comparator): objects have a
  // handful of keys, and this is ~20% of the whole function cheaper than Array.prototype.sort.
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (first) first = false;
    else out += ',';
    // A template literal wrote "undefined" for a function member: so does this.
    out += quotedKey(key) + String(write(member));
  }
  return `${out}}`;
}

/** JSON with object keys sorted at every level and undefined members left out. */
export function canonicalJson(value: unknown): string {
  // The declared type as before: undefined only for a bare function or symbol (or undefined).
  return write(value) as string;
}

/**
 * canonicalJson of notice objects already hashed or read back from a bucket, so storing them
 * (notice-buckets.ts keeps notices as this text) does not serialise them again. Notices are
 * values: nothing mutates one after it was parsed or validated.
 */
const canonicalTexts = new WeakMap<Notice, string>();

export function rememberCanonical(notice: Notice, text: string): void {
  canonicalTexts.set(notice, text);
}

/** canonicalJson(notice), remembered or computed. */
export function canonicalText(notice: Notice): string {
  return canonicalTexts.get(notice) ?? canonicalJson(notice);
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(digest: ArrayBuffer): string {
  const bytes = new Uint8Array(digest);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!]!;
  return out;
}

/** SHA-256 of the canonical JSON, hex. crypto.subtle exists in the worker, pages and Node 20. */
export async function contentHash(notice: Notice): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(notice))));
}

/**
 * `contentHash` of many notices at once, in order. The UTF-8 bytes of all of them go into one
 * buffer (one allocation instead of one per notice), each digest reading its own slice; the
 * digests run concurrently.
 */
export async function contentHashes(notices: readonly Notice[]): Promise<string[]> {
  const texts = notices.map((notice) => {
    const text = canonicalJson(notice);
    canonicalTexts.set(notice, text);
    return text;
  });
  let capacity = 0;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  for (const text of texts) capacity += text.length * 3;
  const bytes = new Uint8Array(capacity);
  let offset = 0;
  const digests: Promise<string>[] = [];
  for (const text of texts) {
    const { written } = encoder.encodeInto(text, bytes.subarray(offset));
    digests.push(crypto.subtle.digest('SHA-256', bytes.subarray(offset, offset + written)).then(hex));
    offset += written;
  }
  return Promise.all(digests);
}
