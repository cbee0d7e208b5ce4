// The content hash must never change for the same notice: stored hashes, banner dismissals and
// the 已更新 marker compare with it. canonicalJson was rewritten for speed in issue 8 and written
// plainly again in issue 17; the first version is kept here, verbatim, and the code must give the
// same string on every input below.
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../../feed/notices.ts';
import type { Notice } from '../../../utils/notice/schema.ts';
import { canonicalJson, contentHash } from '../../../utils/store/notice-hash.ts';

/** canonicalJson as first written (commit fd5a5f4), the reference. */
function firstCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => firstCanonicalJson(v ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function firstContentHash(notice: Notice): Promise<string> {
  const bytes = new TextEncoder().encode(firstCanonicalJson(notice));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The same data with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

const seed = loadNotices().notices;

// eslint-disable-next-line no-sparse-arrays
const sparse = [1, , 3];
const tricky: [string, unknown][] = [
  ['undefined members at every level', { a: undefined, b: { c: undefined, d: 1 }, e: [{ f: undefined }] }],
  ['arrays with undefined and null, nested', [undefined, null, [undefined, [undefined, 1]], [], [[]]]],
  ['a sparse array (a hole is not undefined)', sparse],
  ['an object holding only undefined', { only: undefined }],
  ['empty object and array', { a: {}, b: [], c: [{}] }],
  ['numbers', { zero: 0, negZero: -0, big: 1e21, small: 1e-7, nan: NaN, inf: Infinity, neg: -1.5 }],
  ['booleans and null', { t: true, f: false, n: null }],
  [
    'Chinese, emoji, astral and combining text',
    { 标题: '测试方案将下线（第 1 条）', e: '🌅👨‍👩‍👧', a: '𠮷', c: 'é' },
  ],
  ['escapes: quotes, backslash, control, line separators', { s: '"\\\n\t\u0000\u001f\u2028\u2029</script>' }],
  ['lone surrogates', { hi: '\ud800', lo: '\udfff', key: { '\ud83d': 1 } }],
  [
    'key order by UTF-16 code units, integer-like keys included',
    { b: 1, a: 2, B: 3, _: 4, aa: 5, é: 6, '𠮷': 7, ｚ: 8, '10': 9, '9': 10, '': 11, ' ': 12 },
  ],
  ['a __proto__ own key (from JSON)', JSON.parse('{"__proto__": {"x": 1}, "a": 1}')],
  ['a Date (an object with no own keys)', { at: new Date(0) }],
  ['functions as member and element (JSON drops them differently)', { f: () => 1, list: [() => 1, 2] }],
  ['deep nesting', { a: { b: { c: { d: { e: [{ f: [{ g: 'deep' }] }] } } } } }],
  ['top-level string', '文本'],
  ['top-level number', 42],
  ['top-level null', null],
  ['top-level undefined', undefined],
  ['top-level array', ['x', { y: undefined, z: 1 }]],
];

describe('canonicalJson gives exactly what its first version gave', () => {
  it('has seed notices to compare', () => {
    expect(seed.length).toBeGreaterThan(3);
  });

  it.each(seed.map((n) => [n.guid, n] as const))('seed notice %s', (_guid, notice) => {
    expect(canonicalJson(notice)).toBe(firstCanonicalJson(notice));
    // Key order does not matter to either.
    expect(canonicalJson(reversedKeys(notice))).toBe(firstCanonicalJson(notice));
  });

  it.each(tricky)('%s', (_name, value) => {
    expect(canonicalJson(value)).toBe(firstCanonicalJson(value));
    expect(canonicalJson(reversedKeys(value))).toBe(firstCanonicalJson(reversedKeys(value)));
  });

  it('sorts keys and drops undefined members (the property itself)', () => {
    expect(canonicalJson({ b: 1, a: [undefined, { d: undefined, c: 'x' }] })).toBe(
      '{"a":[null,{"c":"x"}],"b":1}',
    );
  });
});

describe('contentHash values do not change', () => {
  it('pins the hash of a fixed notice (computed by the first version)', async () => {
    const notice = {
      guid: 'pinned',
      title: '测试方案将下线 ✓ 𠮷',
      pubDate: '2023-02-10T00:00:00+08:00',
      link: undefined,
      sunset: {
        kind: 'retire',
        updated: '2023-02-10T00:00:00+08:00',
        products: [
          {
            name: '测试方案',
            aliases: ['"引号"', 'back\\slash'],
            milestones: [
              { action: 'retire', at: '2023-03-01T00:00:00+08:00' },
              { action: 'no-new-orders', at: null },
            ],
            replacements: [],
          },
        ],
      },
    } as unknown as Notice;
    const pinned = 'b8370234119fda0f15994ae8304cccaf70644473d7d2826a8ba52a3f956bdbb1';
    expect(await contentHash(notice)).toBe(pinned);
  });

  it('each seed notice hashes as the first version hashed it', async () => {
    const notices = [...seed, ...seed.map((n) => ({ ...n, title: `${n.title}${'长'.repeat(200)}` }))];
    const want = await Promise.all(notices.map(firstContentHash));
    expect(await Promise.all(notices.map(contentHash))).toEqual(want);
    expect(new Set(want).size).toBe(notices.length);
  });
});
