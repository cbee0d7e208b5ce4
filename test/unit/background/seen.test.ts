// The background's side of 与我相关 (issue 20), against WXT's fake browser and fake-indexeddb:
// `page/seen` from content scripts (a page load counted once per tab, its frames included; names
// that are no watched product never kept; where reduced to host and route kind), the badge that
// follows, `notices/list` carrying the records, 清除使用记录 for extension pages only, and the
// start-up prune, with the clock set.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../utils/notice/schema.ts';
import type { SeenProduct } from '../../../utils/store/db.ts';
import { storedNotice } from '../../support/stored-notice.ts';
import { etagResponder, startTestServer, type TestServer } from '../poll/test-server.ts';

const feed = vi.hoisted(() => ({ url: '' }));
const reminders = vi.hoisted(() => ({ syncs: 0 }));
vi.mock('../../../utils/feed/default-feed.ts', () => ({
  get DEFAULT_FEED_URL() {
    return feed.url;
  },
}));
vi.mock('virtual:bundled-notices', () => ({ default: [] }));
vi.mock('../../../entrypoints/background/reminders.ts', () => ({
  syncReminders: async () => {
    reminders.syncs++;
  },
  onReminderAlarm: async () => undefined,
}));

const { startUp } = await import('../../../entrypoints/background/poller.ts');
const { onMessage } = await import('../../../entrypoints/background/messages.ts');
const { openSunsetDb } = await import('../../../utils/store/db.ts');
const { putStoredNotices } = await import('../../../utils/store/notices.ts');
const { SEEN_KEEP_MS } = await import('../../../utils/store/seen.ts');

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T09:00:00+08:00');
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

function retiring(guid: string, name: string, atMs: number): Notice {
  return {
    guid,
    title: `${name}停止新订购`,
    pubDate: iso(NOW - DAY),
    sunset: {
      kind: 'retire',
      updated: iso(NOW - DAY),
      products: [
        { name, aliases: [], milestones: [{ action: 'no-new-orders', at: iso(atMs) }], replacements: [] },
      ],
    },
  };
}

const ID = 'test-extension-id';
const options = { id: ID, url: `chrome-extension://${ID}/options.html` };
/** A content script's sender: the frame's own address, its tab, its frame. */
const frame = (tab: number, frameId: number, url: string) => ({ id: ID, url, tab: { id: tab }, frameId });
const P4P = (route: string) => `https://p4p.1688.com/main.html?spm=a1.b2#!/${route}?tab=account`;
const PANEL = 'https://air.1688.com/app/marketing/panel.html?id=123456';

async function ask(message: unknown, sender: object) {
  const reply = (await onMessage(message, sender)) as { ok: boolean; value?: unknown; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
const seenNow = async () => ((await ask({ type: 'notices/list' }, options)) as { seen: SeenProduct[] }).seen;
const product = (name: string, places = 1, plans = 0) => ({ name, places, plans });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  feed.url = server.url;
  server.respond(
    etagResponder(readFileSync(new URL('../../fixtures/feeds/basic.xml', import.meta.url)), '"v1"'),
  );
});
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  reminders.syncs = 0;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await putStoredNotices(await openSunsetDb(), [
    storedNotice(retiring('jiaju', '家居百货解决方案', NOW + 3 * DAY)),
    storedNotice(retiring('hangye', '行业优选解决方案', NOW + 5 * DAY)),
    storedNotice(retiring('huopin', '伙拼专场解决方案', NOW + DAY / 2)),
  ]);
});
afterEach(() => vi.useRealTimers());

