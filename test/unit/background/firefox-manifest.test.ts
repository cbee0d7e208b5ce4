// `npm run build:firefox` must give a loadable Firefox MV3 build: background as scripts (no
// service worker), a Gecko id, the popup, the options page and the same permissions as Chrome.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// A port, as `npm start`'s feed has: no match pattern may carry it (Firefox matches nothing then).
const FEED = 'https://feeds.example.com:8443/sunset.xml';

interface Manifest {
  manifest_version: number;
  background?: { scripts?: string[]; service_worker?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
    gecko_android?: { strict_min_version?: string };
  };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  default_locale?: string;
}

function build(browser: 'firefox' | 'chrome', outDir: string): string {
  execFileSync('npx', ['wxt', 'build', '-b', browser], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, WXT_FEED_URL: FEED, SUNSET_OUT_DIR: outDir },
  });
  return join(outDir, `${browser}-mv3`);
}

describe('browser builds', () => {
  let outDir: string;
  let firefox: Manifest;
  let chrome: Manifest;
  let firefoxDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'sunset-build-'));
    firefoxDir = build('firefox', outDir);
    firefox = JSON.parse(readFileSync(join(firefoxDir, 'manifest.json'), 'utf8')) as Manifest;
    chrome = JSON.parse(readFileSync(join(build('chrome', outDir), 'manifest.json'), 'utf8')) as Manifest;
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('Firefox: MV3 with background scripts and a Gecko id', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.background?.scripts?.length).toBeGreaterThan(0);
    expect(firefox.background?.service_worker).toBeUndefined();
    for (const script of firefox.background?.scripts ?? [])
      expect(existsSync(join(firefoxDir, script))).toBe(true);
    expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/@/);
    // Issue 17 item 5: nothing is collected (required of new add-ons on AMO), and the minimum
    // versions are those that read that key (140 desktop, 142 Android; 128 had the APIs used).
    expect(firefox.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({
      required: ['none'],
    });
    expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect(firefox.browser_specific_settings?.gecko_android?.strict_min_version).toBe('142.0');
    expect(firefox.default_locale).toBe('zh_CN');
    expect(existsSync(join(firefoxDir, '_locales/zh_CN/messages.json'))).toBe(true);
  });

  it('Firefox: popup, options and permissions, with the build feed origin granted', () => {
    expect(firefox.action?.default_popup).toBe('popup.html');
    expect(firefox.options_ui?.page).toBe('options.html');
    expect(firefox.permissions).toEqual(expect.arrayContaining(['storage', 'alarms', 'notifications']));
    expect(firefox.host_permissions).toEqual(['https://feeds.example.com/*']);
    // No pattern anywhere names a port.
    const patterns = [...(firefox.host_permissions ?? []), ...(firefox.optional_host_permissions ?? [])];
    for (const pattern of patterns) expect(pattern).toMatch(/^[a-z*]+:\/\/[^/:]+\/\*$/);
    expect(firefox.optional_host_permissions).toEqual(
      expect.arrayContaining(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']),
    );
  });

  it('Chrome: a service worker and no Firefox-only keys', () => {
    expect(chrome.background?.service_worker).toBe('background.js');
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.host_permissions).toEqual(['https://feeds.example.com/*']);
  });
});
