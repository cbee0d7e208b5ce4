// The thin adapter between settings and browser.storage.local (the rules live in ./settings.ts).
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Stores already-validated settings (see validateSettings). */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}
