// The content script in real Chromium on replica backend pages served at the real addresses,
// with the real background polling a real (local) feed.
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Frame, type Page } from 'playwright-core';
import {
  blankPageWithScript,
  chromiumPath,
  hasChromium,
  launchWithExtension,
  type ExtensionSession,
} from './support/chromium.ts';
import { ROOT } from './support/paths.ts';
import { startReplica, stopReplica } from './support/replica.ts';
import {
  P4P_MAIN,
  WORKBENCH,
  replicaNotices,
  routeReplicaPages,
  waitForStoredNotice,
  type FeedHandle,
} from '../fixtures/pages/serve.ts';

/** Text inside an element's open shadow root. */
const shadowText = (page: Page | Frame, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((e) => e.shadowRoot?.textContent ?? '<no open shadow root>'));

/**
 * The badges of a product's flagged names, wherever they live (our overlay layer: design.md's
 * test contract), as `urgency|words`. Playwright's CSS selectors pierce open shadow roots.
 */
const badgeOf = (page: Page | Frame, product: string): Promise<string[]> =>
  page.$$eval(`sunset-watch-badge[data-product="${product}"]`, (els) =>
    els.map((badge) => `${badge.getAttribute('data-urgency')}|${badge.shadowRoot?.textContent ?? ''}`),
  );

/** Every link in the page and in every open shadow root under it. */
const allHrefs = (page: Page | Frame): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const a of root.querySelectorAll('a[href], area[href]'))
        out.push((a as HTMLAnchorElement).getAttribute('href')!);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return out;
  });

const orders = (page: Page | Frame): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __orders: string[] }).__orders);
const guardOpen = (page: Page | Frame): Promise<boolean> =>
  page.$('sunset-watch-guard').then((el) => el !== null);
/** What the worker stored about these notices: muted (不再提醒此公告) and the dismissed banner version. */
const stored = (
  worker: ExtensionSession['worker'],
  guids: string[],
): Promise<{ guid: string; muted: boolean; bannerDismissedHash?: string }[]> =>
  worker.evaluate(
    (ids) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sunset-watch');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // Schema v3: one record per notice, keyed by guid (utils/store/db.ts).
          const get = db.transaction('notices').objectStore('notices').getAll();
          get.onsuccess = () => {
            db.close();
            const all = get.result as { guid: string; muted: boolean; bannerDismissedHash?: string }[];
            resolve(
              ids.map((id) => {
                const n = all.find((r) => r.guid === id)!;
                return { guid: id, muted: n.muted, bannerDismissedHash: n.bannerDismissedHash };
              }),
            );
          };
        };
      }),
    guids,
  );
/** Clicks a button of the guard, then moves the mouse off so no badge under it opens its card. */
async function guardChoose(page: Page, text: string): Promise<void> {
  await page.locator('sunset-watch-guard').getByRole('button', { name: text }).click();
  await page.mouse.move(1, 1);
}

