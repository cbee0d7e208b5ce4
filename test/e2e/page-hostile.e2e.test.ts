// Hostile pages and feeds for the page warnings (issue 16): each case the issue found, against the
// built extension in Chromium, on pages served at https://p4p.1688.com/hostile/…
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, launchWithExtension, type ExtensionSession } from './support/chromium.ts';
import { E2E_FEED_PORT } from './support/paths.ts';
import { stopReplica } from './support/replica.ts';
import { until } from './support/wait.ts';
import {
  replicaNotices,
  routeReplicaPages,
  serveFeed,
  waitForStoredNotice,
  type FeedHandle,
} from '../fixtures/pages/serve.ts';
import type { Notice } from '../../utils/notice/schema.ts';
import { toBeijingIso } from '../../utils/notice/time.ts';
import { spaced } from '../support/spaces.ts';

const DAY = 24 * 3600_000;

/** A notice whose product names a careless publisher could write: too short, invisible, too general. */
function hostileNotice(now: number): Notice {
  const at = (ms: number) => toBeijingIso(now + ms);
  const product = (name: string) => ({
    name,
    aliases: [],
    milestones: [{ action: 'retire' as const, at: at(9 * DAY) }],
    replacements: [],
  });
  return {
    guid: 'hostile-names',
    title: '测试：不可用的产品名',
    link: 'https://rule.1688.com/policy/hostile.html',
    pubDate: at(-DAY),
    sunset: {
      kind: 'retire',
      updated: at(-DAY),
      platform: '1688',
      area: '数字营销',
      products: [product('方'), product('\u200B'), product('标准推广')],
    },
  };
}

const cells = (texts: string[]): string =>
  texts.map((t, i) => `<tr><td>计划 ${i}</td><td>${t}</td></tr>`).join('');

const PAGES: Record<string, string> = {
  // 「方」 in 500 cells, zero-width spaces in 43, and 跨境专供解决方案 with invisible characters inside.
  names: `<table><tbody>${cells([
    ...Array.from({ length: 500 }, (_, i) => (i % 2 ? `大客方案 ${i}` : '方')),
    ...Array.from({ length: 43 }, () => '\u200B'),
    '跨境\u200B专供解决方案',
    '跨境专供解决\u00AD方案',
  ])}</tbody></table>
  <div class="next-card"><div class="next-card-head">工业品解决方案</div>
  <button class="next-btn" id="order" onclick="window.__orders.push('order:工业品解决方案')">立即订购</button></div>
  <script>window.__orders = [];</script>`,
  // 标准推广 in every row: more than a fifth of the page's text blocks.
  general: `<table><tbody>${cells([
    ...Array.from({ length: 60 }, (_, i) => `标准推广 ${i}`),
    '家居百货解决方案',
  ])}</tbody></table>`,
  editable: `<p id="plain">家居百货解决方案</p>
  <div id="editor" contenteditable="true"><p>草稿：家居百货解决方案</p></div>
  <textarea id="area">家居百货解决方案</textarea>`,
  // The page puts its cell back whenever anything in it changes (attributes too).
  restore: `<table><tbody><tr><td id="cell"><span>家居百货解决方案</span></td></tr></tbody></table>
  <script>
    window.__restores = [];
    const cell = document.getElementById('cell');
    const original = cell.innerHTML;
    new MutationObserver(() => {
      if (cell.innerHTML === original) return;
      cell.innerHTML = original;
      window.__restores.push(performance.now());
    }).observe(cell, { attributes: true, childList: true, characterData: true, subtree: true });
  </script>`,
  // A wide cell with room for a badge, but a control of another container lies over that room (as
  // Fusion's locked columns lie over the main table).
  overlap: `<table style="border-collapse:collapse"><tbody><tr><td id="cell" style="width:600px;height:40px">家居百货解决方案</td></tr></tbody></table>
  <p id="free">跨境专供解决方案</p>
  <button id="over" style="position:absolute;left:200px;top:8px;width:300px;height:40px"
    onclick="window.__orders.push('over')">续订 大客方案</button>
  <script>window.__orders = [];</script>`,
  // Room beside a name for the badge's whole glance, for its countdown only, and for nothing.
  widths: ['wide:440', 'narrow:240', 'none:160']
    .map((cell, i) => {
      const [id, width] = cell.split(':');
      const name = ['家居百货解决方案', '跨境专供解决方案', '行业优选解决方案'][i];
      return `<table style="border-collapse:collapse;font-size:16px;width:${width}px"><tbody><tr><td id="${id}">${name}</td></tr></tbody></table>`;
    })
    .join(''),
  // A page's own floating control in the bottom right corner, where the banner would go first.
  corner: `<p>家居百货解决方案</p>
  <button id="help" style="position:fixed;right:16px;bottom:16px;width:160px;height:90px"
    onclick="window.__orders.push('help')">联系客服</button>
  <script>window.__orders = [];</script>`,
  frames: `<iframe id="srcdoc" srcdoc="<p id='name'>家居百货解决方案</p>"></iframe>
  <iframe id="blank"></iframe>
  <script>
    const doc = document.getElementById('blank').contentDocument;
    doc.open();
    doc.write("<p id='name'>跨境专供解决方案</p>");
    doc.close();
  </script>`,
};

