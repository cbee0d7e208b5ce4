// Firefox in end-to-end tests: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi
// (Playwright's Firefox is a patched build it cannot download here). Where the Firefox build is, the
// browser's start on a profile, the extension's pages, and the replica backend page served as
// https://p4p.1688.com/ (puppeteer's request interception over BiDi: Firefox has no context.route).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { P4P_MAIN } from '../../fixtures/pages/serve.ts';
import { E2E_OUT_DIR } from './paths.ts';
import { until } from './wait.ts';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
/** Built by the e2e global setup (support/global-setup.ts), once per run. */
export const FIREFOX_DIR = join(E2E_OUT_DIR, 'firefox-mv3');
export const GECKO_ID = 'sunset-watch@sunset-watch.invalid';
/** The moz-extension:// host is random per profile unless a pref fixes it before the install. */
export const UUID = '2c7e3a51-5b1e-4f2a-9d0e-6f0c1d2e3a4b';

/**
 * Whether firefox-esr is there. Without it a suite is skipped with an install hint, except in CI,
 * where a missing browser is a failure, never a silent skip.
 */
export function hasFirefox(what: string): boolean {
  if (existsSync(FIREFOX)) return true;
  const message = `Firefox not found at ${FIREFOX}. Install it with: apt-get update && apt-get install -y firefox-esr (or set FIREFOX_PATH).`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n[e2e] ${message}\n[e2e] ${what} is skipped.\n`);
  return false;
}

/**
 * An unsigned XPI of `dir` at `file`: a zip with the manifest at its root, which is all an XPI
 * is until AMO signs it.
 */
export async function packXpi(dir: string, file: string): Promise<void> {
  const zip = new JSZip();
  const add = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) add(path);
      else zip.file(relative(dir, path).split('\\').join('/'), readFileSync(path));
    }
  };
  add(dir);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/**
 * Starts firefox-esr (headless) on `profile`. Starting the same profile again is how a test
 * restarts the browser: puppeteer keeps a profile it was given. The moz-extension:// UUID is
 * fixed for GECKO_ID; `prefs` adds to that.
 */
export function launchFirefox(profile: string, prefs: Record<string, unknown> = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    // Automation may open moz-extension:// pages only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }), ...prefs },
  });
}

interface BidiSender {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function bidiConnection(browser: Browser): BidiSender {
  // puppeteer's browser.installExtension sends only `{ type: 'path' }`, which Firefox installs as
  // a temporary add-on (gone when Firefox quits). A permanent install needs Firefox's own
  // `moz:permanent` parameter, so the command goes over puppeteer's BiDi connection, which its
  // BiDi browser has but its public types do not name.
  const connection: unknown = (browser as unknown as { connection?: unknown }).connection;
  if (typeof (connection as BidiSender | undefined)?.send !== 'function') {
    throw new Error('no WebDriver BiDi connection on this puppeteer browser (is it Firefox over BiDi?)');
  }
  return connection as BidiSender;
}

/**
 * Installs the XPI at `xpi` permanently, as a user's install from a file would: it stays in the
 * profile, with its storage, across restarts. An unsigned XPI needs the profile's
 * `xpinstall.signatures.required` false, which only unbranded, ESR and Developer builds honour.
 * Returns the add-on's id.
 */
export async function installPermanently(browser: Browser, xpi: string): Promise<string> {
  const { result } = await bidiConnection(browser).send('webExtension.install', {
    extensionData: { type: 'archivePath', path: xpi },
    'moz:permanent': true,
  });
  const id = (result as { extension?: unknown }).extension;
  if (typeof id !== 'string') throw new Error(`webExtension.install gave no id: ${JSON.stringify(result)}`);
  return id;
}

/** Opens an extension page. Firefox reports no load event for it over BiDi: callers wait for the
 * page's own content instead. */
export async function extensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page
    .goto(`moz-extension://${UUID}/${path}`, { waitUntil: 'domcontentloaded', timeout: 5_000 })
    .catch(() => undefined);
  return page;
}

/**
 * The guids the popup lists (data-notice-id), once they include every one of `expected`; the
 * popup shows what was stored when it opened, so it is reloaded until then.
 */
export async function popupNoticeIds(
  page: Page,
  expected: readonly string[],
  what: string,
  timeoutMs?: number,
): Promise<string[]> {
  let ids: string[] = [];
  try {
    return await until(
      async () => {
        ids = await page
          .evaluate(() =>
            [...document.querySelectorAll('[data-notice-id]')].map(
              (el) => el.getAttribute('data-notice-id') ?? '',
            ),
          )
          .catch((): string[] => []);
        if (expected.every((id) => ids.includes(id))) return ids;
        await page.reload({ waitUntil: 'domcontentloaded', timeout: 5_000 }).catch(() => undefined);
        return undefined;
      },
      what,
      { timeoutMs },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; the popup listed [${ids.join(', ')}]`, { cause: error });
  }
}

/**
 * A new tab on the replica backend page p4p-main.html served as P4P_MAIN (other 1688.com
 * addresses answer 404), at the size the Chromium tests see (Playwright's default): at
 * puppeteer's 800 × 600 the plan table's name cell has no room even for an English countdown.
 */
export async function openP4pReplica(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  const html = readFileSync(new URL('../../fixtures/pages/p4p-main.html', import.meta.url), 'utf8');
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith(P4P_MAIN)) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else if (request.url().startsWith('https://') && new URL(request.url()).host.endsWith('1688.com')) {
      void request.respond({ status: 404, contentType: 'text/plain', body: 'not in the replica' });
    } else {
      void request.continue();
    }
  });
  await page.goto(P4P_MAIN, { waitUntil: 'domcontentloaded' });
  return page;
}

/** The names the page flags (data-sunset-flag), once `name` is among them. */
export function flaggedNames(page: Page, name: string, timeoutMs?: number): Promise<string[]> {
  return until(
    async () => {
      const names = await page.evaluate(() =>
        [...document.querySelectorAll('[data-sunset-flag]')].map(
          (el) => el.getAttribute('data-sunset-flag') ?? '',
        ),
      );
      return names.includes(name) ? names : undefined;
    },
    `the content script to flag ${name}`,
    { timeoutMs },
  );
}
