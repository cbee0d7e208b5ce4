// The background's wiring against WXT's fake browser, fake-indexeddb and a real local feed
// server: start-up (install or browser start alike), the poll alarm, the badge and the message
// handlers with their sender checks.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { etagResponder, startTestServer, type TestServer } from '../poll/test-server.ts';

const feed = vi.hoisted(() => ({ url: '' }));
const reminders = vi.hoisted(() => ({ syncs: 0 }));
vi.mock('../../../utils/feed/default-feed.ts', () => ({
  get DEFAULT_FEED_URL() {
    return feed.url;
  },
}));
vi.mock('virtual:bundled-notices', () => ({
  default: [
    {
      guid: 'bundled-soon',
      title: '内置公告',
      pubDate: '2023-02-10T17:48:00+08:00',
      sunset: {
        kind: 'retire',
        updated: '2023-02-10T17:48:00+08:00',
        // Within the badge's 7 days of any test run: far-future dates would never count.
        products: [
          {
            name: '内置方案',
            aliases: [],
            milestones: [{ action: 'retire', at: '2099-01-01T00:00:00+08:00' }],
            replacements: [],
          },
        ],
      },
    },
    // Same guid as the fixture feed's: the fetched copy must win.
    { guid: 'fixture-plain', title: '旧的内置副本', pubDate: '2023-01-01T00:00:00+08:00' },
    { guid: 'broken', title: '' },
  ],
}));
vi.mock('../../../entrypoints/background/reminders.ts', () => ({
  syncReminders: async () => {
    reminders.syncs++;
  },
  onReminderAlarm: async () => undefined,
}));

const { startUp, onPollAlarm } = await import('../../../entrypoints/background/poller.ts');
const { onMessage } = await import('../../../entrypoints/background/messages.ts');
const { openSunsetDb } = await import('../../../utils/store/db.ts');
const { getNotice, listNotices, putStoredNotices } = await import('../../../utils/store/notices.ts');

const basic = readFileSync(new URL('../../fixtures/feeds/basic.xml', import.meta.url));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  feed.url = server.url;
});
afterAll(() => server.close());
beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  server.requests.length = 0;
  reminders.syncs = 0;
  server.respond(etagResponder(basic, '"v1"'));
});

const base = 'chrome-extension://test-extension-id/';
const popup = { id: 'test-extension-id', url: `${base}popup.html` };
const page = { id: 'test-extension-id', url: 'https://p4p.1688.com/', tab: { id: 1 } };

async function ask(message: unknown, sender: object = popup) {
  return (await onMessage(message, sender)) as { ok: boolean; value?: never; error?: string } | undefined;
}

describe('start-up', () => {
  it('seeds the bundled notices, polls the default feed at once, sets the badge and alarms', async () => {
    await startUp();
    expect(server.requests).toHaveLength(1);
    const db = await openSunsetDb();
    const all = await listNotices(db);
    expect(all.map((n) => [n.guid, n.origin]).sort()).toEqual([
      ['bundled-soon', 'bundled'],
      ['fixture-plain', 'feed'],
      ['fixture-retire', 'feed'],
    ]);
    expect((await getNotice(db, 'fixture-plain'))?.notice.title).toBe('测试平台规则公告');
    expect(await fakeBrowser.alarms.get('poll:next')).toBeDefined();
    expect((await fakeBrowser.alarms.get('poll:watchdog'))?.periodInMinutes).toBe(60);
    expect(reminders.syncs).toBeGreaterThanOrEqual(2);
  });

  it('runs again on a restart reported as an install: conditional poll, nothing lost or overwritten', async () => {
    await startUp();
    await (await openSunsetDb()).put('meta', { key: 'marker', value: 1 });
    await startUp();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.['if-none-match']).toBe('"v1"');
    const db = await openSunsetDb();
    expect((await getNotice(db, 'fixture-plain'))?.origin).toBe('feed');
    expect(await db.get('meta', 'marker')).toEqual({ key: 'marker', value: 1 });
  });

  it('keeps the bundled notices listed when the feed is unreachable, and records the error', async () => {
    server.respond((_req, res) => {
      res.writeHead(503, { 'retry-after': '600' });
      res.end();
    });
    await startUp();
    const reply = await ask({ type: 'notices/list' });
    const value = reply?.value as unknown as {
      notices: { guid: string }[];
      feeds: { lastError?: { code: string } }[];
    };
    expect(value.notices.map((n) => n.guid).sort()).toEqual(['bundled-soon', 'fixture-plain']);
    expect(value.feeds[0]?.lastError?.code).toBe('http');
  });
});

describe('poll alarm', () => {
  it('polls only when a feed is due', async () => {
    await startUp();
    await onPollAlarm('poll:next');
    expect(server.requests).toHaveLength(1);
    const db = await openSunsetDb();
    const state = (await db.get('feeds', server.url))!;
    await db.put('feeds', { ...state, nextPollAt: Date.now() - 1 });
    await onPollAlarm('poll:watchdog');
    expect(server.requests).toHaveLength(2);
  });
});

