// Issue 5 end to end: the built extension in Chromium polls a real HTTP feed whose cutoff is
// less than a day away, shows exactly one notification, shows no second one after a browser
// restart, and exactly one 推迟至 notification when the feed postpones the date.
import { createServer, type Server } from 'node:http';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFeedXml } from '../../feed/xml.ts';
import type { Notice } from '../../utils/notice/schema.ts';
import { beijingParts, toBeijingIso } from '../../utils/notice/time.ts';
import {
  hasChromium,
  launchWithExtension,
  newProfile,
  removeProfile,
  type ExtensionSession,
} from './support/chromium.ts';
import { listenOnFeedPort } from './support/wait.ts';

const HOUR = 3600_000;
const GUID = 'e2e-reminders-1';
const PREFIX = `sunset:${GUID}:`;
const start = Date.now();
const cutoff = Math.floor((start + 20 * HOUR) / 60_000) * 60_000;
const postponed = cutoff + 3 * 24 * HOUR;

function feedNotice(at: number, previous?: number): Notice {
  return {
    guid: GUID,
    title: 'E2E 测试方案将停止新订购',
    link: 'https://rule.1688.com/e2e',
    pubDate: toBeijingIso(start - HOUR),
    sunset: {
      kind: previous ? 'postpone' : 'retire',
      updated: toBeijingIso(previous ? start : start - HOUR),
      products: [
        {
          name: 'E2E测试方案',
          aliases: [],
          milestones: [
            {
              action: 'no-new-orders',
              at: toBeijingIso(at),
              ...(previous ? { previous: toBeijingIso(previous) } : {}),
            },
          ],
          replacements: [{ name: '消费品解决方案' }],
        },
      ],
    },
  };
}

interface Observed {
  /** chrome.notifications.getAll(): what the notification centre holds now. */
  visible: Record<string, unknown>;
  /** Every notification the extension created, from its own log (meta store). */
  created: { id: string; at: number; title: string }[];
  lastSyncAt: number;
  /** Ledger ids recorded for the notice. */
  ledger: string[];
}

/** Reads, inside the service worker, what the notification centre and the database hold. */
function observe(worker: Worker): Promise<Observed> {
  return worker.evaluate(async (guid) => {
    const visible = (await chrome.notifications.getAll()) as Record<string, unknown>;
    // Never open (and so create) the database before the extension has.
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'sunset-watch'))
      return { visible, created: [], lastSyncAt: 0, ledger: [] };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('sunset-watch');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const read = <T>(store: string, fn: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const r = fn(db.transaction(store).objectStore(store));
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const log = (await read('meta', (s) => s.get('reminders:log'))) as
      { value: { lastSyncAt: number; shown: { id: string; at: number; title: string }[] } } | undefined;
    const ledger = (await read('ledger', (s) => s.getAllKeys())) as string[];
    db.close();
    return {
      visible,
      created: log?.value.shown ?? [],
      lastSyncAt: log?.value.lastSyncAt ?? 0,
      ledger: ledger.filter((k) => k.startsWith(`${guid}|`)),
    };
  }, GUID);
}

async function waitFor(worker: Worker, ok: (o: Observed) => boolean, what: string): Promise<Observed> {
  const deadline = Date.now() + 30_000;
  let last = await observe(worker);
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await observe(worker);
  }
  return last;
}

const ours = (o: Observed) => o.created.filter((c) => c.id.startsWith(PREFIX));
const visibleOurs = (o: Observed) => Object.keys(o.visible).filter((id) => id.startsWith(PREFIX));

describe.skipIf(!hasChromium())('reminders in Chromium', () => {
  let feedXml = buildFeedXml([feedNotice(cutoff)]);
  let feedRequests = 0;
  let server: Server;
  let session: ExtensionSession | undefined;
  const profile = newProfile();

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/feed.xml')) {
        feedRequests++;
        res.writeHead(200, {
          'content-type': 'application/rss+xml; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(feedXml);
      } else {
        res.writeHead(404).end();
      }
    });
    await listenOnFeedPort(server);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => server.close(resolve));
    removeProfile(profile);
  });

  /** Relaunches the profile and waits until the start-up poll happened and reminders synced after it. */
  async function relaunch(): Promise<Observed> {
    await session?.close();
    const requestsBefore = feedRequests;
    const launchedAt = Date.now();
    session = await launchWithExtension(profile);
    const worker = session.worker;
    await waitFor(worker, () => feedRequests > requestsBefore, 'the start-up poll');
    // The poll's own sync (when the feed changed) or the start-up sync: both are logged.
    const synced = await waitFor(worker, (o) => o.lastSyncAt >= launchedAt, 'a reminders sync');
    // Give a second sync after the poll a moment to land before counting.
    await new Promise((r) => setTimeout(r, 1500));
    return { ...synced, ...(await observe(worker)) };
  }

  it('a cutoff less than a day away produces exactly one notification', async () => {
    await relaunch();
    const o = await waitFor(session!.worker, (x) => ours(x).length > 0, 'a reminder');
    await new Promise((r) => setTimeout(r, 1500));
    const settled = await observe(session!.worker);
    expect(ours(settled)).toHaveLength(1);
    expect(ours(o)[0]!.id).toBe(ours(settled)[0]!.id);
    // The ladder's 1-day rung (and the 7-day one it passed over) is in the ledger.
    expect(settled.ledger).toEqual(
      expect.arrayContaining([
        `${GUID}|E2E测试方案|no-new-orders|1440`,
        `${GUID}|E2E测试方案|no-new-orders|known`,
      ]),
    );
    // The notification centre (kept by headless Chromium too) holds exactly that one.
    expect(visibleOurs(settled)).toEqual([ours(settled)[0]!.id]);
    expect(ours(settled)[0]!.title).toBe('E2E测试方案 即将停止新订购');
    // The next rung (2 hours before) is scheduled as an alarm.
    const alarms = await session!.worker.evaluate(async () =>
      (await chrome.alarms.getAll()).filter((a) => a.name.startsWith('rem:')).map((a) => a.scheduledTime),
    );
    expect(alarms).toContain(cutoff - 2 * HOUR);
  });

  it('a browser restart produces no second one', async () => {
    const o = await relaunch();
    expect(ours(o)).toHaveLength(1);
    expect(visibleOurs(o)).toEqual([]);
  });

  it('a postponement produces exactly one 推迟至 notification', async () => {
    feedXml = buildFeedXml([feedNotice(postponed, cutoff)]);
    await relaunch();
    const first = ours(await waitFor(session!.worker, (x) => ours(x).length >= 2, 'the move notification'));
    await new Promise((r) => setTimeout(r, 1500));
    const settled = await observe(session!.worker);
    const created = ours(settled);
    expect(created).toHaveLength(2);
    expect(created[1]!.id).toBe(first[1]!.id);
    const p = beijingParts(postponed);
    expect(created[1]!.title).toBe(`E2E测试方案 停止新订购推迟至 ${p.month}月${p.day}日`);
    expect(visibleOurs(settled)).toEqual([created[1]!.id]);
    // The old date's 2-hour alarm is gone; the new date's ladder is scheduled.
    const alarms = await session!.worker.evaluate(async () =>
      (await chrome.alarms.getAll()).filter((a) => a.name.startsWith('rem:')).map((a) => a.scheduledTime),
    );
    expect(alarms).not.toContain(cutoff - 2 * HOUR);
    expect(alarms).toEqual(expect.arrayContaining([postponed - 24 * HOUR, postponed - 2 * HOUR, postponed]));
  });
});
