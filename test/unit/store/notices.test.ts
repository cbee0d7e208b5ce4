import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../utils/notice/schema.ts';
import { openSunsetDb, type FeedState, type StoredNotice } from '../../../utils/store/db.ts';
import { noticeChanges } from '../../../utils/store/notice-changes.ts';
import { canonicalJson, contentHash } from '../../../utils/store/notice-hash.ts';
import {
  dismissBanner,
  getNotice,
  type HashedNotice,
  hashNotices,
  listNotices,
  markAllRead,
  markRead,
  mergeNotice,
  muteNotice,
  NOTICE_STORE,
  putStoredNotices,
  seedBundled,
  storeNotices,
} from '../../../utils/store/notices.ts';

function notice(
  overrides: Partial<Notice> = {},
  at = '2023-03-01T00:00:00+08:00',
  updated = '2023-02-10T00:00:00+08:00',
): Notice {
  return {
    guid: 'g1',
    title: '测试方案将下线',
    pubDate: '2023-02-10T00:00:00+08:00',
    sunset: {
      kind: 'retire',
      updated,
      products: [{ name: '测试方案', aliases: [], milestones: [{ action: 'retire', at }], replacements: [] }],
    },
    ...overrides,
  };
}

const NOW = 1_700_000_000_000;
/** When the stored copies of these tests were stored: an hour before NOW. */
const EARLIER = NOW - 3_600_000;
const stored = (n: Notice, hash: string, extra: Partial<StoredNotice> = {}): StoredNotice => ({
  guid: n.guid,
  notice: n,
  origin: 'feed',
  feedUrl: 'https://a.example/feed.xml',
  hash,
  firstSeenAt: EARLIER,
  updatedAt: EARLIER,
  read: false,
  muted: false,
  ...extra,
});

