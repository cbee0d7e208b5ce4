// `npm run demo`: builds the extension, opens it in Chromium on the replica backend served at the
// real address (https://p4p.1688.com/main.html, by request interception), with a local feed whose
// dates are relative to now, and writes screenshots to demo-shots/. The best one is copied to
// docs/screenshot.png for the README.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, newProfile, removeProfile } from '../test/e2e/support/chromium.ts';
import { ROOT } from '../test/e2e/support/paths.ts';
import {
  P4P_MAIN,
  WORKBENCH,
  replicaNotices,
  routeReplicaPages,
  serveFeed,
  waitForStoredNotice,
} from '../test/fixtures/pages/serve.ts';

const FEED_PORT = Number(process.env.DEMO_FEED_PORT || 18798);
const OUT = join(ROOT, 'demo-shots');
const EXT_OUT = join(ROOT, '.output/demo');

async function shot(
  page: Page,
  name: string,
  clip?: { x: number; y: number; width: number; height: number },
) {
  const path = join(OUT, name);
  await page.screenshot({ path, clip });
  console.log(`  ${path}`);
  return path;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WXT_FEED_URL: `http://127.0.0.1:${FEED_PORT}/feed.xml`, SUNSET_OUT_DIR: EXT_OUT },
  });
  const feed = await serveFeed(FEED_PORT, replicaNotices(Date.now()));
  const session = await launchWithExtension(newProfile(), join(EXT_OUT, 'chrome-mv3'));
  try {
    await routeReplicaPages(session.context);
    await waitForStoredNotice(session.worker, 'replica-kuajing');
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    console.log('Screenshots:');

    await page.goto(`${P4P_MAIN}#!/report/plan`);
    await page.waitForSelector('body[data-late-rows="loaded"]');
    await page.waitForSelector('[data-sunset-flag="跨境专供解决方案"]');
    const plan = await shot(page, '1-plan-report-flagged.png');
    await shot(page, '2-banner.png', { x: 0, y: 0, width: 1280, height: 90 });

    await page.locator('sunset-watch-badge[data-product="家居百货解决方案"]').first().hover();
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    const card = await shot(page, '3-details-card.png');
    await page.mouse.move(1, 1);
    await page.waitForSelector('sunset-watch-card[hidden]', { state: 'attached' });

    await page.click('[data-testid="renew-0"] span');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    const guard = await shot(page, '4-order-guard.png');
    await page.keyboard.press('Escape');

    await page.evaluate(() => (location.hash = '#!/solution/list'));
    await page.waitForSelector('.next-card [data-sunset-flag="家居百货解决方案"]');
    await shot(page, '5-solution-cards.png');

    const bench = await session.context.newPage();
    await bench.setViewportSize({ width: 1280, height: 720 });
    await bench.goto(WORKBENCH);
    const frame = await (await bench.waitForSelector('iframe#panel')).contentFrame();
    await frame?.waitForSelector('[data-sunset-flag="家居百货解决方案"]');
    await shot(bench, '6-workbench-iframe.png');

    const popupUrl = `chrome-extension://${session.extensionId}/popup.html`;
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    if (!existsSync(join(EXT_OUT, 'chrome-mv3/popup.html'))) console.log('  (no popup in this build)');
    else {
      // Extension pages answer goto with no HTTP response: wait for the notices instead.
      await popup.goto(popupUrl).catch((error: unknown) => console.log(`  popup: ${String(error)}`));
      await popup.waitForSelector('[data-notice-id]', { timeout: 10_000 }).catch(() => undefined);
      await shot(popup, '7-popup.png');
    }

    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    // The README's picture: flags, badges and the banner in one view (DEMO_BEST=guard|card for the others).
    const choice = process.env.DEMO_BEST;
    const best = choice === 'guard' ? guard : choice === 'card' ? card : plan;
    copyFileSync(best, join(ROOT, 'docs/screenshot.png'));
    console.log(`Copied ${best} to docs/screenshot.png`);
  } finally {
    await session.close();
    removeProfile(session.userDataDir);
    await feed.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
