// Keeps what content scripts report with `page/suspended` (utils/page/suspended.ts) in
// storage.session, by the sender's tab and frame: no state in the worker's memory.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import { SUSPENDED_KEY, withReport, type SuspendedByTab } from '../../utils/page/suspended.ts';

export async function noteSuspended(names: string[], sender: Runtime.MessageSender): Promise<{ ok: true }> {
  const tab = sender.tab?.id;
  if (tab === undefined) return { ok: true };
  const all = ((await browser.storage.session.get(SUSPENDED_KEY))[SUSPENDED_KEY] ?? {}) as SuspendedByTab;
  await browser.storage.session.set({ [SUSPENDED_KEY]: withReport(all, tab, sender.frameId ?? 0, names) });
  return { ok: true };
}