describe('content hash', () => {
  it('ignores key order and undefined members', async () => {
    const a = notice();
    const b = JSON.parse(JSON.stringify(a)) as Notice;
    const reordered = { sunset: b.sunset, pubDate: b.pubDate, title: b.title, guid: b.guid, link: undefined };
    expect(canonicalJson(reordered)).toBe(canonicalJson(a));
    expect(await contentHash(reordered as Notice)).toBe(await contentHash(a));
    expect(await contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the content', async () => {
    expect(await contentHash(notice({ title: '另一个标题' }))).not.toBe(await contentHash(notice()));
  });
});

describe('noticeChanges', () => {
  it.each([
    ['a moved date', notice({}, '2023-03-15T00:00:00+08:00'), { dates: true }],
    ['only `updated`', notice({}, undefined, '2023-02-11T00:00:00+08:00'), undefined],
    ['a new title', notice({ title: '新标题' }), { text: true }],
  ])('%s', (_name, after, want) => {
    expect(noticeChanges(notice(), after)).toEqual(want);
  });
});

describe('mergeNotice', () => {
  const feed = { origin: 'feed' as const, feedUrl: 'https://a.example/feed.xml' };
  const bundled = { origin: 'bundled' as const };
  const old = notice();
  const moved = notice({}, '2023-03-15T00:00:00+08:00', '2023-02-12T00:00:00+08:00');

  it('adds a new notice unread', () => {
    expect(mergeNotice(undefined, { notice: old, hash: 'h1' }, feed, NOW)).toMatchObject({
      guid: 'g1',
      origin: 'feed',
      read: false,
      muted: false,
      firstSeenAt: NOW,
    });
  });

  it('writes nothing for the same version from the same feed', () => {
    expect(mergeNotice(stored(old, 'h1'), { notice: old, hash: 'h1' }, feed, NOW)).toBeNull();
  });

  it('never lets the bundled copy overwrite fetched data', () => {
    expect(mergeNotice(stored(moved, 'h2'), { notice: old, hash: 'h1' }, bundled, NOW)).toBeNull();
  });

  it('fetched data supersedes the bundled copy, without an 已更新 mark on an unread one', () => {
    const result = mergeNotice(
      stored(old, 'h1', { origin: 'bundled' }),
      { notice: moved, hash: 'h2' },
      feed,
      NOW,
    );
    expect(result).toMatchObject({ origin: 'feed', hash: 'h2', feedUrl: feed.feedUrl });
    expect(result?.changes).toBeUndefined();
  });

  it('the same content from a feed turns a bundled copy into a fetched one', () => {
    expect(
      mergeNotice(stored(old, 'h1', { origin: 'bundled' }), { notice: old, hash: 'h1' }, feed, NOW),
    ).toMatchObject({
      origin: 'feed',
      updatedAt: EARLIER,
    });
  });

  it('an update keeps read, muted and banner state and marks the change', () => {
    const before = stored(old, 'h1', { read: true, muted: true, bannerDismissedHash: 'h1' });
    expect(mergeNotice(before, { notice: moved, hash: 'h2' }, feed, NOW)).toMatchObject({
      read: true,
      muted: true,
      bannerDismissedHash: 'h1',
      changes: { dates: true },
      updatedAt: NOW,
      firstSeenAt: EARLIER,
    });
  });

  it('an older version (by `updated`) from another feed does not replace a newer one', () => {
    expect(
      mergeNotice(
        stored(moved, 'h2'),
        { notice: old, hash: 'h1' },
        { origin: 'feed', feedUrl: 'https://b.example/' },
        NOW,
      ),
    ).toBeNull();
  });
});

describe('storeNotices / seedBundled / markRead', () => {
  it('seeding twice and then polling keeps one record per guid and never loses fetched data', async () => {
    const db = await openSunsetDb(new IDBFactory());
    expect((await seedBundled(db, [notice()], NOW)).added).toEqual(['g1']);
    expect((await seedBundled(db, [notice()], NOW + 1)).added).toEqual([]);
    const moved = notice({}, '2023-03-15T00:00:00+08:00', '2023-02-12T00:00:00+08:00');
    const summary = await storeNotices(
      db,
      await hashNotices([moved]),
      { origin: 'feed', feedUrl: 'u' },
      NOW + 2,
    );
    expect(summary.updated).toEqual(['g1']);
    await seedBundled(db, [notice()], NOW + 3);
    const all = await listNotices(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ origin: 'feed', notice: moved, updatedAt: NOW + 2 });
  });

  it('writes notices and feed state in one transaction: a failing write leaves neither', async () => {
    const db = await openSunsetDb(new IDBFactory());
    await expect(
      storeNotices(db, await hashNotices([notice()]), { origin: 'feed', feedUrl: 'u' }, NOW, {
        url: 'u',
        update: () => {
          throw new Error('boom');
        },
      }),
    ).rejects.toThrow('boom');
    expect(await listNotices(db)).toEqual([]);
    expect(await db.getAll('feeds')).toEqual([]);
  });

  it('a batch is merged against what the batch itself wrote (a guid twice: the later copy, marked)', async () => {
    const db = await openSunsetDb(new IDBFactory());
    await seedBundled(db, [notice({ guid: 'other' })], NOW);
    const first = notice();
    const second = notice({}, '2023-03-15T00:00:00+08:00', '2023-02-12T00:00:00+08:00');
    const source = { origin: 'feed', feedUrl: 'u' } as const;
    const summary = await storeNotices(db, await hashNotices([first, second]), source, NOW);
    expect(summary).toEqual({ added: ['g1'], updated: ['g1'] });
    expect(await getNotice(db, 'g1')).toMatchObject({ notice: second, changes: { dates: true } });
    // Unchanged input: nothing added or updated, and the untouched notice is still there.
    expect(await storeNotices(db, await hashNotices([second]), source, NOW + 1)).toEqual({
      added: [],
      updated: [],
    });
    expect((await getNotice(db, 'g1'))?.updatedAt).toBe(NOW);
    expect(await getNotice(db, 'other')).toBeDefined();
  });

  it('marking read clears the 已更新 mark; mark all read covers every notice', async () => {
    const db = await openSunsetDb(new IDBFactory());
    await putStoredNotices(db, [stored(notice(), 'h', { read: true, changes: { dates: true } })]);
    await putStoredNotices(db, [stored(notice({ guid: 'g2' }), 'h')]);
    expect(await markRead(db, ['g1', 'missing'])).toBe(1);
    expect(await getNotice(db, 'g1')).toMatchObject({ read: true });
    expect((await getNotice(db, 'g1'))?.changes).toBeUndefined();
    expect(await markAllRead(db)).toBe(1);
    expect((await listNotices(db)).every((n) => n.read)).toBe(true);
  });
});