describe('a 304', () => {
  it('writes no database record; the popup shows its time and the next alarm its plan', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-01-05T00:00:00Z'));
      await startUp();
      const db = await openSunsetDb();
      const stored = await db.get('feeds', server.url);
      vi.setSystemTime(Date.now() + 3 * 3600_000);
      const checkedAt = Date.now();
      const reply = await ask({ type: 'feeds/refresh' });
      expect(server.requests).toHaveLength(2);
      expect(server.requests[1]?.['if-none-match']).toBe('"v1"');
      expect(await db.get('feeds', server.url)).toEqual(stored);
      type Feeds = { feeds: { lastSuccessAt?: number; nextPollAt?: number }[] };
      const refreshed = (reply?.value as unknown as Feeds).feeds[0];
      expect(refreshed?.lastSuccessAt).toBe(checkedAt);
      const listed = (await ask({ type: 'notices/list' }))?.value as unknown as Feeds;
      expect(listed.feeds[0]).toEqual(refreshed);
      // <ttl>90</ttl> over the default 60-minute interval.
      expect(refreshed?.nextPollAt).toBeGreaterThanOrEqual(checkedAt + 80 * 60_000);
      expect((await fakeBrowser.alarms.get('poll:next'))?.scheduledTime).toBe(refreshed?.nextPollAt);
      // Not due yet: the alarm's early firing does not poll again.
      await onPollAlarm('poll:next');
      expect(server.requests).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('badge', () => {
  it('counts products with a milestone in the next 7 days', async () => {
    await startUp();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const db = await openSunsetDb();
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().replace('Z', '+00:00');
    const record = (await getNotice(db, 'bundled-soon'))!;
    const product = record.notice.sunset!.products[0]!;
    await putStoredNotices(db, [
      {
        ...record,
        notice: {
          ...record.notice,
          sunset: {
            ...record.notice.sunset!,
            products: [{ ...product, milestones: [{ action: 'retire', at: soon.slice(0, 19) + '+00:00' }] }],
          },
        },
      },
    ]);
    await onPollAlarm('poll:next');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await ask({ type: 'notice/mute', guid: 'bundled-soon' }, page);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('messages', () => {
  beforeEach(() => startUp());

  it.each([
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
    ['a web page', { url: 'https://evil.example/' }],
  ])('refuses %s', async (_name, sender) => {
    const reply = await ask({ type: 'notices/list' }, sender);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/refused/) });
  });

  it('refuses extension-page-only requests from a content script', async () => {
    const reply = await ask({ type: 'notices/markAllRead' }, page);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/extension pages only/) });
    expect((await listNotices(await openSunsetDb())).some((n) => n.read)).toBe(false);
  });

  it('marks read from the popup', async () => {
    expect(await ask({ type: 'notices/markRead', guids: ['fixture-retire'] })).toEqual({
      ok: true,
      value: { updated: 1 },
    });
    expect((await getNotice(await openSunsetDb(), 'fixture-retire'))?.read).toBe(true);
  });

  it('lists watched products for content scripts, one per product of each sunset notice', async () => {
    const reply = await ask({ type: 'watched/list' }, page);
    const value = reply?.value as unknown as {
      products: { guid: string; product: { name: string }; hash: string }[];
    };
    expect(value.products.map((p) => [p.guid, p.product.name]).sort()).toEqual([
      ['bundled-soon', '内置方案'],
      ['fixture-retire', '测试方案'],
    ]);
    expect(value.products.every((p) => /^[0-9a-f]{64}$/.test(p.hash))).toBe(true);
  });

  it('sends the page its words in the merchant’s language: the setting, else the page’s browser language', async () => {
    const words = async (language?: string) => {
      const reply = await ask({ type: 'watched/list', ...(language ? { language } : {}) }, page);
      return (
        reply?.value as unknown as { words: { lang: string; messages: Record<string, { message: string }> } }
      ).words;
    };
    expect((await words('zh-CN')).lang).toBe('zh_CN');
    const en = await words('en-US');
    expect(en.lang).toBe('en');
    expect(en.messages.page_guard_continue?.message).toBe('Continue anyway');
    // Only what the page shows: no popup or options text travels.
    expect(Object.keys(en.messages).filter((k) => /^(popup|opt|rem|ext)/.test(k))).toEqual([]);
    expect(en.messages.action_no_new_orders_passed?.message).toBe('no longer orderable');
    const settings = ((await ask({ type: 'settings/get' }))?.value ?? {}) as Record<string, unknown>;
    await ask({ type: 'settings/set', settings: { ...settings, language: 'zh_CN' } }, popup);
    expect((await words('en-US')).messages.page_guard_continue?.message).toBe('仍要继续');
    await ask({ type: 'settings/set', settings: { ...settings, language: 'auto' } }, popup);
  });

  it('dismisses a banner for one version of a notice', async () => {
    await ask({ type: 'banner/dismiss', guid: 'fixture-retire', hash: 'abc' }, page);
    expect((await getNotice(await openSunsetDb(), 'fixture-retire'))?.bannerDismissedHash).toBe('abc');
  });

  it('stores valid settings from the options page and refuses invalid ones', async () => {
    const settings = ((await ask({ type: 'settings/get' }))?.value ?? {}) as Record<string, unknown>;
    const ok = await ask(
      { type: 'settings/set', settings: { ...settings, pollMinutes: 30 } },
      { ...popup, url: `${base}options.html` },
    );
    expect(ok).toMatchObject({ ok: true, value: { pollMinutes: 30 } });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ pollMinutes: 30 });
    const bad = await ask({ type: 'settings/set', settings: { ...settings, pollMinutes: 5 } });
    expect(bad?.ok).toBe(false);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ pollMinutes: 30 });
  });

  it('tests a feed URL without storing anything, and refuses plain http elsewhere', async () => {
    const before = await listNotices(await openSunsetDb());
    expect(await ask({ type: 'feeds/test', url: server.url })).toEqual({
      ok: true,
      value: { ok: true, count: 2, skipped: 2, title: 'Sunset Watch fixture' },
    });
    expect(await listNotices(await openSunsetDb())).toEqual(before);
    expect(await ask({ type: 'feeds/test', url: 'http://example.com/feed.xml' })).toEqual({
      ok: true,
      value: { ok: false, error: 'not an https: URL (http: only on localhost)' },
    });
  });
});
