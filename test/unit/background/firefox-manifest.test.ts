// `npm run build:firefox` must give a loadable Firefox MV3 build: background as scripts (no
// service worker), a Gecko id, the popup, the options page and the same permissions as Chrome.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FEED = 'https://feeds.example.com/sunset.xml';

interface Manifest {
  manifest_version: number;
  background?: { scripts?: string[]; service_worker?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
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
    expect(firefox.default_locale).toBe('zh_CN');
    expect(existsSync(join(firefoxDir, '_locales/zh_CN/messages.json'))).toBe(true);
  });

  it('Firefox: popup, options and permissions, with the build feed origin granted', () => {
    expect(firefox.action?.default_popup).toBe('popup.html');
    expect(firefox.options_ui?.page).toBe('options.html');
    expect(firefox.permissions).toEqual(expect.arrayContaining(['storage', 'alarms', 'notifications']));
    expect(firefox.host_permissions).toContain('https://feeds.example.com/*');
    expect(firefox.optional_host_permissions).toEqual(
      expect.arrayContaining(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']),
    );
  });

  it('Chrome: a service worker and no Firefox-only keys', () => {
    expect(chrome.background?.service_worker).toBe('background.js');
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(chrome.host_permissions).toContain('https://feeds.example.com/*');
  });
});
