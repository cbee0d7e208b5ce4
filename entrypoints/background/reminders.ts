// Browser-facing side of reminders (issue 5): alarms, notifications and their buttons. The
// decisions are made by utils/reminders/schedule.ts (pure); the ledger is written in the same
// IndexedDB transaction that planned it (utils/store/ledger.ts) BEFORE anything is shown, so a
// reminder is shown at most once even if the worker dies mid-way, and notification ids are
// deterministic, so showing one again would replace it rather than add a second.
import browser, { type Notifications } from 'webextension-polyfill';
import enCommon from '../../locales/en/common.json';
import enReminders from '../../locales/en/reminders.json';
import zhCommon from '../../locales/zh_CN/common.json';
import zhReminders from '../../locales/zh_CN/reminders.json';
import { mergeParts, translatorFor, type Translate } from '../../utils/i18n/catalog.ts';
import { isHttpsUrl } from '../../utils/notice/schema.ts';
import { renderNotification, type RenderedNotification } from '../../utils/reminders/render.ts';
import {
  ALARM_LIMIT,
  ALARM_PREFIX,
  guidOfNotification,
  planReminders,
  snoozeRecords,
  SUMMARY_GUID,
  type PlannedAlarm,
} from '../../utils/reminders/schedule.ts';
import { openSunsetDb, type SunsetDatabase } from '../../utils/store/db.ts';
import { applyLedger, planAndRecord, readLedger } from '../../utils/store/ledger.ts';
import { getNotice, markRead } from '../../utils/store/notices.ts';
import { listSeen } from '../../utils/store/seen.ts';
import { loadSettings } from '../../utils/store/settings-item.ts';
import { seenIndex } from '../../utils/store/view.ts';
import { RESERVED_POLL_ALARMS } from './alarm-names.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhReminders]),
  en: mergeParts([enCommon, enReminders]),
};

/** The browser's own zone: quiet hours are local (utils/reminders/quiet-hours.ts). */
const localZone = (): string | undefined => Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;

// Runs one after another within this worker: a poll and an alarm arriving together would
// otherwise race on creating and clearing alarms. (The ledger itself is safe either way.)
let queue: Promise<void> = Promise.resolve();
function serially(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Plans, records, shows what is due, and sets the next alarms. Safe to call at any time. */
export function syncReminders(): Promise<void> {
  return serially(async () => {
    const settings = await loadSettings();
    const db = await openSunsetDb();
    const now = Date.now();
    const timeZone = localZone();
    // 500 alarms in all (issue 5, item 2): whatever the other parts hold is not ours to use.
    // The poller's alarms are reserved even when absent (one may have fired and not be re-created yet).
    const otherNames = new Set<string>(RESERVED_POLL_ALARMS);
    for (const alarm of await browser.alarms.getAll()) {
      if (!alarm.name.startsWith(ALARM_PREFIX)) otherNames.add(alarm.name);
    }
    const others = otherNames.size;
    const maxAlarms = ALARM_LIMIT - others;
    // Products seen on the merchant's pages (issue 20): 提醒范围 and 「您有 3 个计划在用」.
    const seen = seenIndex(await listSeen(db, now));
    const plan = await planAndRecord(db, (notices, ledger) =>
      planReminders({ notices, ledger, now, timeZone, settings, maxAlarms, seen }),
    );
    const { t, locale } = translatorFor(catalogs, settings.language, globalThis.navigator?.language);
    const shown: RenderedNotification[] = [];
    for (const planned of plan.notifications) {
      const rendered = renderNotification(planned, { t, now, timeZone, locale, seen });
      try {
        await show(rendered, t);
        shown.push(rendered);
      } catch (error) {
        // Recorded but not shown: say so in the worker's log rather than stop the others.
        console.warn(`sunset-watch: could not show ${rendered.id}`, error);
      }
    }
    await setAlarms(plan.alarms);
    await appendLog(db, now, shown);
  });
}

export async function onReminderAlarm(_name: string): Promise<void> {
  // Whatever alarm woke us, the plan is recomputed from the ledger and the clock.
  await syncReminders();
}

export const LOG_KEY = 'reminders:log';
const LOG_SIZE = 100;

export interface ReminderLog {
  lastSyncAt: number;
  shown: { id: string; at: number; title: string }[];
}

/**
 * A short record of the last runs and the notifications they created (meta store). Chromium's
 * notification centre forgets notifications on restart and in headless mode, so this is how a
 * person (or an e2e test) can check that each reminder was created exactly once.
 */
async function appendLog(db: SunsetDatabase, now: number, created: RenderedNotification[]): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const before = (await tx.store.get(LOG_KEY))?.value as Partial<ReminderLog> | undefined;
  const shown = [
    ...(Array.isArray(before?.shown) ? before.shown : []),
    ...created.map((n) => ({ id: n.id, at: now, title: n.title })),
  ];
  const value: ReminderLog = { lastSyncAt: now, shown: shown.slice(-LOG_SIZE) };
  await tx.store.put({ key: LOG_KEY, value });
  await tx.done;
}

