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
 * Version 1 is what installs before issue 20 wrote (WXT counts a value without its version record
 * as version 1); version 2 adds 提醒范围 (`remindScope`), 全部公告 for everyone who had reminders
 * before. A later shape adds its step here and bumps SETTINGS_VERSION.
 */
export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateToV2 },
});

/** v1 → v2: every field kept, 提醒范围 全部公告 (what v1 did). */
export function migrateToV2(v1: unknown): unknown {
  const fields = typeof v1 === 'object' && v1 !== null && !Array.isArray(v1) ? v1 : {};
  return { ...fields, version: 2, remindScope: 'all' };
}

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
