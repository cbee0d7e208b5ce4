// The order guard in real Chromium with the built extension, on replica pages built from the real
// Fusion Next components (React 18) served at https://p4p.1688.com/fusion/ (issues 16 item 3 and
// 22): every order of a retiring product held and released exactly once by 「仍要继续」 (the
// page's own handler ran once: window.__orders), nothing else held, and no React error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { hasChromium, type ExtensionSession } from './support/chromium.ts';
import { startReplica, stopReplica } from './support/replica.ts';
import type { FeedHandle } from '../fixtures/pages/serve.ts';
import { FUSION_URL, ORDER_URL, routeFusionReplica } from '../fixtures/fusion/build.ts';

const orders = (page: Page | Frame): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __orders: string[] }).__orders);
const reactErrors = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __reactErrors: string[] }).__reactErrors);
const guardText = (page: Page | Frame): Promise<string | null> =>
  page
    .$eval('sunset-watch-guard', (el) => el.shadowRoot?.textContent ?? '<no open shadow root>')
    .catch(() => null);

/** Waits until the guard is up, and says what it names. */
async function held(page: Page | Frame): Promise<string> {
  await page.waitForSelector('sunset-watch-guard', { state: 'attached', timeout: 5000 });
  return (await guardText(page))!;
}
/** Gives a click the page would have taken time to reach its handler, then says whether a guard is up. */
async function noGuard(page: Page | Frame): Promise<boolean> {
  await page.waitForTimeout(200);
  return (await page.$('sunset-watch-guard')) === null;
}
async function choose(page: Page | Frame, text: '仍要继续' | '取消'): Promise<void> {
  await page.locator('sunset-watch-guard').getByRole('button', { name: text }).click();
  await page.waitForSelector('sunset-watch-guard', { state: 'detached' });
}

