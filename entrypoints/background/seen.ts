// What content scripts report with `page/seen` (issue 20), kept in IndexedDB's `seen` store
// (utils/store/seen.ts): nothing of it ever leaves the browser. A page load is counted once per
// tab: the tab's top frame starting a page (its `watched/list`) begins a load, and in it each
// product counts once, whichever frame reported it (the workbench's panels are iframes of the
// same page). The names already counted in each tab's load live in storage.session, not in the
// worker's memory; reports are handled one at a time, so two frames of one tab never both count.
import browser, { type Runtime } from 'webextension-polyfill';
import type { RequestOf } from '../../utils/messages/protocol.ts';
import { whereOf } from '../../utils/page/seen-report.ts';
import { openSunsetDb, type SunsetDatabase } from '../../utils/store/db.ts';
import { listNotices } from '../../utils/store/notices.ts';
import { clearSeen, recordSeen } from '../../utils/store/seen.ts';
import { isActiveSunset } from '../../utils/store/view.ts';
import { updateBadge } from './poller.ts';
import { syncReminders } from './reminders.ts';

const LOADS_KEY = 'seenLoads';
/** Tab id → the product names already counted in the tab's current page load. */
type LoadsByTab = Record<string, string[]>;

let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function loads(): Promise<LoadsByTab> {
  return ((await browser.storage.session.get(LOADS_KEY))[LOADS_KEY] ?? {}) as LoadsByTab;
}

/** A tab's top frame started a page: a new page load for the tab. */
export function newPageLoad(sender: Runtime.MessageSender): Promise<void> {
  const tab = sender.tab?.id;
  if (tab === undefined || sender.frameId !== 0) return Promise.resolve();
  return serially(async () => {
    const all = await loads();
    if (!(tab in all)) return;
    delete all[tab];
    await browser.storage.session.set({ [LOADS_KEY]: all });
  });
}

/** The names of the products of active notices: only those are ever kept. */
async function watchedNames(db: SunsetDatabase): Promise<Set<string>> {
  const names = new Set<string>();
  for (const stored of await listNotices(db)) {
    if (isActiveSunset(stored.notice))
      for (const p of stored.notice.sunset?.products ?? []) names.add(p.name);
  }
  return names;
}

export function noteSeen(
  { products }: RequestOf<'page/seen'>,
  sender: Runtime.MessageSender,
): Promise<{ ok: true }> {
  const tab = sender.tab?.id;
  // Only a page in a tab reports (the content script's sender has one).
  if (tab === undefined) return Promise.resolve({ ok: true });
  return serially(async () => {
    const db = await openSunsetDb();
    const watched = await watchedNames(db);
    const seen = products.filter((p) => watched.has(p.name));
    if (!seen.length) return { ok: true } as const;
    const all = await loads();
    const counted = new Set(all[tab] ?? []);
    const newLoads = new Set(seen.map((p) => p.name).filter((name) => !counted.has(name)));
    // Where: the sender's own address, reduced to host and route kind (a srcdoc frame: its origin's).
    const where = whereOf(sender.url) || whereOf((sender as { origin?: string }).origin);
    const added = await recordSeen(db, seen, where, newLoads, Date.now());
    if (newLoads.size) {
      all[tab] = [...counted, ...newLoads];
      await browser.storage.session.set({ [LOADS_KEY]: all });
    }
    // A product seen for the first time changes the badge and, with 仅与我相关, the reminders.
    if (added.length) {
      await updateBadge();
      void syncReminders();
    }
    return { ok: true } as const;
  });
}

/** 清除使用记录: the records and this session's load counts; the badge and reminders as before anything was seen. */
export function clearSeenRecords(): Promise<{ ok: true }> {
  return serially(async () => {
    await clearSeen(await openSunsetDb());
    await browser.storage.session.remove(LOADS_KEY);
    await updateBadge();
    void syncReminders();
    return { ok: true } as const;
  });
}
