// Page warnings on further 1688 hosts (settings.extraHosts, switched on in the options page): the
// options page asks for the host permission; this registers the same content script there with
// scripting.registerContentScripts, for the hosts actually granted, and keeps that in step when
// settings or permissions change. "The same" is read from the manifest's own entry: its files,
// document_start (the order guard listens before any page script, issue 16 item 3), every frame,
// and srcdoc/about:blank frames (match_origin_as_fallback, which covers match_about_blank's; the
// scripting API has no matchAboutBlank).
import browser, { type Manifest, type Scripting } from 'webextension-polyfill';
import { extraHostPatterns } from '../../utils/page/hosts.ts';
import { loadSettings, settingsItem } from '../../utils/store/settings-item.ts';

export const PAGE_SCRIPT_ID = 'sunset-watch-extra-hosts';

/** The manifest's content script (entrypoints/marketing.content/) registered on `matches`. */
export function pageScript(
  entry: Manifest.ContentScript,
  matches: string[],
): Scripting.RegisteredContentScript {
  const script: Scripting.RegisteredContentScript = {
    id: PAGE_SCRIPT_ID,
    matches,
    js: entry.js ?? [],
    // The flagged names' highlight colours (entrypoints/marketing.content/highlight.css).
    css: entry.css ?? [],
    allFrames: entry.all_frames ?? false,
    runAt: entry.run_at ?? 'document_idle',
    persistAcrossSessions: true,
  };
  if (entry.match_origin_as_fallback || entry.match_about_blank) script.matchOriginAsFallback = true;
  return script;
}

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
  const entry = browser.runtime.getManifest().content_scripts?.[0];
  if (granted.length && entry) await scripting.registerContentScripts([pageScript(entry, granted)]);
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
