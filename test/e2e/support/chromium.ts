// Launches Debian's Chromium with the built extension loaded (playwright-core; it cannot
// download a browser here).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { E2E_EXTENSION_DIR } from './paths.ts';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const hasChromium = (): boolean => existsSync(chromiumPath());

/** Flags for every Chromium we launch: no sandbox (a container), no GPU, no network of its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker (re-read after a restart: it is a new object). */
  worker: Worker;
  userDataDir: string;
  /** Closes the browser; the profile stays so a test can start it again. */
  close(): Promise<void>;
}

/** Makes a fresh profile folder; remove it with `removeProfile` when the test is done. */
export function newProfile(): string {
  return mkdtempSync(join(tmpdir(), 'sunset-e2e-'));
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts Chromium on `userDataDir` (a new profile unless given) with the extension loaded and
 * waits for its service worker. Starting the same profile again is how tests restart the browser.
 * `extraArgs` go on Chromium's command line too (e.g. `--log-net-log=…`).
 */
export async function launchWithExtension(
  userDataDir: string = newProfile(),
  extensionDir: string = E2E_EXTENSION_DIR,
  extraArgs: readonly string[] = [],
): Promise<ExtensionSession> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    // Pages see a Chinese browser (navigator.language), as our merchants' do. Debian's Chromium
    // ships only the en-US UI pack, so chrome.i18n itself stays English here.
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, userDataDir, close: () => context.close() };
}

/**
 * A plain Chromium (no extension) with one blank UTF-8 page that has run `script` (a bundle of
 * our own code: the page-scan harness, the scan oracle). Close `browser` when done.
 */
export async function blankPageWithScript(script: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: script });
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** A new tab on one of the extension's pages (`popup.html` unless told). */
export async function openExtensionPage(session: ExtensionSession, path = 'popup.html'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}
