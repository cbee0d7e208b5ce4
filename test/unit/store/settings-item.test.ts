// The settings storage item's migrations (WXT storage.defineItem, against WXT's fake browser): a
// value an older version wrote keeps every field and gains the new ones (issue 20: 提醒范围).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../../utils/store/settings.ts';

const V1 = {
  version: 1,
  feeds: ['https://feeds.example.com/sunset.xml'],
  pollMinutes: 30,
  leadMinutes: [1440, 0],
  pageWarnings: true,
  bannerDays: 7,
  language: 'zh_CN',
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
  extraHosts: ['sycm.1688.com'],
};

/** The module as a fresh worker start loads it: its migrations run on load. */
async function freshItem() {
  vi.resetModules();
  return import('../../../utils/store/settings-item.ts');
}

beforeEach(() => fakeBrowser.reset());

describe('settings storage item', () => {
  it('migrates a version 1 value to version 2: every field kept, 提醒范围 全部公告', async () => {
    // What every install before issue 20 wrote: the value, without WXT's version record.
    await fakeBrowser.storage.local.set({ settings: V1 });
    const { loadSettings, settingsItem } = await freshItem();
    expect(await loadSettings()).toEqual({ ...V1, version: SETTINGS_VERSION, remindScope: 'all' });
    // Stored migrated, with its version recorded, so it runs once.
    expect(await settingsItem.getValue()).toEqual({ ...V1, version: 2, remindScope: 'all' });
    expect(await settingsItem.getMeta()).toEqual({ v: 2 });
  });

  it('keeps a version 2 value as it is (仅与我相关 stays chosen)', async () => {
    const v2 = { ...V1, version: 2, remindScope: 'affects' };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    const { loadSettings } = await freshItem();
    expect((await loadSettings()).remindScope).toBe('affects');
  });

  it('gives the defaults on a fresh install', async () => {
    const { loadSettings } = await freshItem();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