describe.skipIf(!hasChromium())('content script on the replica backend', () => {
  let session: ExtensionSession;
  let feed: FeedHandle;
  let page: Page;
  let jiajuHash: string;

  beforeAll(async () => {
    const setup = await startReplica(['replica-jiaju', 'replica-kuajing']);
    ({ session, feed } = setup);
    jiajuHash = setup.hashes['replica-jiaju']!;
    page = await session.context.newPage();
    await page.goto(`${P4P_MAIN}#!/report/plan`);
    await page.waitForSelector('[data-sunset-flag="家居百货解决方案"]');
    // Badges are placed in the frame after their names are seen on screen.
    await page.waitForSelector('sunset-watch-badge[data-product="家居百货解决方案"]');
  });

  afterAll(() => stopReplica({ session, feed }));

  it('flags whole names in the plan report, with a badge per urgency', async () => {
    // Split across inline elements (<span>家居百货</span>解决方案): the wrapping span is flagged.
    expect(await page.$eval('[data-sunset-flag="家居百货解决方案"]', (el) => el.tagName)).toBe('SPAN');
    expect(await badgeOf(page, '家居百货解决方案')).toEqual([
      expect.stringMatching(/^week\|停止新订购 · 剩\s3\s天\s\d\s小时$/),
    ]);
    expect(await badgeOf(page, '行业优选解决方案')).toEqual(['past|已下线']);
    // 「跨境专供」 is only the start of a name; 大客方案 and 消费品解决方案 are not watched.
    const unflagged = await page.$$eval('#plan-rows td:nth-child(2)', (tds) =>
      tds
        .filter((td) => !td.querySelector('[data-sunset-flag]') && !td.hasAttribute('data-sunset-flag'))
        .map((td) => td.textContent),
    );
    expect(unflagged.slice(0, 3)).toEqual(['跨境专供', '大客方案', '消费品解决方案']);
    expect(await page.$$eval('sunset-watch-badge', (els) => els.every((e) => e.shadowRoot !== null))).toBe(
      true,
    );
    // A full scan was measured under the contract's name, visible to the page.
    expect(
      await page.evaluate(() => performance.getEntriesByName('sunset-watch:scan', 'measure').length),
    ).toBeGreaterThan(0);
  });

  it('shows the nearest cutoff in a banner with https replacement links only', async () => {
    const [banner] = await shadowText(page, 'sunset-watch-banner');
    expect(banner).toContain('家居百货解决方案');
    expect(banner).toMatch(/剩\s3\s天\s\d+\s小时/);
    expect(banner).toContain('消费品解决方案');
    const links = await page.$eval('sunset-watch-banner', (el) =>
      [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    );
    // 找工厂解决方案 points off the platform: shown as text, not linked.
    expect(links).toEqual(['https://p4p.1688.com/main.html#!/solution/list']);
  });

  it('flags rows added after load, and measures the batch', async () => {
    await page.waitForSelector('body[data-late-rows="loaded"]');
    await page.waitForSelector('[data-sunset-flag="跨境专供解决方案"]');
    await page.waitForSelector('sunset-watch-badge[data-product="跨境专供解决方案"]');
    expect(await badgeOf(page, '跨境专供解决方案')).toEqual([expect.stringMatching(/^later\|/)]);
    expect(
      await page.evaluate(
        () => performance.getEntriesByName('sunset-watch:scan-incremental', 'measure').length,
      ),
    ).toBeGreaterThan(0);
  });

  it('changes nothing in the page’s body but the flag attribute', async () => {
    const strip = (): string => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      for (const el of copy.querySelectorAll('[data-sunset-flag]')) el.removeAttribute('data-sunset-flag');
      return copy.outerHTML;
    };
    const withExtension = await page.evaluate(strip);
    const plain = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const context = await plain.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      await routeReplicaPages(context);
      const bare = await context.newPage();
      await bare.goto(`${P4P_MAIN}#!/report/plan`);
      await bare.waitForSelector('body[data-late-rows="loaded"]');
      expect(await bare.evaluate(() => document.body.outerHTML)).toBe(withExtension);
    } finally {
      await plain.close();
    }
  });

  it('falls back to one full rescan on a huge burst of added rows', async () => {
    const scans = () =>
      page.evaluate(() => performance.getEntriesByName('sunset-watch:scan', 'measure').length);
    const before = await scans();
    await page.evaluate(() => {
      const tbody = document.getElementById('plan-rows')!;
      const rows = Array.from({ length: 2500 }, (_, i) => {
        const tr = document.createElement('tr');
        for (const text of [`批量计划 ${i}`, i === 1234 ? '行业优选解决方案' : '大客方案']) {
          const td = document.createElement('td');
          td.textContent = text;
          tr.append(td);
        }
        return tr;
      });
      tbody.append(...rows);
    });
    await page.waitForFunction(
      (n) => performance.getEntriesByName('sunset-watch:scan', 'measure').length > n,
      before,
    );
    expect(await page.$$('[data-sunset-flag="行业优选解决方案"]')).toHaveLength(2);
    await page.evaluate(() => {
      for (const tr of [...document.querySelectorAll('#plan-rows tr')].slice(7)) tr.remove();
    });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-sunset-flag="行业优选解决方案"]').length === 1,
    );
  });

  it('opens the details card from the keyboard and closes it with Esc', async () => {
    // Badges live in our overlay layer, after the page's own controls in the tab order.
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.localName === 'sunset-watch-layer'
          ? active.shadowRoot!.activeElement?.localName
          : active?.localName;
      });
    await page.focus('body');
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()) === 'sunset-watch-badge') break;
    }
    expect(await focused()).toBe('sunset-watch-badge');
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    expect((await shadowText(page, 'sunset-watch-card'))[0]).toContain('时间节点');
    await page.keyboard.press('Escape');
    await page.waitForSelector('sunset-watch-card[hidden]', { state: 'attached' });
    // Hidden means gone: it must not cover (and swallow clicks on) the page.
    expect(await page.locator('sunset-watch-card').isVisible()).toBe(false);
  });

  it('a card pinned by its badge closes on a route change (it used to cover another product’s 立即订购)', async () => {
    await page.locator('sunset-watch-badge[data-product="家居百货解决方案"]').first().click();
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    await page.mouse.move(1, 1);
    await page.waitForTimeout(400);
    expect(await page.locator('sunset-watch-card').isVisible()).toBe(true);
    // A route change by history.pushState (no event our script hears) that swaps content.
    await page.evaluate(() => {
      history.pushState(null, '', '#!/report/plan?tab=2');
      document.getElementById('route-view')!.append(document.createElement('div'));
    });
    await page.waitForSelector('sunset-watch-card[hidden]', { state: 'attached' });
    await page.waitForSelector('sunset-watch-badge[data-product="家居百货解决方案"]');
  });

  it('holds a renewal of a flagged plan until 「仍要继续」, and lets others through', async () => {
    await page.click('[data-testid="renew-0"] span');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    expect(await orders(page)).toEqual([]);
    const [text] = await shadowText(page, 'sunset-watch-guard');
    expect(text).toContain('家居百货解决方案');
    expect(text).toContain('停止新订购');
    expect(text).toContain('消费品解决方案');
    // A real dialog: focus is inside it, Tab stays inside, Esc cancels.
    const focusInGuard = () =>
      page.evaluate(() => document.activeElement?.localName === 'sunset-watch-guard');
    expect(await focusInGuard()).toBe(true);
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await focusInGuard()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await guardOpen(page)).toBe(false);
    expect(await orders(page)).toEqual([]);

    await page.click('[data-testid="renew-0"]');
    await guardChoose(page, '仍要继续');
    expect(await guardOpen(page)).toBe(false);
    expect(await orders(page)).toEqual(['renew:家居百货春季推广']);

    // 大客方案 is not watched: its renewal is not held. 编辑 is not an order.
    await page.click('[data-testid="renew-3"]');
    expect(await guardOpen(page)).toBe(false);
    expect(await orders(page)).toEqual(['renew:家居百货春季推广', 'renew:大客定制计划']);
  });

  it('holds an order from a dropdown rendered into body > .next-overlay-wrapper', async () => {
    await page.click('#more-actions');
    await page.waitForSelector('body > .next-overlay-wrapper.opened [data-sunset-flag="家居百货解决方案"]');
    // Anywhere on the item: nothing of ours sits in it to take the click.
    await page.click('[data-testid="menu-renew"]');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    expect(await orders(page)).not.toContain('menu-renew:家居百货解决方案');
    await guardChoose(page, '取消');
    expect(await orders(page)).not.toContain('menu-renew:家居百货解决方案');
  });

  it('rescans on hash navigation; guards cards and dialogs; 查看替代方案 opens the replacement', async () => {
    await page.evaluate(() => (location.hash = '#!/solution/list'));
    await page.waitForSelector('.next-card [data-sunset-flag="家居百货解决方案"]');
    const cards = await page.$$eval('.next-card [data-sunset-flag]', (els) =>
      els.map((e) => e.getAttribute('data-sunset-flag')),
    );
    expect(cards.sort()).toEqual(['家居百货解决方案', '行业优选解决方案', '跨境专供解决方案']);
    const before = (await orders(page)).length;

    await page.click('[data-testid="order-0"]');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    const popup = session.context.waitForEvent('page');
    await guardChoose(page, '查看替代方案');
    const opened = await popup;
    expect(opened.url()).toBe('https://p4p.1688.com/main.html#!/solution/list');
    await opened.close();
    expect((await orders(page)).length).toBe(before);

    // 工业品解决方案 is not watched: ordered at once.
    await page.click('[data-testid="order-4"]');
    expect(await guardOpen(page)).toBe(false);
    expect((await orders(page)).at(-1)).toBe('order:工业品解决方案');

    // A dialog in the overlay wrapper names the product: its 立即订购 is held.
    await page.locator('.next-card[data-solution="家居百货解决方案"] button', { hasText: '详情' }).click();
    await page.waitForSelector('.next-dialog [data-sunset-flag="家居百货解决方案"]');
    await page.click('[data-testid="dialog-order"]');
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    expect((await orders(page)).at(-1)).toBe('order:工业品解决方案');
    await guardChoose(page, '仍要继续');
    expect((await orders(page)).at(-1)).toBe('dialog:家居百货解决方案');
  });

  it('shows feed text with markup as text, and no javascript: link anywhere', async () => {
    await page.locator('sunset-watch-badge[data-product="行业优选解决方案"]').hover();
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    const [card] = await shadowText(page, 'sunset-watch-card');
    expect(card).toContain('<img src=x onerror="window.__pwned = 1">老客户不受影响');
    expect(card).toContain('<b>工业品</b>解决方案');
    expect(card).toContain('<script>window.__pwned = 1</script>行业优选解决方案已下线');
    expect(
      await page.$eval('sunset-watch-card', (el) => el.shadowRoot!.querySelectorAll('img, script, b').length),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const hrefs = await allHrefs(page);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).not.toMatch(/^\s*javascript:/i);
    const cardLinks = await page.$eval('sunset-watch-card', (el) =>
      [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.href),
    );
    expect(cardLinks.every((h) => h.startsWith('https://'))).toBe(true);
  });

  it('runs in the workbench’s panel iframe from another 1688 host', async () => {
    const bench = await session.context.newPage();
    await bench.goto(WORKBENCH);
    const frame = await (await bench.waitForSelector('iframe#panel')).contentFrame();
    expect(frame).not.toBeNull();
    await frame!.waitForSelector('[data-sunset-flag="家居百货解决方案"]');
    await frame!.click('#panel-renew');
    await frame!.waitForSelector('sunset-watch-guard', { state: 'attached' });
    expect(await orders(frame!)).toEqual([]);
    await bench.close();
  });

  it('ignores synthetic clicks from the page on the banner, the card and the guard', async () => {
    // A page script reaches our open shadow roots and calls .click(): untrusted events, which must
    // change nothing (docs/SECURITY.md, 6). Real clicks on the same buttons are the tests around.
    await page.evaluate(() => (location.hash = '#!/report/plan'));
    await page.waitForSelector('sunset-watch-banner[data-notice="replica-jiaju"]');
    await page.waitForSelector('[data-sunset-flag="跨境专供解决方案"]');
    const pageClick = (host: string, button: string) =>
      page.evaluate(
        ([h, b]) => {
          const el = [...document.querySelector(h)!.shadowRoot!.querySelectorAll('button')].find(
            (x) => x.textContent === b,
          );
          if (!el) throw new Error(`no ${b} in ${h}`);
          el.click();
          el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        },
        [host, button] as const,
      );
    const before = await stored(session.worker, ['replica-jiaju', 'replica-kuajing']);
    expect(before.map((n) => [n.muted, n.bannerDismissedHash])).toEqual([
      [false, undefined],
      [false, undefined],
    ]);

    // Banner: 关闭横幅.
    await pageClick('sunset-watch-banner', '关闭横幅');
    const bannerNotice = () => page.$eval('sunset-watch-banner', (el) => el.getAttribute('data-notice'));
    await page.waitForTimeout(300);
    expect(await bannerNotice()).toBe('replica-jiaju');
    // Card: neither a synthetic hover nor a synthetic click on a badge opens it ...
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('sunset-watch-card:not([hidden])'));
    await page.evaluate(() => {
      const badge = document
        .querySelector('sunset-watch-layer')!
        .shadowRoot!.querySelector('sunset-watch-badge[data-product="跨境专供解决方案"]')!;
      badge.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
      (badge as HTMLElement).click();
    });
    await page.waitForTimeout(400);
    expect(await page.locator('sunset-watch-card').isVisible()).toBe(false);
    // ... and once the merchant opened it, 不再提醒此公告 answers the merchant only.
    await page.locator('sunset-watch-badge[data-product="跨境专供解决方案"]').first().click();
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    await pageClick('sunset-watch-card', '不再提醒此公告');
    await page.waitForTimeout(300);
    expect(await page.$$('[data-sunset-flag="跨境专供解决方案"]')).not.toHaveLength(0);
    await page.keyboard.press('Escape');

    // Guard: the page's own synthetic click on a renewal is still an order, so it is held ...
    const ordered = await orders(page);
    await page.evaluate(() => (document.querySelector('[data-testid="renew-0"]') as HTMLElement).click());
    await page.waitForSelector('sunset-watch-guard', { state: 'attached' });
    // ... and the page cannot answer the guard for the merchant.
    await pageClick('sunset-watch-guard', '仍要继续');
    await page.waitForTimeout(300);
    expect(await guardOpen(page)).toBe(true);
    expect(await orders(page)).toEqual(ordered);
    await page.evaluate(() => {
      const dialog = document.querySelector('sunset-watch-guard')!.shadowRoot!.querySelector('dialog')!;
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    });
    // Give a wrongly accepted click time to reach the page's handler and the worker.
    await page.waitForTimeout(300);
    expect(await guardOpen(page)).toBe(true);
    expect(await orders(page)).toEqual(ordered);

    // Nothing changed: the banner is there, the notice still flagged, nothing stored.
    expect(await bannerNotice()).toBe('replica-jiaju');
    expect(await page.$$('[data-sunset-flag="跨境专供解决方案"]')).not.toHaveLength(0);
    expect(await stored(session.worker, ['replica-jiaju', 'replica-kuajing'])).toEqual(before);
    // The merchant's own answer still works.
    await guardChoose(page, '取消');
    expect(await guardOpen(page)).toBe(false);
    expect(await orders(page)).toEqual(ordered);
  });

  it('dismisses the banner per notice version, and brings it back when the notice changes', async () => {
    await page.evaluate(() => (location.hash = '#!/report/plan'));
    await page.waitForSelector('sunset-watch-banner');
    const bannerNotice = () =>
      page.$eval('sunset-watch-banner', (el) => el.getAttribute('data-notice')).catch(() => null);
    expect(await bannerNotice()).toBe('replica-jiaju');
    await page.locator('sunset-watch-banner').getByRole('button', { name: '关闭横幅' }).click();
    // The next candidate takes its place: the product on this page that is already retired.
    expect(await bannerNotice()).toBe('replica-hangye');
    await page.reload();
    await page.waitForSelector('[data-sunset-flag="家居百货解决方案"]');
    await page.waitForSelector('sunset-watch-banner');
    expect(await bannerNotice()).toBe('replica-hangye');

    // The publisher updates the notice: a new version (hash) brings the banner back. A browser
    // restart polls at once (design.md), so restart the same profile.
    feed.set(replicaNotices(Date.now(), 2));
    await session.close();
    session = await launchWithExtension(session.userDataDir);
    await routeReplicaPages(session.context);
    await waitForStoredNotice(session.worker, 'replica-jiaju', jiajuHash);
    page = await session.context.newPage();
    await page.goto(`${P4P_MAIN}#!/report/plan`);
    await page.waitForSelector('sunset-watch-banner[data-notice="replica-jiaju"]');
    expect(await page.$eval('sunset-watch-banner', (el) => el.shadowRoot!.textContent)).toContain(
      '家居百货解决方案',
    );
  });

  it('「不再提醒此公告」 stops flagging that notice', async () => {
    // 跨境专供解决方案 is named by one notice only (家居百货解决方案 also has a bundled one).
    await page.waitForSelector('[data-sunset-flag="跨境专供解决方案"]');
    await page.locator('sunset-watch-badge[data-product="跨境专供解决方案"]').first().click();
    const [card] = await shadowText(page, 'sunset-watch-card');
    expect(card).toContain('跨境专供解决方案调整公告');
    await page.locator('sunset-watch-card').getByRole('button', { name: '不再提醒此公告' }).click();
    await page.waitForFunction(() => !document.querySelector('[data-sunset-flag="跨境专供解决方案"]'));
    expect(await page.$$('[data-sunset-flag="家居百货解决方案"]')).not.toHaveLength(0);
    await page.reload();
    await page.waitForSelector('body[data-late-rows="loaded"]');
    await page.waitForSelector('[data-sunset-flag="家居百货解决方案"]');
    expect(await page.$('[data-sunset-flag="跨境专供解决方案"]')).toBeNull();
  });
});

