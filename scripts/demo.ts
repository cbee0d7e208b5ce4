// `npm run demo`: builds the extension, opens it in Chromium on the replica backend served at the
// real address (https://p4p.1688.com/main.html, by request interception), with a local feed whose
// dates are relative to now, and writes screenshots to demo-shots/: the pages, the order guard
// and the popup at 420 and 320 px, in Chinese. The README's three (docs/screenshot.png, guard.png,
// popup.png) are copied from them. Needs a CJK font (fonts-noto-cjk): checked first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
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
import { cjkFontProblem } from './fonts.ts';

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
  const fonts = cjkFontProblem();
  if (fonts) {
    console.error(fonts);
    process.exitCode = 1;
    return;
  }
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
    await shot(page, '3-details-card.png');
    await page.mouse.move(1, 1);
    await page.waitForSelector('sunset-watch-card[hidden]', { state: 'attached' });

    await page.click('[data-testid="renew-0"] span');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    await shot(page, '4-order-guard.png');
    // The dialog itself with some of the page around it, for the README.
    const box = await page.locator('sunset-watch-guard dialog').boundingBox();
    const guard = await shot(
      page,
      '4-order-guard-dialog.png',
      box
        ? {
            x: Math.max(0, box.x - 40),
            y: Math.max(0, box.y - 30),
            width: Math.min(1280, box.width + 80),
            height: Math.min(720, box.height + 60),
          }
        : undefined,
    );
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
    const popups: string[] = [];
    // The toolbar popup is 420 px wide (up to 600 tall); 320 px is the narrowest it must work at.
    for (const width of [420, 320]) {
      await popup.setViewportSize({ width, height: 600 });
      // Extension pages answer goto with no HTTP response: wait for the notices instead.
      await popup.goto(popupUrl).catch((error: unknown) => console.log(`  popup: ${String(error)}`));
      await popup.waitForSelector('[data-notice-id="replica-kuajing"]', { timeout: 10_000 });
      popups.push(await shot(popup, `7-popup-${width}.png`));
    }

    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    // The README's pictures: the page with flags, badges and banner; the order guard; the popup.
    for (const [from, to] of [
      [plan, 'screenshot.png'],
      [guard, 'guard.png'],
      [popups[0]!, 'popup.png'],
    ] as const) {
      copyFileSync(from, join(ROOT, 'docs', to));
      console.log(`Copied ${from} to docs/${to}`);
    }
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