describe.skipIf(!hasChromium())('order guard on the Fusion replicas', () => {
  let session: ExtensionSession;
  let feed: FeedHandle;
  let page: Page;

  beforeAll(async () => {
    ({ session, feed } = await startReplica(['replica-jiaju', 'replica-kuajing']));
    await routeFusionReplica(session.context);
  });
  afterAll(() => stopReplica({ session, feed }));

  /** A fresh tab on the ordering replica, once the extension has flagged it. */
  async function open(url = ORDER_URL): Promise<Page> {
    page = await session.context.newPage();
    await page.goto(url);
    await page.waitForSelector('.next-step');
    await page.waitForSelector('[data-sunset-flag]', { state: 'attached' });
    return page;
  }
  afterEach(async () => {
    if (page && !page.isClosed()) {
      expect(await reactErrors(page)).toEqual([]);
      await page.close();
    }
  });

  // On the radio's circle: the label's text may carry our badge (the page session's).
  const radio = (name: string) =>
    page.locator('.next-radio-wrapper', { hasText: name }).locator('.next-radio');
  const next = () => page.click('[data-testid="next"]');
  const stepNow = () => page.$eval('.next-step-item-process .next-step-item-title', (el) => el.textContent);

  it('holds a wizard’s 下一步 and 提交订单 for a retiring choice made on step 1, each released once', async () => {
    await open();
    await radio('家居百货解决方案').click();
    await next();
    expect(await held(page)).toContain('家居百货解决方案');
    await choose(page, '取消');
    expect(await stepNow()).toBe('选择方案');
    await next();
    await held(page);
    await choose(page, '仍要继续');
    expect(await stepNow()).toBe('配置');
    // Step 2 shows no choice: the one made on step 1 is remembered.
    await next();
    await held(page);
    await choose(page, '仍要继续');
    expect(await stepNow()).toBe('确认');
    await page.click('[data-testid="submit-order"]');
    expect(await held(page)).toContain('家居百货解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['submit:家居百货解决方案']);
  });

  it('lets a non-retiring choice through at once', async () => {
    await open();
    await radio('家居百货解决方案').click();
    await radio('消费品解决方案').click();
    await next();
    await next();
    await page.click('[data-testid="submit-order"]');
    expect(await noGuard(page)).toBe(true);
    expect(await orders(page)).toEqual(['submit:消费品解决方案']);
  });

  it('holds Enter in a field of the confirm step (the form’s own submit), released once', async () => {
    await open();
    await radio('跨境专供解决方案').click();
    for (let i = 0; i < 2; i++) {
      await next();
      await held(page);
      await choose(page, '仍要继续');
    }
    await page.locator('[data-testid="note"] input, input[data-testid="note"]').first().fill('尽快开通');
    await page.keyboard.press('Enter');
    expect(await held(page)).toContain('跨境专供解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['enter:跨境专供解决方案']);
  });

  it('holds 提交订单 when only the confirm step’s summary names the product', async () => {
    await open(`${ORDER_URL}#!/order/confirm?solution=${encodeURIComponent('家居百货解决方案')}`);
    await page.click('[data-testid="submit-order"]');
    expect(await held(page)).toContain('家居百货解决方案');
    await choose(page, '取消');
    expect(await orders(page)).toEqual([]);
    await page.goto(`${ORDER_URL}#!/order/confirm?solution=${encodeURIComponent('消费品解决方案')}`);
    await page.reload();
    await page.waitForSelector('[data-testid="submit-order"]');
    await page.click('[data-testid="submit-order"]');
    expect(await noGuard(page)).toBe(true);
    expect(await orders(page)).toEqual(['submit:消费品解决方案']);
  });

  it('holds the drawer’s 续费, the menu’s retiring item only, and a tree’s child row of a retiring product', async () => {
    await open();
    await page.click('[data-testid="open-drawer"]');
    await page.click('[data-testid="drawer-renew"]');
    expect(await held(page)).toContain('家居百货解决方案');
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['drawer-renew:家居百货解决方案']);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.next-drawer', { state: 'hidden' });

    await page.click('[data-testid="order-menu"]');
    await page.locator('.next-menu-item', { hasText: '订购 消费品解决方案' }).click();
    expect(await noGuard(page)).toBe(true);
    await page.click('[data-testid="order-menu"]');
    await page
      .locator('.next-menu-item', { hasText: '订购 家居百货解决方案' })
      .click({ position: { x: 10, y: 8 } });
    expect(await held(page)).toContain('家居百货解决方案');
    // The guard's own clicks never reach the page: Fusion's dropdown, which closes on any click
    // outside it, stays open under the guard.
    await choose(page, '取消');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((name) => name.startsWith('sunset-watch-'))).toEqual([]);
    await page.waitForTimeout(400);
    expect(await page.locator('.next-menu-item', { hasText: '订购 家居百货解决方案' }).isVisible()).toBe(
      true,
    );
    await page
      .locator('.next-menu-item', { hasText: '订购 家居百货解决方案' })
      .click({ position: { x: 10, y: 8 } });
    await held(page);
    await choose(page, '仍要继续');
    expect((await orders(page)).slice(1)).toEqual(['menu:消费品解决方案', 'menu:家居百货解决方案']);

    // Tree table: the child rows appear on expand; a child of a retiring product is held.
    await page.keyboard.press('Escape');
    for (const arrow of await page.$$('.plan-tree .next-table-tree-arrow')) await arrow.click();
    await page.click('[data-testid="tree-renew-jiaju-1"]');
    expect(await held(page)).toContain('家居百货解决方案');
    await choose(page, '取消');
    await page.click('[data-testid="tree-renew-xiaofei-1"]');
    expect(await noGuard(page)).toBe(true);
    expect((await orders(page)).at(-1)).toBe('tree-renew:新品起量子计划');

    // Closing a tag is no order.
    await page.locator('[data-testid="tag-家居百货解决方案"] .next-tag-close-btn').click();
    expect(await noGuard(page)).toBe(true);
  });

  it('holds a button in the page’s own web component (open shadow root)', async () => {
    await open();
    const offer = (name: string) => page.locator(`solution-offer[name="${name}"]`).getByRole('button');
    await offer('家居百货解决方案').click();
    expect(await held(page)).toContain('家居百货解决方案');
    await choose(page, '仍要继续');
    await offer('消费品解决方案').click();
    expect(await noGuard(page)).toBe(true);
    expect(await orders(page)).toEqual(['offer:家居百货解决方案', 'offer:消费品解决方案']);
  });

  it('runs before the page’s own capture-phase click listener on document', async () => {
    await open();
    await page.click('[data-capture-order="家居百货解决方案"]');
    expect(await held(page)).toContain('家居百货解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    await page.click('[data-capture-order="消费品解决方案"]');
    expect(await noGuard(page)).toBe(true);
    expect(await orders(page)).toEqual(['capture:家居百货解决方案', 'capture:消费品解决方案']);
  });

  it('runs before the page’s own capture-phase click listener on window (we listen from document_start)', async () => {
    await open();
    await page.click('[data-window-order="跨境专供解决方案"]');
    expect(await held(page)).toContain('跨境专供解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['window:跨境专供解决方案']);
  });

  it('holds Enter on a focused menu item (Fusion’s Menu orders on its own keydown), released once', async () => {
    await open();
    await page.click('[data-testid="order-menu"]');
    const item = page.locator('.next-menu-item', { hasText: '订购 家居百货解决方案' });
    await item.focus();
    await page.keyboard.press('Enter');
    expect(await held(page)).toContain('家居百货解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['menu:家居百货解决方案']);
  });

  it('holds again after the page re-rendered <body> under an open guard', async () => {
    await open();
    await page.click('#static-row button');
    await held(page);
    // The page renders its <body> anew (as markup: nothing of ours in it).
    await page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement;
      for (const own of body.querySelectorAll('sunset-watch-guard, sunset-watch-banner')) own.remove();
      document.body.replaceWith(body);
    });
    expect(await page.$('sunset-watch-guard')).toBeNull();
    await page.click('#static-row button');
    await held(page);
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['static-renew']);
  });

  it('guards a same-origin srcdoc iframe', async () => {
    await open();
    const frame = await (await page.waitForSelector('#frame')).contentFrame();
    await frame!.waitForSelector('#frame-renew');
    await frame!.click('#frame-renew');
    expect(await held(frame!)).toContain('家居百货解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(frame!, '仍要继续');
    expect(await orders(page)).toEqual(['frame-renew']);
  });

  it('is not disabled by a page that defined sunset-watch-* elements first', async () => {
    await open(`${ORDER_URL}?hostile=elements`);
    // Every host of ours is still ours: an open shadow root with our words in it. (Chromium 14x:
    // the page's class does upgrade our layer when it is inserted, and its constructor fails on
    // our shadow root; badges inside our layer's shadow root are not upgraded at all.)
    const shadows = (selector: string) =>
      page.$$eval(selector, (els) => els.map((el) => el.shadowRoot?.innerHTML ?? 'no open shadow root'));
    await page.waitForSelector('sunset-watch-badge');
    const badges = await page.$$eval('sunset-watch-badge', (els) =>
      els.map((el) => el.shadowRoot?.querySelector('button')?.textContent ?? 'no open shadow root'),
    );
    expect(badges.length).toBeGreaterThan(0);
    for (const words of badges) expect(words).toMatch(/剩|已/);
    expect(await shadows('sunset-watch-layer')).toEqual([expect.stringContaining('<sunset-watch-badge')]);
    await page.waitForSelector('sunset-watch-banner');
    expect(await shadows('sunset-watch-banner')).toEqual([expect.stringContaining('家居百货解决方案')]);
    // The card a badge opens is ours too.
    await page.locator('sunset-watch-badge').first().click();
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    expect(await shadows('sunset-watch-card')).toEqual([expect.stringContaining('时间节点')]);
    await page.keyboard.press('Escape');
    await page.locator('solution-offer[name="家居百货解决方案"]').getByRole('button').click();
    // Still our <sunset-watch-guard>, with an open shadow root (the test contract).
    expect(await held(page)).toContain('家居百货解决方案');
    await choose(page, '仍要继续');
    expect(await orders(page)).toEqual(['offer:家居百货解决方案']);
    // What the page logged is its own classes failing on elements that were ours first.
    const errors = await reactErrors(page);
    expect(errors.filter((e) => !/already hosts a shadow tree|disabledFeatures/.test(e))).toEqual([]);
    await page.evaluate(() => ((window as unknown as { __reactErrors: string[] }).__reactErrors = []));
  });

  it('holds 续订 in the locked 操作 column of a Fusion table, and not 编辑', async () => {
    page = await session.context.newPage();
    await page.goto(`${FUSION_URL}#!/report/plan`);
    await page.waitForSelector('.next-table-lock-right [data-testid="renew-1000"]');
    await page.waitForSelector('[data-sunset-flag]', { state: 'attached' });
    await page.click('.next-table-lock-right [data-testid="renew-1000"]');
    expect(await held(page)).toContain('家居百货解决方案');
    expect(await orders(page)).toEqual([]);
    await choose(page, '仍要继续');
    await page.click('.next-table-lock-right [data-testid="edit-1000"]');
    expect(await noGuard(page)).toBe(true);
    const plan = await page.$eval('.next-table-lock-left [data-next-table-row="0"]', (el) => el.textContent);
    expect(await orders(page)).toEqual([`renew:${plan}`, `edit:${plan}`]);
  });
});
