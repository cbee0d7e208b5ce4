// The popup at real widths (issue 18, item 3), in a zh-CN browser (launchWithExtension sets the
// locale and Beijing's zone): notices whose cutoffs are minutes, hours and days away, titles and
// names holding long URLs and unbroken Latin strings. At 320 and at 420 px nothing is wider than
// the popup, collapsed or expanded; the countdowns say what the issue asks for and never break
// across lines; a row expands and collapses.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../utils/notice/schema.ts';
import { toBeijingIso } from '../../utils/notice/time.ts';
import { serveFeed, type FeedHandle } from '../fixtures/pages/serve.ts';
import {
  hasChromium,
  launchWithExtension,
  openExtensionPage,
  removeProfile,
  type ExtensionSession,
} from './support/chromium.ts';
import { E2E_FEED_PORT } from './support/paths.ts';
import { until, whenPortFree } from './support/wait.ts';
import { spaced } from '../support/spaces.ts';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const LONG_URL = `https://rule.1688.com/policy/${'a1b2c3d4e5'.repeat(12)}.html?utm_source=${'x'.repeat(60)}`;
const LATIN = 'SuperLongUnbrokenLatinProductIdentifierWithoutAnySpaces'.repeat(3);

function notice(
  guid: string,
  title: string,
  name: string,
  atMs: number,
  extra: Partial<Notice> = {},
): Notice {
  const now = Date.now();
  return {
    guid,
    title,
    link: 'https://rule.1688.com/policy/e2e.html',
    pubDate: toBeijingIso(now - D),
    sunset: {
      kind: 'retire',
      updated: toBeijingIso(now - D),
      products: [
        {
          name,
          aliases: [],
          milestones: [
            { action: 'no-new-orders', at: toBeijingIso(atMs) },
            { action: 'history-hidden', at: toBeijingIso(atMs) },
            { action: 'retire', at: toBeijingIso(atMs + 20 * D) },
          ],
          replacements: [
            { name: '消费品解决方案', href: 'https://p4p.1688.com/' },
            { name: `${LATIN}解决方案` },
          ],
        },
      ],
      grandfather: `此前订购的方案不受影响，详见 ${LONG_URL}`,
    },
    ...extra,
  };
}

/** Whether anything in the page is wider than the popup (a horizontal scrollbar, or a cut). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
      .slice(0, 5);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });

/** The number of line boxes of the first element matching `selector` inside `root`. */
const lineCount = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const style = getComputedStyle(el);
    return Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight));
  });

describe.skipIf(!hasChromium())('popup at 320 and 420 px, in Chinese', () => {
  let feed: FeedHandle | undefined;
  let session: ExtensionSession | undefined;
  let page: Page;

  beforeAll(async () => {
    const now = Date.now();
    feed = await whenPortFree(() =>
      serveFeed(E2E_FEED_PORT, [
        notice('e2e-minutes', `很快停止订购 ${LONG_URL}`, '分钟方案', now + 45 * MIN + 30_000),
        notice('e2e-hours', `几小时后停止订购${LATIN}`, `小时方案${LATIN}`, now + 5 * H + 30 * MIN),
        notice('e2e-days', '几天后停止订购的解决方案公告', '天数方案', now + 3 * D + 2 * H),
      ]),
    );
    session = await launchWithExtension();
    page = await openExtensionPage(session);
    await until(async () => {
      await page.reload();
      return (await page.locator('[data-notice-id="e2e-days"]').count()) > 0 ? true : undefined;
    }, 'the polled notices in the popup');
  });

  afterAll(async () => {
    const dir = session?.userDataDir;
    await session?.close().catch(() => undefined);
    if (dir) removeProfile(dir);
    await feed?.close();
  });

  it('says minutes, hours and days, the soonest first and open, each countdown on one line', async () => {
    await page.setViewportSize({ width: 320, height: 600 });
    const part = async (guid: string, part: 'name' | 'what' | 'left') =>
      spaced(await page.locator(`[data-notice-id="${guid}"] .line__${part}`).first().innerText());
    const ids = await page
      .locator('[data-notice-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notice-id')));
    expect(ids.slice(0, 3)).toEqual(['e2e-minutes', 'e2e-hours', 'e2e-days']);
    expect(await part('e2e-minutes', 'name')).toBe('分钟方案');
    expect(await part('e2e-minutes', 'what')).toMatch(/^(今天|明天) \d\d:\d\d 停止新订购、历史方案不可查看$/);
    expect(await part('e2e-minutes', 'left')).toMatch(/^剩 4\d 分钟$/);
    expect(await part('e2e-hours', 'what')).toMatch(/^(今天|明天) \d\d:\d\d 停止新订购、历史方案不可查看$/);
    expect(await part('e2e-hours', 'left')).toBe('剩 5 小时');
    expect(await part('e2e-days', 'what')).toMatch(/^\d+月\d+日停止新订购、历史方案不可查看$/);
    expect(await part('e2e-days', 'left')).toMatch(/^剩 3 天 [12] 小时$/);
    for (const guid of ['e2e-minutes', 'e2e-hours', 'e2e-days'])
      expect(await lineCount(page, `[data-notice-id="${guid}"] .line__left`), guid).toBe(1);
    await expect
      .poll(() => page.locator('[data-notice-id="e2e-minutes"] .notice__body').isVisible())
      .toBe(true);
    expect(await page.locator('[data-notice-id="e2e-hours"] .notice__body').isVisible()).toBe(false);
  });

  it('expands and collapses a notice', async () => {
    const item = page.locator('[data-notice-id="e2e-days"]');
    const button = item.locator('.notice__row');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const body = item.locator('.notice__body');
    expect(await body.isVisible()).toBe(true);
    const timeline = spaced(await body.locator('.timeline').innerText());
    // Same-instant milestones on one line; Beijing time stated once for the list.
    expect(timeline).toMatch(/\d{4}年\d+月\d+日 \d\d:\d\d\s+停止新订购、历史方案不可查看/);
    expect(await body.locator('.timeline__label').innerText()).toBe('时间节点（北京时间）');
    expect(await body.innerText()).toContain('可改用：消费品解决方案、');
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await body.isVisible()).toBe(false);
  });

  for (const width of [320, 420]) {
    it(`nothing is wider than ${width} px, collapsed or with every notice open`, async () => {
      await page.setViewportSize({ width, height: 600 });
      const collapsed = await overflow(page);
      expect(collapsed.wide).toEqual([]);
      expect(collapsed.scrollWidth).toBeLessThanOrEqual(collapsed.clientWidth);
      // Every button of the bar is inside the popup (全部已读 and 设置 were cut at 320 px).
      for (const name of ['立即刷新', '全部已读']) {
        const box = await page.getByRole('button', { name }).boundingBox();
        expect(box && box.x + box.width, name).toBeLessThanOrEqual(width);
      }
      const rows = page.locator('.notice__row[aria-expanded="false"]');
      while ((await rows.count()) > 0) await rows.first().click();
      const expanded = await overflow(page);
      expect(expanded.wide).toEqual([]);
      expect(expanded.scrollWidth).toBeLessThanOrEqual(expanded.clientWidth);
      // The long URL and the unbroken Latin string are there, wrapped.
      expect(await page.locator('body').innerText()).toContain(LATIN.slice(0, 40));
      for (const guid of ['e2e-minutes', 'e2e-hours', 'e2e-days'])
        expect(await lineCount(page, `[data-notice-id="${guid}"] .line__left`), guid).toBe(1);
      await page.reload();
      await page.locator('[data-notice-id="e2e-days"]').waitFor();
    });
  }
});