async function show(n: RenderedNotification, t: Translate): Promise<void> {
  const base: Notifications.CreateNotificationOptions = {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon-128.png'),
    title: n.title,
    message: n.message,
    priority: 2,
  };
  const buttons = n.buttons.map((b) => ({ title: t(b === 'view' ? 'rem_btn_view' : 'rem_btn_snooze') }));
  // Richest first. Chrome's buttons are not in the polyfill's (Firefox) types, and Firefox
  // refuses both buttons and `list`: each later attempt drops what a browser may not support,
  // so the (already recorded) reminder is never lost to a presentation detail.
  const attempts: Notifications.CreateNotificationOptions[] = [
    {
      ...base,
      ...(n.items ? { type: 'list', items: n.items } : {}),
      buttons,
    } as Notifications.CreateNotificationOptions,
    ...(n.items ? [{ ...base, type: 'list' as const, items: n.items }] : []),
    { ...base, message: n.items ? n.items.map((i) => `${i.title}：${i.message}`).join('\n') : n.message },
  ];
  for (const [index, options] of attempts.entries()) {
    try {
      await browser.notifications.create(n.id, options);
      return;
    } catch (error) {
      if (index === attempts.length - 1) throw error;
    }
  }
}

/** Creates the planned alarms that do not exist yet and clears our alarms that are no longer planned. */
async function setAlarms(planned: readonly PlannedAlarm[]): Promise<void> {
  const wanted = new Set(planned.map((a) => a.name));
  for (const alarm of await browser.alarms.getAll()) {
    if (alarm.name.startsWith(ALARM_PREFIX) && !wanted.has(alarm.name))
      await browser.alarms.clear(alarm.name);
  }
  for (const alarm of planned) {
    // Creating an existing alarm again would reset it: check first (issue 5, item 2).
    if (!(await browser.alarms.get(alarm.name)))
      await browser.alarms.create(alarm.name, { when: alarm.when });
  }
}

async function openNotice(notificationId: string): Promise<void> {
  const guid = guidOfNotification(notificationId);
  const db = await openSunsetDb();
  const stored = guid && guid !== SUMMARY_GUID ? await getNotice(db, guid) : undefined;
  const link = stored?.notice.link;
  // Only https links are ever followed (feed-format.md); otherwise the popup's list opens.
  const url = link && isHttpsUrl(link) ? link : browser.runtime.getURL('/popup.html');
  await browser.tabs.create({ url });
  if (stored) await markRead(db, [stored.guid]);
  await browser.notifications.clear(notificationId);
}

/** 明天提醒: every milestone the notification announced comes back in 24 hours. */
async function snooze(notificationId: string): Promise<void> {
  const db = await openSunsetDb();
  const writes = snoozeRecords(await readLedger(db), notificationId, Date.now());
  await applyLedger(db, { writes, deletes: [] });
  await browser.notifications.clear(notificationId);
  await syncReminders();
}

function ours(notificationId: string): boolean {
  return guidOfNotification(notificationId) !== null;
}

export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (ours(notificationId)) await openNotice(notificationId);
}

export async function onNotificationButtonClicked(
  notificationId: string,
  buttonIndex: number,
): Promise<void> {
  if (!ours(notificationId)) return;
  // Buttons are always [查看公告, 明天提醒] (render.ts), a cancellation has only the first.
  if (buttonIndex === 0) await openNotice(notificationId);
  else await snooze(notificationId);
}