describe('page/seen', () => {
  it('keeps what a page saw, where being only the host and route kind', async () => {
    await ask({ type: 'watched/list' }, frame(1, 0, P4P('report/plan')));
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案', 3, 2)] },
      frame(1, 0, P4P('report/plan')),
    );
    expect(await seenNow()).toEqual([
      {
        name: '家居百货解决方案',
        firstSeenAt: NOW,
        lastSeenAt: NOW,
        loads: 1,
        maxPlaces: 3,
        maxPlans: 2,
        where: ['p4p.1688.com/main.html#!/report/plan'],
      },
    ]);
  });

  it('counts a page load once per tab load, whichever frame reported, and again after a reload', async () => {
    const top = frame(1, 0, 'https://work.1688.com/home/page/index.htm?_path_=sellerPro/x');
    const panel = frame(1, 4, PANEL);
    await ask({ type: 'watched/list' }, top);
    await ask({ type: 'watched/list' }, panel);
    // The panel and the workbench page around it are one page load.
    await ask({ type: 'page/seen', products: [product('家居百货解决方案')] }, panel);
    await ask({ type: 'page/seen', products: [product('家居百货解决方案')] }, top);
    // The panel's own route change, and its reload inside the same page: still that load.
    await ask({ type: 'watched/list' }, panel);
    await ask({ type: 'page/seen', products: [product('家居百货解决方案', 2)] }, panel);
    expect((await seenNow())[0]).toMatchObject({ loads: 1, maxPlaces: 2 });
    // Another tab is another page load.
    await ask({ type: 'watched/list' }, frame(2, 0, P4P('report/plan')));
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案')] },
      frame(2, 0, P4P('report/plan')),
    );
    // The workbench reloaded: its top frame starts a page again.
    await ask({ type: 'watched/list' }, top);
    await ask({ type: 'page/seen', products: [product('家居百货解决方案')] }, panel);
    const [record] = await seenNow();
    expect(record?.loads).toBe(3);
    expect(record?.where).toEqual([
      'air.1688.com/app/marketing/panel.html',
      'p4p.1688.com/main.html#!/report/plan',
      'work.1688.com/home/page/index.htm',
    ]);
  });

  it('keeps only names of watched products: nothing else a page holds is ever stored', async () => {
    await ask(
      { type: 'page/seen', products: [product('店铺名称 某某贸易有限公司'), product('行业优选解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    expect((await seenNow()).map((s) => s.name)).toEqual(['行业优选解决方案']);
    const db = await openSunsetDb();
    expect((await db.getAll('seen')).map((s) => s.name)).toEqual(['行业优选解决方案']);
  });

  it('ignores a report from outside a tab, and refuses malformed ones', async () => {
    await ask({ type: 'page/seen', products: [product('家居百货解决方案')] }, options);
    expect(await seenNow()).toEqual([]);
    for (const bad of [
      [],
      [{ name: '家居百货解决方案', places: 0, plans: 0 }],
      [{ name: '', places: 1, plans: 0 }],
    ])
      await expect(ask({ type: 'page/seen', products: bad }, frame(1, 0, P4P('x')))).rejects.toThrow(
        /invalid/,
      );
  });

  it('the badge counts all before anything is seen, then only the seen products', async () => {
    await startUp();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案'), product('行业优选解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    // Reminders are planned again when something is seen for the first time (提醒范围, words).
    const syncs = reminders.syncs;
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    expect(reminders.syncs).toBe(syncs);
    await ask(
      { type: 'page/seen', products: [product('伙拼专场解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    expect(reminders.syncs).toBe(syncs + 1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });
});

describe('清除使用记录', () => {
  it('is for extension pages only; it empties the records and the badge counts all again', async () => {
    await startUp();
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await expect(ask({ type: 'seen/clear' }, frame(1, 0, P4P('report/plan')))).rejects.toThrow(
      /extension pages only/,
    );
    expect(await seenNow()).toHaveLength(1);
    await ask({ type: 'seen/clear' }, options);
    expect(await seenNow()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    // A new report after clearing starts a fresh record, with its page load.
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    expect((await seenNow())[0]?.loads).toBe(1);
  });
});

describe('start-up', () => {
  it('prunes what was last seen more than 180 days ago, and the badge counts all again', async () => {
    await ask(
      { type: 'page/seen', products: [product('家居百货解决方案')] },
      frame(1, 0, P4P('report/plan')),
    );
    vi.setSystemTime(NOW + SEEN_KEEP_MS - 1);
    await startUp();
    expect((await (await openSunsetDb()).getAll('seen')).map((s) => s.name)).toEqual(['家居百货解决方案']);
    vi.setSystemTime(NOW + SEEN_KEEP_MS + 1);
    await startUp();
    expect(await (await openSunsetDb()).getAll('seen')).toEqual([]);
  });
});
