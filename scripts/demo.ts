// `npm run demo`: builds the extension, opens it in Chromium on the replica backend served at the
// real address (https://p4p.1688.com/main.html, by request interception), with a local feed whose
// dates are relative to now, and writes screenshots to demo-shots/: the pages, the order guard,
// the popup at 420 and 320 px and the options page, in Chinese. The README's three
// (docs/screenshot.png, guard.png, popup.png) and the store's five (docs/store/screenshots/, 1280×800,
// issue 21) are copied or composed from them. Needs a CJK font (fonts-noto-cjk): checked first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { makeTranslator, type Translate } from '../utils/i18n/catalog.ts';
import { readCatalogs } from '../utils/i18n/locale-files.ts';
import type { SeenProduct } from '../utils/store/db.ts';
import { seenIndex } from '../utils/store/view.ts';
import { DEFAULT_SETTINGS } from '../utils/store/settings.ts';
import { planReminders } from '../utils/reminders/schedule.ts';
import { renderNotification, type RenderedNotification } from '../utils/reminders/render.ts';
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
const STORE_OUT = join(ROOT, 'docs/store/screenshots');
/** What the Chrome Web Store and Edge take (issue 21). */
const STORE = { width: 1280, height: 800 };

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

const dataUrl = (png: Buffer | string): string =>
  `data:image/png;base64,${(typeof png === 'string' ? readFileSync(png) : png).toString('base64')}`;

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A store picture: a 1280×800 page screenshot with `overlay` (HTML of our own, positioned
 * absolutely) drawn over it, on a blank page of its own so nothing of the replica is touched.
 */
async function compose(context: BrowserContext, background: string, overlay: string, name: string) {
  const page = await context.newPage();
  await page.setViewportSize(STORE);
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body style="margin:0;width:${STORE.width}px;height:${STORE.height}px;` +
      `background:url(${dataUrl(background)}) no-repeat;font-family:'Noto Sans CJK SC',sans-serif">${overlay}</body>`,
  );
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const path = join(STORE_OUT, name);
  await page.screenshot({ path });
  console.log(`  ${path}`);
  await page.close();
}

/** The products the extension has seen on the merchant's pages (与我相关), from its own database. */
function seenByExtension(worker: Worker): Promise<SeenProduct[]> {
  return worker.evaluate(
    () =>
      new Promise<SeenProduct[]>((resolve) => {
        const open = indexedDB.open('sunset-watch');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('seen')) return resolve([]);
          const all = db.transaction('seen').objectStore('seen').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as SeenProduct[]);
          };
        };
      }),
  );
}