describe.skipIf(!hasChromium())('the page scan in Chromium', () => {
  // The scan passes over blocks by their `textContent` and matches with V8's regular expressions:
  // the unit oracle runs in happy-dom, so the same check runs here, in the browser the content
  // script runs in.
  it('finds exactly what the plain oracle finds on seeded random pages', async () => {
    const bundled = await build({
      stdin: {
        contents: [
          `import { scanText } from './utils/page/scan.ts';`,
          `import { build, matcher, oracle, rng } from './test/unit/page/scan-pages.ts';`,
          `globalThis.checkScan = (seeds) => {`,
          `  const wrong = []; let withHits = 0;`,
          `  for (let seed = 1; seed <= seeds; seed++) {`,
          `    document.body.replaceChildren();`,
          `    const root = document.createElement('div');`,
          `    document.body.append(root);`,
          `    build(root, rng(seed), 0);`,
          `    let id = 0;`,
          `    for (const el of root.querySelectorAll('*')) el.id = 'e' + id++;`,
          `    const expected = oracle(root);`,
          `    const found = scanText(root, matcher).map((f) => f.element.localName + '#' + f.element.id + ':' + f.entry);`,
          `    if (JSON.stringify(found) !== JSON.stringify(expected)) wrong.push({ seed, found, expected });`,
          `    if (expected.length) withHits++;`,
          `  }`,
          `  return { wrong, withHits };`,
          `};`,
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'chrome120',
    });
    const { browser, page } = await blankPageWithScript(bundled.outputFiles[0]!.text);
    try {
      const result = await page.evaluate('checkScan(300)');
      const { wrong, withHits } = result as { wrong: unknown[]; withHits: number };
      expect(wrong).toEqual([]);
      expect(withHits).toBeGreaterThan(50);
    } finally {
      await browser.close();
    }
  });
});
