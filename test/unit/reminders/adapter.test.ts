// The background's reminders adapter against WXT's fake browser and fake-indexeddb: what it
// shows, records and schedules, and what clicks and buttons do.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOG_KEY,
  onNotificationButtonClicked,
  onNotificationClicked,
  syncReminders,
  type ReminderLog,
} from '../../../entrypoints/background/reminders.ts';
import { openSunsetDb, type StoredNotice } from '../../../utils/store/db.ts';
import { readLedger } from '../../../utils/store/ledger.ts';
import { getNotice, putStoredNotices } from '../../../utils/store/notices.ts';
import { DAY, HOUR, notice } from './helpers.ts';

const NOW = Date.parse('2026-03-01T10:00:00+08:00');
const CUTOFF = NOW + 20 * HOUR;

async function seed(link?: string): Promise<void> {
  const { link: _drop, ...rest } = notice('g1', CUTOFF, { replacement: '消费品解决方案' }).notice;
  const record: StoredNotice = {
    guid: 'g1',
    notice: link === undefined ? rest : { ...rest, link },
    origin: 'feed',
    hash: 'h1',
    firstSeenAt: NOW - DAY,
    updatedAt: NOW - DAY,
    read: false,
    muted: false,
  };
  const db = await openSunsetDb();
  await putStoredNotices(db, [record]);
  db.close();
}

async function notificationIds(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll());
}

async function log(): Promise<ReminderLog | undefined> {
  const db = await openSunsetDb();
  const record = await db.get('meta', LOG_KEY);
  db.close();
  return record?.value as ReminderLog | undefined;
}

beforeEach(() => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('syncReminders', () => {
  it('shows one notification, records it, and schedules the next rungs', async () => {
    await seed('https://rule.1688.com/g1');
    await syncReminders();
    const ids = await notificationIds();
    expect(ids).toHaveLength(1);
    expect(ids[0]!.startsWith('sunset:g1:')).toBe(true);
    const shown = (await fakeBrowser.notifications.getAll()) as Record<
      string,
      { title: string; message: string }
    >;
    expect(shown[ids[0]!]!.title).toBe('家居百货解决方案 即将停止新订购');
    expect(shown[ids[0]!]!.message).toContain('可改用：消费品解决方案');
    const db = await openSunsetDb();
    expect((await readLedger(db)).map((r) => r.id)).toContain('g1|家居百货解决方案|no-new-orders|1440');
    db.close();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.scheduledTime).sort()).toEqual([CUTOFF - 2 * HOUR, CUTOFF]);
    expect(alarms.every((a) => a.name.startsWith('rem:'))).toBe(true);
  });

  it('runs again without a second notification and without resetting alarms', async () => {
    await seed('https://rule.1688.com/g1');
    await syncReminders();
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    const show = vi.spyOn(fakeBrowser.notifications, 'create');
    await syncReminders();
    await Promise.all([syncReminders(), syncReminders()]);
    expect(show).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    expect((await log())?.shown).toHaveLength(1);
  });

  it('clears its own alarms that are no longer planned, never others', async () => {
    await fakeBrowser.alarms.create('rem:123', { when: NOW + DAY * 30 });
    await fakeBrowser.alarms.create('poll:next', { when: NOW + HOUR });
    await syncReminders();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(['poll:next']);
  });
});

describe('clicks and buttons', () => {
  it('a click opens the https notice link and marks the notice read', async () => {
    await seed('https://rule.1688.com/g1');
    await syncReminders();
    const [id] = await notificationIds();
    await onNotificationClicked(id!);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain('https://rule.1688.com/g1');
    const db = await openSunsetDb();
    expect((await getNotice(db, 'g1'))?.read).toBe(true);
    db.close();
    expect(await notificationIds()).toEqual([]);
  });

  it('without a link, 查看公告 opens the popup page instead', async () => {
    await seed();
    await syncReminders();
    const [id] = await notificationIds();
    await onNotificationButtonClicked(id!, 0);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/popup.html'));
  });

  it('明天提醒 snoozes the milestone for 24 hours and wakes up then', async () => {
    await seed('https://rule.1688.com/g1');
    await syncReminders();
    const [id] = await notificationIds();
    await onNotificationButtonClicked(id!, 1);
    const db = await openSunsetDb();
    const snooze = (await readLedger(db)).find((r) => r.type === 'snooze');
    db.close();
    // Tomorrow is after the cutoff: the held 2-hour rung gives way to the cutoff reminder.
    expect(snooze).toBeUndefined();
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.scheduledTime)).toEqual([CUTOFF]);
    expect(await notificationIds()).toEqual([]);
  });

  it('明天提醒 a week ahead brings the milestone back in 24 hours', async () => {
    vi.setSystemTime(CUTOFF - 7 * DAY);
    await seed('https://rule.1688.com/g1');
    await syncReminders();
    const [id] = await notificationIds();
    await onNotificationButtonClicked(id!, 1);
    const db = await openSunsetDb();
    const snooze = (await readLedger(db)).find((r) => r.type === 'snooze');
    db.close();
    expect(snooze?.type === 'snooze' && snooze.until).toBe(CUTOFF - 6 * DAY);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.scheduledTime)).toContain(CUTOFF - 6 * DAY);
    vi.setSystemTime(CUTOFF - 6 * DAY);
    await syncReminders();
    expect(await notificationIds()).toHaveLength(1);
  });

  it('ignores notifications that are not its own', async () => {
    const before = (await fakeBrowser.tabs.query({})).length;
    await onNotificationClicked('other');
    await onNotificationButtonClicked('other:x', 1);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
  });
});

async function seedMany(count: number): Promise<void> {
  const db = await openSunsetDb();
  const records: StoredNotice[] = [];
  for (let i = 0; i < count; i++) {
    const n = notice(`n${i}`, NOW + (i + 1) * 3 * HOUR).notice;
    records.push({
      guid: n.guid,
      notice: n,
      origin: 'feed',
      hash: `h${i}`,
      firstSeenAt: NOW,
      updatedAt: NOW,
      read: true,
      muted: false,
    });
  }
  await putStoredNotices(db, records);
  db.close();
}

describe('the 500-alarm limit in the browser', () => {
  it('keeps room for the poller even while its alarms are momentarily absent', async () => {
    await seedMany(600);
    // poll:next has just fired and poll:watchdog is not set yet: both must still fit afterwards.
    await syncReminders();
    const reminders = (await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('rem:'));
    expect(reminders).toHaveLength(498);
  });

  it('leaves room for every alarm the other parts keep', async () => {
    await seedMany(600);
    for (const name of ['poll:next', 'poll:watchdog', 'poll:other'])
      await fakeBrowser.alarms.create(name, { when: NOW + DAY });
    await syncReminders();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(500);
  });
});
