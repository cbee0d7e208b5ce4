// Notices polled once survive a Firefox restart with the feed unreachable: what a merchant sees
// after quitting Firefox on a train. firefox.e2e.test.ts installs the build as a temporary add-on,
// which Firefox removes, storage and all, when it quits; here the build is packed into an unsigned
// XPI and installed permanently (firefox-esr honours xpinstall.signatures.required=false) into a
// profile kept on disk. Firefox polls the e2e feed, quits, the feed server stops, and Firefox
// starts again on the same profile: the popup lists the same notices and p4p.1688.com still flags
// a retiring product, from IndexedDB alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicaNotices, serveFeed, type FeedHandle } from '../fixtures/pages/serve.ts';
import {
  FIREFOX_DIR,
  GECKO_ID,
  extensionPage,
  flaggedNames,
  hasFirefox,
  installPermanently,
  launchFirefox,
  openP4pReplica,
  packXpi,
  popupNoticeIds,
} from './support/firefox.ts';
import { E2E_FEED_PORT, E2E_FEED_URL } from './support/paths.ts';
import { whenPortFree } from './support/wait.ts';

/** Unsigned: only unbranded, ESR and Developer builds of Firefox let this pref turn the check off. */
const PREFS = { 'xpinstall.signatures.required': false };
/** In the served feed only, not among the bundled notices: listed only if the poll was stored. */
const FEED_ONLY = 'replica-kuajing';
const FLAGGED = '家居百货解决方案';

const withFirefox = hasFirefox('The Firefox restart test');

describe.skipIf(!withFirefox)('notices survive a Firefox restart (firefox-esr)', () => {
  let browser: Browser | undefined;
  let feed: FeedHandle | undefined;
  let dir = '';
  let profile = '';
  let listed: string[] = [];
  let started = 0;

  beforeAll(async () => {
    started = Date.now();
    dir = mkdtempSync(join(tmpdir(), 'sunset-firefox-restart-'));
    profile = join(dir, 'profile');
    await packXpi(FIREFOX_DIR, join(dir, 'sunset-watch.xpi'));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await feed?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    console.log(
      `\nFirefox restart: ${((Date.now() - started) / 1000).toFixed(1)} s from the first launch to close`,
    );
  });

  it('installs the XPI permanently, polls the feed, lists and flags its notices', async () => {
    feed = await whenPortFree(() => serveFeed(E2E_FEED_PORT, replicaNotices(Date.now())));
    browser = await launchFirefox(profile, PREFS);
    expect(await installPermanently(browser, join(dir, 'sunset-watch.xpi'))).toBe(GECKO_ID);

    const popup = await extensionPage(browser, 'popup.html');
    listed = await popupNoticeIds(popup, [FEED_ONLY], 'the popup to list the feed’s notices');
    expect(listed).toEqual(expect.arrayContaining(['replica-jiaju', 'replica-hangye', FEED_ONLY]));
    expect(feed.hits()).toBeGreaterThan(0);
    const page = await openP4pReplica(browser);
    expect(await flaggedNames(page, FLAGGED)).toContain(FLAGGED);

    await browser.close();
    browser = undefined;
    await feed.close();
    feed = undefined;
    // Nothing answers at the feed's address any more: whatever the next start shows was stored.
    await expect(fetch(E2E_FEED_URL)).rejects.toThrow();
  }, 60_000);

  it('after a restart with the feed gone, the popup lists the same notices and the page still flags', async () => {
    expect(listed, 'the first start listed the feed’s notices').toContain(FEED_ONLY);
    browser = await launchFirefox(profile, PREFS);

    const popup = await extensionPage(browser, 'popup.html');
    const again = await popupNoticeIds(
      popup,
      listed,
      'the popup to list the notices of the first start',
      20_000,
    );
    expect([...again].sort()).toEqual([...listed].sort());
    const page = await openP4pReplica(browser);
    expect(await flaggedNames(page, FLAGGED, 20_000)).toContain(FLAGGED);
  }, 60_000);
});