/** Waits (up to 20 s) until `ok` holds of what the extension has seen. */
async function untilSeen(worker: Worker, ok: (seen: SeenProduct[]) => boolean): Promise<SeenProduct[]> {
  for (let i = 0; i < 80; i++) {
    const seen = await seenByExtension(worker);
    if (ok(seen)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('demo: the extension did not record the products of the plan report');
}

/**
 * The reminder the extension shows for these notices now: planned and worded by its own code
 * (utils/reminders/schedule.ts, render.ts) with the Chinese locale and the products it has seen.
 */
function reminderNow(
  notices: ReturnType<typeof replicaNotices>,
  seen: SeenProduct[],
  now: number,
): { rendered: RenderedNotification; t: Translate } {
  const t = makeTranslator(readCatalogs(join(ROOT, 'locales')), 'zh_CN');
  const plan = planReminders({
    notices: notices.map((notice) => ({ guid: notice.guid, notice, muted: false })),
    settings: DEFAULT_SETTINGS,
    now,
    ledger: [],
    timeZone: 'Asia/Shanghai',
    seen: seenIndex(seen),
  });
  const planned = plan.notifications[0];
  if (!planned) throw new Error('demo: no reminder is due for the replica notices');
  const rendered = renderNotification(planned, {
    t,
    now,
    timeZone: 'Asia/Shanghai',
    locale: 'zh-CN',
    seen: seenIndex(seen),
  });
  return { rendered, t };
}

/**
 * A notification-shaped frame (as Chrome draws one on Windows and Linux) holding the
 * notification's own icon, title, text and buttons. The operating system draws the real one,
 * which a headless browser cannot capture (docs/store/README.md says so).
 */
function notificationHtml({ rendered, t }: ReturnType<typeof reminderNow>): string {
  const lines = rendered.items
    ? rendered.items.map((i) => `${i.title}：${i.message}`)
    : rendered.message.split('\n');
  const buttons = rendered.buttons
    .map((b) => t(b === 'view' ? 'rem_btn_view' : 'rem_btn_snooze'))
    .map(
      (label) =>
        `<span style="flex:1;text-align:center;padding:9px 0;color:#1a73e8;font-weight:500">${escapeHtml(label)}</span>`,
    )
    .join('');
  return `<div style="position:absolute;right:16px;top:16px;width:420px;background:#fff;border-radius:8px;
    box-shadow:0 4px 16px rgba(0,0,0,.28),0 0 0 1px rgba(0,0,0,.06);color:#202124;font-size:13px;line-height:1.5">
    <div style="display:flex;gap:8px;align-items:center;padding:10px 14px 0;color:#5f6368;font-size:12px">
      <img src="${dataUrl(join(ROOT, 'public/icon-16.png'))}" width="14" height="14">
      <span>${escapeHtml(t('extName'))}</span><span style="margin-left:auto">刚刚</span></div>
    <div style="display:flex;gap:12px;padding:8px 14px 12px">
      <div style="flex:1;min-width:0">
        <div style="font-weight:600;font-size:14px;margin-bottom:2px">${escapeHtml(rendered.title)}</div>
        ${lines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}
      </div>
      <img src="${dataUrl(join(ROOT, 'public/icon-128.png'))}" width="56" height="56" style="flex:none">
    </div>
    <div style="display:flex;border-top:1px solid #e8eaed">${buttons}</div>
  </div>`;
}

async function main(): Promise<void> {
  const fonts = cjkFontProblem();
  if (fonts) {
    console.error(fonts);
    process.exitCode = 1;
    return;
  }
  mkdirSync(OUT, { recursive: true });
  mkdirSync(STORE_OUT, { recursive: true });
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WXT_FEED_URL: `http://127.0.0.1:${FEED_PORT}/feed.xml`, SUNSET_OUT_DIR: EXT_OUT },
  });
  const started = Date.now();
  const notices = replicaNotices(started);
  const feed = await serveFeed(FEED_PORT, notices);
  const session = await launchWithExtension(newProfile(), join(EXT_OUT, 'chrome-mv3'));
  try {
    await routeReplicaPages(session.context);
    await waitForStoredNotice(session.worker, 'replica-kuajing');
    const page = await session.context.newPage();
    await page.setViewportSize(STORE);
    console.log('Screenshots:');

    await page.goto(`${P4P_MAIN}#!/report/plan`);
    await page.waitForSelector('body[data-late-rows="loaded"]');
    await page.waitForSelector('[data-sunset-flag="跨境专供解决方案"]');
    // The plan report settles (in front: a background tab gets no animation frames) and the
    // extension records its plans, so that the popup and the reminder say 「您有 1 个计划在用」.
    await untilSeen(session.worker, (seen) =>
      seen.some((s) => s.name === '家居百货解决方案' && s.maxPlans > 0),
    );
    const plan = await shot(page, '1-plan-report-flagged.png');
    await shot(page, '2-banner.png', { x: 0, y: 0, width: 1280, height: 90 });

    await page.locator('sunset-watch-badge[data-product="家居百货解决方案"]').first().hover();
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    await shot(page, '3-details-card.png');
    // Escape closes the card whichever way it opened.
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await page.waitForSelector('sunset-watch-card[hidden]', { state: 'attached' });

    await page.click('[data-testid="renew-0"] span');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    const guardPage = await shot(page, '4-order-guard.png');
    // The dialog itself with some of the page around it, for the README.
    const box = await page.locator('sunset-watch-guard dialog').boundingBox();
    const guard = await shot(
      page,
      '4-order-guard-dialog.png',
      box
        ? {
            x: Math.max(0, box.x - 40),
            y: Math.max(0, box.y - 30),
            width: Math.min(STORE.width, box.width + 80),
            height: Math.min(STORE.height, box.height + 60),
          }
        : undefined,
    );
    await page.keyboard.press('Escape');

    await page.evaluate(() => (location.hash = '#!/solution/list'));
    await page.waitForSelector('.next-card [data-sunset-flag="家居百货解决方案"]');
    await shot(page, '5-solution-cards.png');

    const bench = await session.context.newPage();
    await bench.setViewportSize(STORE);
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
    // What the extension has learnt of the pages above (与我相关), for the reminder's words.
    const seen = await seenByExtension(session.worker);

    const options = await session.context.newPage();
    await options.setViewportSize(STORE);
    await options
      .goto(`chrome-extension://${session.extensionId}/options.html`)
      .catch((error: unknown) => console.log(`  options: ${String(error)}`));
    await options.waitForSelector('#poll-heading');
    // Quiet hours on, as a merchant who set them would see the page.
    await options.getByLabel('在此时段内不弹出提醒（结束后补发）').check();
    await options.waitForSelector('.save--saved');
    const optionsShot = await shot(options, '8-options.png');
    await options.locator('#privacy-heading').scrollIntoViewIfNeeded();
    await shot(options, '8-options-privacy.png');

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

    // The store's five (docs/store/README.md, 截图), 1280×800 each.
    console.log('Store screenshots:');
    const popupImage = `<img src="${dataUrl(popups[0]!)}" width="420" height="600" style="position:absolute;right:24px;top:0;
      border-radius:0 0 8px 8px;box-shadow:0 6px 24px rgba(0,0,0,.3),0 0 0 1px rgba(0,0,0,.08)">`;
    await compose(session.context, plan, popupImage, '1-popup.png');
    copyFileSync(plan, join(STORE_OUT, '2-backend-flagged.png'));
    copyFileSync(guardPage, join(STORE_OUT, '3-guard.png'));
    copyFileSync(optionsShot, join(STORE_OUT, '4-options.png'));
    await compose(
      session.context,
      plan,
      notificationHtml(reminderNow(notices, seen, Date.now())),
      '5-notification.png',
    );
    for (const name of ['2-backend-flagged.png', '3-guard.png', '4-options.png'])
      console.log(`  ${join(STORE_OUT, name)}`);
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
