// The worker's side of capture (issue 19 items 3–5) against WXT's fake browser and
// fake-indexeddb: who may save and delete, what is validated, what a capture and a selection
// open, and that a saved capture is watched (flagged, guarded) like any notice, with nothing
// special-cased for it.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../../utils/notice/schema.ts';

const reminders = vi.hoisted(() => ({ syncs: 0 }));
vi.mock('virtual:bundled-notices', () => ({ default: [] }));
vi.mock('../../../entrypoints/background/reminders.ts', () => ({
  syncReminders: async () => {
    reminders.syncs++;
  },
  onReminderAlarm: async () => undefined,
}));

const { onMessage } = await import('../../../entrypoints/background/messages.ts');
const { MENU_ID, onMenuClicked } = await import('../../../entrypoints/background/capture.ts');
const { getDraft } = await import('../../../utils/capture/storage.ts');
const { openSunsetDb } = await import('../../../utils/store/db.ts');
const { listNotices, seedBundled } = await import('../../../utils/store/notices.ts');

const base = 'chrome-extension://test-extension-id/';
const reviewPage = { id: 'test-extension-id', url: `${base}capture.html?draft=x` };
const rulePage = {
  id: 'test-extension-id',
  url: 'https://rule.1688.com/rule/detail/1.htm',
  tab: { id: 7, index: 2 },
};

async function ask(message: unknown, sender: object = reviewPage) {
  return (await onMessage(message, sender as never)) as { ok: boolean; value?: never; error?: string };
}

const capture = (guid = 'local:1', at = '2026-12-07T00:00:00+08:00'): Notice => ({
  guid,
  title: '家居百货解决方案下线',
  link: 'https://rule.1688.com/rule/detail/1.htm',
  pubDate: '2026-11-30T00:00:00+08:00',
  sunset: {
    kind: 'retire',
    updated: '2026-12-01T10:00:00+08:00',
    products: [
      {
        name: '家居百货解决方案',
        aliases: [],
        milestones: [{ action: 'no-new-orders', at }],
        replacements: [],
      },
    ],
  },
});

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  reminders.syncs = 0;
});

describe('capture/save and capture/delete', () => {
  it('are for extension pages only: a page script’s content script cannot save or delete', async () => {
    expect((await ask({ type: 'capture/save', notice: capture() }, rulePage)).error).toMatch(
      /extension pages only/,
    );
    expect((await ask({ type: 'capture/delete', guid: 'local:1' }, rulePage)).error).toMatch(
      /extension pages only/,
    );
  });

  it('stores a valid capture as local, badge and reminders follow; the notice is validated whole', async () => {
    const reply = await ask({ type: 'capture/save', notice: capture() });
    expect(reply).toEqual({ ok: true, value: { guid: 'local:1', stored: true, folded: [] } });
    expect((await listNotices(await openSunsetDb())).map((s) => [s.guid, s.origin])).toEqual([
      ['local:1', 'local'],
    ]);
    expect(reminders.syncs).toBe(1);
    const bad = { ...capture('local:2'), pubDate: 'yesterday' };
    expect((await ask({ type: 'capture/save', notice: bad })).error).toMatch(/invalid notice: pubDate/);
    expect((await ask({ type: 'capture/save', notice: capture('feed-guid') })).error).toMatch(
      /not a local guid/,
    );
  });

  it('a saved capture is watched like any notice: watched/list gives the page its products', async () => {
    await ask({ type: 'capture/save', notice: capture() });
    const reply = await ask({ type: 'watched/list' }, rulePage);
    expect(reply.ok).toBe(true);
    const products = (reply.value as unknown as { products: { guid: string; product: { name: string } }[] })
      .products;
    expect(products.map((p) => [p.guid, p.product.name])).toEqual([['local:1', '家居百货解决方案']]);
    expect((await ask({ type: 'capture/delete', guid: 'local:1' })).value).toEqual({ deleted: true });
    expect(await listNotices(await openSunsetDb())).toEqual([]);
  });
});

describe('capture/check', () => {
  it('says which stored notice already names every product on the same day', async () => {
    await seedBundled(
      await openSunsetDb(),
      [{ ...capture('bundled-jiaju'), guid: 'bundled-jiaju' }],
      Date.now(),
    );
    expect((await ask({ type: 'capture/check', notice: capture('local:x') }, rulePage)).value).toEqual({
      covered: { guid: 'bundled-jiaju', origin: 'bundled' },
    });
    expect(
      (
        await ask(
          { type: 'capture/check', notice: capture('local:x', '2026-12-08T00:00:00+08:00') },
          rulePage,
        )
      ).value,
    ).toEqual({ covered: null });
    expect((await ask({ type: 'capture/check', notice: { guid: 'local:x' } }, rulePage)).error).toMatch(
      /invalid notice/,
    );
  });
});

describe('opening the review page', () => {
  it('capture/open keeps the source in session storage and opens capture.html beside the tab', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const source = {
      text: '平台将于2026年12月7日下线家居百货解决方案。',
      title: '公告',
      published: '2026-11-30',
    };
    expect((await ask({ type: 'capture/open', source }, rulePage)).ok).toBe(true);
    const opened = create.mock.calls[0]![0];
    // (A URL's origin is "null" for a scheme Node does not know: compare the text.)
    expect(opened.url).toMatch(/^chrome-extension:\/\/test-extension-id\/capture\.html\?draft=/);
    expect(opened.index).toBe(3);
    const url = new URL(opened.url!);
    expect(await getDraft(url.searchParams.get('draft')!)).toEqual(source);
    // A source must be what a capture reads: text, a day, an https link or none.
    expect(
      (await ask({ type: 'capture/open', source: { ...source, link: 'javascript:alert(1)' } }, rulePage)).ok,
    ).toBe(false);
  });

  it('识别为下线公告: the selection comes with the click; an https page is the link, today the day', async () => {
    const created: string[] = [];
    fakeBrowser.tabs.onCreated.addListener((tab) => void created.push(tab.url!));
    const tab = { id: 3, index: 0, title: '某新闻网站 - 1688下线家居百货解决方案' } as never;
    await onMenuClicked(
      {
        menuItemId: MENU_ID,
        selectionText: ' 平台将于2026年12月7日下线家居百货解决方案。 ',
        pageUrl: 'https://news.example.com/a/1',
        editable: false,
        modifiers: [],
      },
      tab,
    );
    await onMenuClicked(
      {
        menuItemId: MENU_ID,
        selectionText: '第二段',
        pageUrl: 'http://plain.example.com/',
        editable: false,
        modifiers: [],
      },
      tab,
    );
    await onMenuClicked(
      { menuItemId: 'another-extension-item', selectionText: 'x', editable: false, modifiers: [] },
      tab,
    );
    expect(created).toHaveLength(2);
    const first = await getDraft(new URL(created[0]!).searchParams.get('draft')!);
    expect(first).toMatchObject({
      text: '平台将于2026年12月7日下线家居百货解决方案。',
      link: 'https://news.example.com/a/1',
      title: '某新闻网站 - 1688下线家居百货解决方案',
      published: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect((await getDraft(new URL(created[1]!).searchParams.get('draft')!))?.link).toBeUndefined();
  });
});