const html = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>hostile</title></head><body>${body}</body></html>`;

const flags = (page: Page): Promise<string[]> =>
  page.$$eval('[data-sunset-flag]', (els) =>
    els.map((e) => `${e.textContent}=${e.getAttribute('data-sunset-flag')}`),
  );

describe.skipIf(!hasChromium())('page warnings on hostile pages', () => {
  let session: ExtensionSession;
  let feed: FeedHandle;
  let page: Page;

  beforeAll(async () => {
    const now = Date.now();
    feed = await serveFeed(E2E_FEED_PORT, [...replicaNotices(now), hostileNotice(now)]);
    session = await launchWithExtension();
    await routeReplicaPages(session.context);
    await session.context.route(/^https:\/\/p4p\.1688\.com\/hostile\/(\w+)\.html/, (route) => {
      const name = /hostile\/(\w+)\.html/.exec(route.request().url())![1]!;
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: html(PAGES[name]!),
      });
    });
    await waitForStoredNotice(session.worker, 'hostile-names');
    await waitForStoredNotice(session.worker, 'replica-kuajing');
  });

  afterAll(() => stopReplica({ session, feed }));

  beforeEach(async () => {
    await page?.close();
    page = await session.context.newPage();
  });

  const open = async (name: string): Promise<void> => {
    await page.goto(`https://p4p.1688.com/hostile/${name}.html`);
    await page.waitForFunction(() => performance.getEntriesByName('sunset-watch:scan', 'measure').length > 0);
  };

  it('names too short or invisible flag nothing and hold nothing; invisible characters inside a name do not hide it', async () => {
    await open('names');
    await page.waitForSelector('[data-sunset-flag]');
    expect(await flags(page)).toEqual([
      '跨境\u200B专供解决方案=跨境专供解决方案',
      '跨境专供解决\u00AD方案=跨境专供解决方案',
    ]);
    await page.click('#order');
    expect(await page.$('sunset-watch-guard')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { __orders: string[] }).__orders)).toEqual([
      'order:工业品解决方案',
    ]);
  });

  it('a name flagging more than a fifth of the page is suspended there, and the background knows', async () => {
    await open('general');
    await page.waitForSelector('[data-sunset-flag="家居百货解决方案"]');
    expect(await flags(page)).toEqual(['家居百货解决方案=家居百货解决方案']);
    const suspended = await until(
      () =>
        session.worker.evaluate(async () => {
          const all = (await chrome.storage.session.get('suspendedNames')).suspendedNames as
            Record<string, Record<string, string[]>> | undefined;
          const names = Object.values(all ?? {}).flatMap((frames) => Object.values(frames).flat());
          return names.length ? names : undefined;
        }),
      'suspended names in storage.session',
    );
    expect(suspended).toEqual(['标准推广']);
    // The next page in the tab suspends nothing: the popup no longer says so.
    await open('names');
    await until(
      () =>
        session.worker.evaluate(async () => {
          const all = (await chrome.storage.session.get('suspendedNames')).suspendedNames as
            object | undefined;
          return Object.keys(all ?? {}).length === 0 ? true : undefined;
        }),
      'the suspended names cleared',
    );
  });

  it('never marks what the merchant edits, on load or while typing', async () => {
    await open('editable');
    await page.waitForSelector('#plain[data-sunset-flag]');
    const editor = () => page.$eval('#editor', (el) => el.innerHTML);
    expect(await editor()).toBe('<p>草稿：家居百货解决方案</p>');
    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type('，改订行业优选解决方案');
    await page.waitForTimeout(500);
    expect(await editor()).toBe('<p>草稿：家居百货解决方案，改订行业优选解决方案</p>');
    // Nor highlighted: no highlight range starts in the editor or the textarea.
    expect(
      await page.evaluate(() => {
        const inside: string[] = [];
        for (const [name, highlight] of CSS.highlights)
          for (const range of highlight as unknown as Iterable<AbstractRange>)
            if (range.startContainer.parentElement?.closest('#editor, #area')) inside.push(name);
        return inside;
      }),
    ).toEqual([]);
  });

  it('leaves alone a block the page keeps restoring: the fight settles', async () => {
    await open('restore');
    await page.waitForTimeout(3000);
    const restores = () => page.evaluate(() => (window as unknown as { __restores: number[] }).__restores);
    const inThreeSeconds = (await restores()).length;
    expect(inThreeSeconds).toBeGreaterThan(0);
    expect(inThreeSeconds).toBeLessThan(10);
    await page.waitForTimeout(1000);
    expect((await restores()).length).toBe(inThreeSeconds);
  });

  it('puts no badge where a control of the page lies over the room beside a name', async () => {
    await open('overlap');
    await page.waitForSelector('sunset-watch-badge[data-product="跨境专供解决方案"]');
    expect(await page.$$('sunset-watch-badge[data-product="家居百货解决方案"]')).toHaveLength(0);
    await page.click('#over');
    expect(await page.evaluate(() => (window as unknown as { __orders: string[] }).__orders)).toEqual([
      'over',
    ]);
  });

  it('shows a badge’s whole glance where it fits, only its countdown where only that fits', async () => {
    await open('widths');
    const badge = async (product: string) => {
      const selector = `sunset-watch-badge[data-product="${product}"]`;
      await page.waitForSelector(selector);
      return page.$eval(selector, (b) => {
        const button = b.shadowRoot!.querySelector('button')!;
        return {
          compact: b.hasAttribute('data-compact'),
          shown: button.innerText,
          label: button.getAttribute('aria-label'),
          right: b.getBoundingClientRect().right,
        };
      });
    };
    const wide = await badge('家居百货解决方案');
    expect(wide.compact).toBe(false);
    expect(spaced(wide.shown)).toMatch(/^停止新订购 · 剩 3 天 \d 小时$/);
    const narrow = await badge('跨境专供解决方案');
    expect(narrow.compact).toBe(true);
    expect(spaced(narrow.shown)).toMatch(/^剩 (29|30) 天$/);
    // The whole sentence, with its date, stays the badge's label.
    expect(spaced(narrow.label)).toMatch(
      /^跨境专供解决方案：\d{4}年\d+月\d+日 \d\d:\d\d（北京时间）停止新订购 · 剩/,
    );
    expect(narrow.right).toBeLessThanOrEqual(
      await page.$eval('#narrow', (td) => td.getBoundingClientRect().right),
    );
    // No room at all: no badge; the name's focus stop in our layer carries its words.
    expect(await page.$$('sunset-watch-badge[data-product="行业优选解决方案"]')).toHaveLength(0);
    expect(
      await page.$$eval('button.stop', (stops) => stops.map((s) => s.getAttribute('aria-label'))),
    ).toEqual([expect.stringContaining('行业优选解决方案')]);
  });

  it('floats the banner where no page control lies under it, and remembers it folded', async () => {
    await open('corner');
    await page.waitForSelector('sunset-watch-banner[data-corner]');
    expect(await page.getAttribute('sunset-watch-banner', 'data-corner')).not.toBe('bottom-right');
    await page.click('#help');
    expect(await page.evaluate(() => (window as unknown as { __orders: string[] }).__orders)).toEqual([
      'help',
    ]);
    await page.locator('sunset-watch-banner').getByRole('button', { name: '收起' }).click();
    expect(await page.getAttribute('sunset-watch-banner', 'data-collapsed')).toBe('');
    await page.reload();
    await page.waitForSelector('sunset-watch-banner[data-corner]');
    expect(await page.getAttribute('sunset-watch-banner', 'data-collapsed')).toBe('');
    await page
      .locator('sunset-watch-banner')
      .getByRole('button', { name: /下线提醒/ })
      .click();
    expect(await page.getAttribute('sunset-watch-banner', 'data-collapsed')).toBeNull();
  });

  it('covers srcdoc and about:blank frames of the page', async () => {
    await page.goto('https://p4p.1688.com/hostile/frames.html');
    for (const [id, name] of [
      ['srcdoc', '家居百货解决方案'],
      ['blank', '跨境专供解决方案'],
    ] as const) {
      const frame = await (await page.waitForSelector(`#${id}`)).contentFrame();
      await frame!.waitForSelector(`#name[data-sunset-flag="${name}"]`);
    }
  });
});
