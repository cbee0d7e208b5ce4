// An extension update (here: a reload) while a backend page is open. The old content script's
// context is invalidated: everything it put on the page goes, its observer stops, and nothing of
// it throws "Extension context invalidated" afterwards (issue 4, item 7; design.md: every
// listener and timer tied to the script's lifetime).
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { P4P_MAIN } from '../fixtures/pages/serve.ts';
import { hasChromium } from './support/chromium.ts';
import { startReplica, stopReplica, type ReplicaSetup } from './support/replica.ts';

const ours = (page: Page) =>
  page.evaluate(() => ({
    flags: document.querySelectorAll('[data-sunset-flag]').length,
    // Badges live in our overlay layer's shadow root (design.md: wherever they are in the DOM).
    badges:
      document.querySelectorAll('sunset-watch-badge').length +
      (document.querySelector('sunset-watch-layer')?.shadowRoot?.querySelectorAll('sunset-watch-badge')
        .length ?? 0),
    banners: document.querySelectorAll('sunset-watch-banner').length,
  }));

describe.skipIf(!hasChromium())('extension update with a backend page open', () => {
  let setup: ReplicaSetup | undefined;
  afterAll(() => stopReplica(setup ?? {}));

  it('takes its flags, badges and banner down and leaves no errors behind', async () => {
    setup = await startReplica();
    const { session } = setup;
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${P4P_MAIN}#!/report/plan`);
    await page.waitForSelector('sunset-watch-banner');
    await page.waitForSelector('sunset-watch-badge');
    const before = await ours(page);
    expect(before.flags).toBeGreaterThan(0);
    expect(before.badges).toBeGreaterThan(0);

    // The update: the worker goes away mid-call, so the evaluation itself may fail.
    await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => ours(page), { timeout: 15_000 }).toEqual({ flags: 0, badges: 0, banners: 0 });

    // The old script's observer is gone: a new row naming a retiring product stays unflagged
    // (Chromium does not inject the new version into tabs that were already open).
    await page.evaluate(() => {
      const cell = document.createElement('td');
      cell.textContent = '家居百货解决方案';
      const row = document.createElement('tr');
      row.append(cell);
      (document.querySelector('table tbody') ?? document.body).append(row);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await page.waitForTimeout(1500);
    expect(await ours(page)).toEqual({ flags: 0, badges: 0, banners: 0 });
    expect(errors.filter((e) => /context invalidated|sunset/i.test(e))).toEqual([]);
  });
});
