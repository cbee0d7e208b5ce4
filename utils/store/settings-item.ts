// Where settings live: one WXT storage item in storage.local (`settings`), versioned through WXT's
// own migrations (issue 17 item 7: WXT's storage.defineItem, not a wrapper of our own). The rules
// live in ./settings.ts; what is read back is validated there, field by field (a boundary).
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  type Settings,
} from './settings.ts';

/**
 * Version 1 is what every install so far wrote (WXT counts a value without its version record as
 * version 1). A later shape adds `migrations: { 2: (v1) => v2 }` here and bumps SETTINGS_VERSION.
 */
export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

/** The stored settings, every invalid or missing field at its default (never throws). */
export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Stores already-validated settings (see validateSettings). */
export function saveSettings(settings: Settings): Promise<void> {
  return settingsItem.setValue(settings);
}
