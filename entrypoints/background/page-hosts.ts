// Page warnings on further 1688 hosts (settings.extraHosts, switched on in the options page): the
// options page asks for the host permission; this registers the same content script there with
// scripting.registerContentScripts, for the hosts actually granted, and keeps that in step when
// settings or permissions change.
import browser from 'webextension-polyfill';
import { extraHostPatterns } from '../../utils/page/hosts.ts';
import { loadSettings, settingsItem } from '../../utils/store/settings-item.ts';

export const PAGE_SCRIPT_ID = 'sunset-watch-extra-hosts';
/** WXT's output name for entrypoints/marketing.content/. */
const CONTENT_SCRIPT_FILE = 'content-scripts/marketing.js';

/** Registers the page content script on every extra host the user granted; unregisters the rest. */
export async function syncPageHosts(): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const settings = await loadSettings();
  const granted: string[] = [];
  for (const pattern of extraHostPatterns(settings.extraHosts)) {
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await scripting.getRegisteredContentScripts({ ids: [PAGE_SCRIPT_ID] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [PAGE_SCRIPT_ID] });
  if (granted.length) {
    await scripting.registerContentScripts([
      {
        id: PAGE_SCRIPT_ID,
        matches: granted,
        js: [CONTENT_SCRIPT_FILE],
        // The flagged names' highlight colours (entrypoints/marketing.content/highlight.css).
        css: ['content-scripts/marketing.css'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return granted;
}

function resync(): void {
  syncPageHosts().catch((error: unknown) => console.warn('[Sunset Watch] page hosts:', error));
}

/** Call once at the worker's top level: keeps registrations in step with settings and grants. */
export function registerPageHosts(): void {
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);
  settingsItem.watch(resync);
  browser.runtime.onInstalled.addListener(resync);
  browser.runtime.onStartup.addListener(resync);
}