describe('one record per notice (schema v3)', () => {
  const source = { origin: 'feed', feedUrl: 'u' } as const;
  const many = (n: number, title = '标题') =>
    Array.from({ length: n }, (_, i) => notice({ guid: `n${String(i).padStart(3, '0')}`, title }));

  /** Counts put() requests per object store while `run` runs. */
  async function puts(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const spy = vi.spyOn(FakeObjectStore.prototype, 'put');
    try {
      await run();
      for (const call of spy.mock.contexts) {
        const name = (call as IDBObjectStore).name;
        counts[name] = (counts[name] ?? 0) + 1;
      }
    } finally {
      spy.mockRestore();
    }
    return counts;
  }

  it('stores each notice as its own record, keyed by guid, its notice as an object', async () => {
    const db = await openSunsetDb(new IDBFactory());
    const notices = many(30);
    await storeNotices(db, wrapHashes(notices), source, NOW);
    const raw = await db.getAll(NOTICE_STORE);
    expect(raw.map((r) => r.guid)).toEqual(notices.map((n) => n.guid));
    expect(raw[3]).toEqual(
      stored(notices[3]!, wrapHashes([notices[3]!])[0]!.hash, {
        feedUrl: 'u',
        firstSeenAt: NOW,
        updatedAt: NOW,
      }),
    );
  });

  it('unchanged content writes no notice; one changed notice writes one record', async () => {
    const db = await openSunsetDb(new IDBFactory());
    const notices = many(30);
    await storeNotices(db, wrapHashes(notices), source, NOW);
    const feedUpdate = { url: 'u', update: (s: FeedState) => ({ ...s, lastSuccessAt: NOW }) };
    expect(await puts(() => storeNotices(db, wrapHashes(notices), source, NOW + 1, feedUpdate))).toEqual({
      feeds: 1,
    });
    const changed = notices.map((n, i) => (i === 7 ? { ...n, title: '新标题' } : n));
    expect(await puts(() => storeNotices(db, wrapHashes(changed), source, NOW + 2))).toEqual({
      [NOTICE_STORE]: 1,
    });
    expect(await getNotice(db, changed[7]!.guid)).toMatchObject({
      notice: { title: '新标题' },
      updatedAt: NOW + 2,
      changes: { text: true },
    });
  });

  it('markRead, mute and dismissBanner write the one record they change, and nothing when nothing changes', async () => {
    const db = await openSunsetDb(new IDBFactory());
    const notices = many(30);
    await storeNotices(db, wrapHashes(notices), source, NOW);
    const guid = notices[3]!.guid;
    expect(await puts(() => markRead(db, [guid]))).toEqual({ [NOTICE_STORE]: 1 });
    expect(await puts(() => markRead(db, [guid]))).toEqual({});
    expect(await puts(() => muteNotice(db, guid))).toEqual({ [NOTICE_STORE]: 1 });
    expect(await puts(() => dismissBanner(db, guid, 'h1'))).toEqual({ [NOTICE_STORE]: 1 });
    expect(await getNotice(db, guid)).toMatchObject({ read: true, muted: true, bannerDismissedHash: 'h1' });
    expect((await listNotices(db)).filter((r) => r.read).map((r) => r.guid)).toEqual([guid]);
    // Mark all read writes the 29 unread ones, then nothing.
    expect(await puts(() => markAllRead(db))).toEqual({ [NOTICE_STORE]: 29 });
    expect(await puts(() => markAllRead(db))).toEqual({});
  });

  it('getNotice finds a notice by guid and nothing for an unknown guid', async () => {
    const db = await openSunsetDb(new IDBFactory());
    await storeNotices(db, wrapHashes(many(5)), source, NOW);
    expect((await getNotice(db, 'n004'))?.guid).toBe('n004');
    expect(await getNotice(db, 'n005')).toBeUndefined();
  });
});

/** Distinct fake hashes from the title, so these tests do not depend on SHA-256. */
function wrapHashes(notices: Notice[]): HashedNotice[] {
  return notices.map((n) => ({ notice: n, hash: `${n.guid}:${n.title}` }));
}
