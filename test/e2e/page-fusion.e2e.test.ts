// The content script on the Fusion replica (test/fixtures/fusion: real @alifd/next 1.27 on React
// 18) served at https://p4p.1688.com/, against the same page at www.1688.com, where the extension
// does not run (issue 16 Tests): every element's box is the same, flags follow paging, in-place
// re-renders and virtual scrolling, React never errs, and the page's controls get their clicks.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './support/chromium.ts';
import { startReplica, stopReplica, type ReplicaSetup } from './support/replica.ts';
import { until } from './support/wait.ts';
import { FUSION_REFERENCE_URL, FUSION_URL, routeFusionReplica } from '../fixtures/fusion/build.ts';

const WATCHED = ['家居百货解决方案', '行业优选解决方案', '跨境专供解决方案'];

type Box = [what: string, x: number, y: number, width: number, height: number];

/** Every page element's box (ours left out: they live in shadow roots of our own hosts). */
const boxes = (page: Page): Promise<Box[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => !el.localName.startsWith('sunset-watch-'))
      .map((el): Box => {
        const r = el.getBoundingClientRect();
        return [`${el.localName}.${el.getAttribute('class') ?? ''}`, r.x, r.y, r.width, r.height];
      }),
  );

/** Boxes that differ by more than half a pixel (or elements that are not the same). */
function boxDiff(withExtension: Box[], reference: Box[]): string[] {
  const out: string[] = [];
  if (withExtension.length !== reference.length)
    out.push(`${withExtension.length} elements with the extension, ${reference.length} without`);
  reference.forEach((ref, i) => {
    const ext = withExtension[i];
    if (!ext || ext[0] !== ref[0]) out.push(`#${i}: ${ext?.[0]} vs ${ref[0]}`);
    else if ([1, 2, 3, 4].some((k) => Math.abs((ext[k] as number) - (ref[k] as number)) > 0.5))
      out.push(`#${i} ${ref[0]}: ${ext.slice(1).join(',')} vs ${ref.slice(1).join(',')}`);
  });
  return out.slice(0, 10);
}

const reactErrors = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __reactErrors: string[] }).__reactErrors);
const orders = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __orders: string[] }).__orders);

/** Table cells whose flag does not say what they show (a watched name flagged, nothing else). */
const flagMismatches = (page: Page): Promise<string[]> =>
  page.evaluate(
    (watched) =>
      [...document.querySelectorAll('.next-table-body .next-table-cell-wrapper')]
        .filter(
          (cell) =>
            (watched.includes(cell.textContent!) ? cell.textContent : null) !==
            cell.getAttribute('data-sunset-flag'),
        )
        .map((cell) => `${cell.textContent} flagged ${cell.getAttribute('data-sunset-flag')}`),
    WATCHED,
  );

async function settled(page: Page): Promise<void> {
  // Fusion's overlays animate in; our badges are placed in the frame after, and again 300 ms later.
  await page.waitForTimeout(700);
}

describe.skipIf(!hasChromium())('content script on the Fusion replica', () => {
  let setup: ReplicaSetup;
  let page: Page;
  let reference: Page;

  beforeAll(async () => {
    setup = await startReplica(['replica-jiaju', 'replica-kuajing']);
    await routeFusionReplica(setup.session.context);
    page = await setup.session.context.newPage();
    reference = await setup.session.context.newPage();
  });

  afterAll(() => stopReplica(setup));

  beforeEach(() => page.bringToFront());

  async function both(route: string, act: (p: Page) => Promise<void> = async () => {}): Promise<void> {
    for (const [p, base] of [
      [page, FUSION_URL],
      [reference, FUSION_REFERENCE_URL],
    ] as const) {
      // A page in the background gets no animation frames (Fusion's overlays, our badges).
      await p.bringToFront();
      await p.goto(`${base}#!/${route}`);
      await p.waitForSelector(`body[data-route="${route}"]`);
      await act(p);
    }
    await settled(reference);
    await page.bringToFront();
    await page.waitForSelector('[data-sunset-flag]');
    await settled(page);
  }

  const states: [string, string, (p: Page) => Promise<void>][] = [
    ['the plan report', 'report/plan', async () => {}],
    ['page 2 of the plan report', 'report/plan', (p) => p.click('.next-pagination-item:has-text("2")')],
    [
      'the Select open',
      'report/plan',
      async (p) => {
        await p.click('.product-select');
        await p.waitForSelector('.next-select-menu');
      },
    ],
    [
      'the 更多操作 menu open',
      'report/plan',
      async (p) => {
        await p.click('[data-testid="more-actions"]');
        await p.waitForSelector('[data-testid="menu-renew"]');
      },
    ],
    [
      'the virtual table scrolled',
      'report/virtual',
      (p) => p.$eval('.virtual-table .next-table-body', (body) => void (body.scrollTop = 4000)),
    ],
    ['the solution cards', 'solution/list', async () => {}],
    [
      'a dialog open',
      'solution/list',
      async (p) => {
        await p.click('[data-testid="details-0"]');
        await p.waitForSelector('.next-dialog');
      },
    ],
  ];

  it.each(states)('every element keeps its box (±0.5 px): %s', async (_what, route, act) => {
    await both(route, act);
    expect(boxDiff(await boxes(page), await boxes(reference))).toEqual([]);
    expect(await reactErrors(page)).toEqual([]);
    expect(await reactErrors(reference)).toEqual([]);
  });

  it('flags follow paging (rows re-rendered in place) and virtual scrolling', async () => {
    await page.goto(`${FUSION_URL}#!/report/plan`);
    await page.waitForSelector('[data-sunset-flag]');
    expect(await flagMismatches(page)).toEqual([]);
    for (const n of ['2', '3', '1']) {
      await page.click(`.next-pagination-item:has-text("${n}")`);
      await until(
        async () => ((await flagMismatches(page)).length === 0 ? true : undefined),
        `flags on page ${n}`,
        {
          timeoutMs: 5_000,
        },
      );
    }
    await page.goto(`${FUSION_URL}#!/report/virtual`);
    await page.waitForSelector('[data-sunset-flag]');
    const firstRow = () => page.$eval('.virtual-table .next-table-body tr', (tr) => tr.textContent);
    for (const top of [1500, 30_000, 60_000, 0]) {
      const before = await firstRow();
      await page.$eval('.virtual-table .next-table-body', (body, t) => void (body.scrollTop = t), top);
      // Fusion renders the rows of the new place (then our scan follows).
      await until(async () => ((await firstRow()) !== before ? true : undefined), `rows at ${top}px`, {
        timeoutMs: 5_000,
      });
      await until(
        async () => ((await flagMismatches(page)).length === 0 ? true : undefined),
        `flags at ${top}px`,
        {
          timeoutMs: 5_000,
        },
      );
    }
    // Back at the top, row 8 names 跨境专供解决方案 again (Fusion renders it anew on scrolling).
    await page.waitForSelector('.virtual-table [data-sunset-flag="跨境专供解决方案"]');
    expect(await flagMismatches(page)).toEqual([]);
    expect(await reactErrors(page)).toEqual([]);
  });

  it('takes no click meant for the page: Select, menu, Balloon, Pagination, cards, dialog', async () => {
    await page.goto(`${FUSION_URL}#!/report/plan`);
    await page.waitForSelector('em[data-sunset-flag="家居百货解决方案"]');
    await settled(page);
    // The chosen value is the page's own, visible and on top, and its click opens the dropdown.
    expect(
      await page.$eval('.product-select em', (em) => {
        const r = em.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === em;
      }),
    ).toBe(true);
    // A merchant's pointer rests on the value before the click: no card opens over the list.
    await page.hover('.product-select em');
    await page.waitForTimeout(600);
    await page.click('.product-select');
    // … nor over the list while the pointer rests on a retiring option.
    await page.locator('.next-select-menu').getByText('家居百货解决方案').hover();
    await page.waitForTimeout(600);
    expect(await page.locator('sunset-watch-card').isVisible()).toBe(false);
    await page.locator('.next-select-menu').getByText('跨境专供解决方案').click();
    await until(
      async () => ((await orders(page)).includes('select:跨境专供解决方案') ? true : undefined),
      'select',
    );
    expect(await page.textContent('.product-select em')).toBe('跨境专供解决方案');
    // Menu items do what they say (a renewal of a retiring product goes to the order guard).
    await page.click('[data-testid="more-actions"]');
    await page.click('[data-testid="menu-export"]');
    expect((await orders(page)).at(-1)).toBe('export');
    await page.click('[data-testid="more-actions"]');
    await page.hover('[data-testid="menu-renew"]');
    await page.waitForTimeout(600);
    expect(await page.locator('sunset-watch-card').isVisible()).toBe(false);
    await page.click('[data-testid="menu-renew"]');
    await until(
      async () =>
        (await orders(page)).includes('menu-renew:家居百货解决方案') || (await page.$('sunset-watch-guard'))
          ? true
          : undefined,
      'the renewal reached its handler or the guard',
    );
    expect(await page.locator('sunset-watch-card').isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await page.click('[data-testid="tip"]');
    await page.waitForSelector('.tip-body');
    await page.click('.next-pagination-item:has-text("2")');
    await page.waitForSelector('.next-pagination-item.next-current:has-text("2")');
    await page.goto(`${FUSION_URL}#!/solution/list`);
    await page.waitForSelector('[data-sunset-flag]');
    await page.click('[data-testid="order-3"]');
    expect((await orders(page)).at(-1)).toBe('order:消费品解决方案');
    await page.click('[data-testid="details-3"]');
    await page.waitForSelector('.next-dialog');
    await page.click('[data-testid="dialog-order"]');
    expect((await orders(page)).at(-1)).toBe('dialog:消费品解决方案');
    expect(await reactErrors(page)).toEqual([]);
  });

  it('the card of a hovered name closes when the pointer leaves, on a route change, an outside click, and when its name leaves', async () => {
    const cardShown = () => page.locator('sunset-watch-card').isVisible();
    await page.goto(`${FUSION_URL}#!/solution/list`);
    await page.hover('[data-sunset-flag="家居百货解决方案"]');
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    // A new route, even one that keeps the name on screen, closes the card.
    await page.evaluate(() => (location.hash = '#!/solution/list?from=card-test'));
    await page.waitForSelector('sunset-watch-card[hidden]', { state: 'attached' });
    expect(await page.$('[data-sunset-flag="家居百货解决方案"]')).not.toBeNull();
    await page.mouse.move(1, 1);
    await page.hover('[data-sunset-flag="家居百货解决方案"]');
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    await page.evaluate(() => (location.hash = '#!/report/plan'));
    await page.waitForSelector('body[data-route="report/plan"]');
    expect(await cardShown()).toBe(false);

    await page.hover('.next-table-body [data-sunset-flag="家居百货解决方案"]');
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    // The pointer leaving for the page (not the card) closes it after a moment.
    await page.hover('[data-testid="more-actions"]');
    await until(async () => ((await cardShown()) ? undefined : true), 'the card to close');

    await page.hover('.next-table-body [data-sunset-flag="家居百货解决方案"]');
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    // Moving onto the card keeps it; a click elsewhere closes it and still reaches the page.
    await page.hover('sunset-watch-card');
    await page.click('[data-testid="more-actions"]');
    expect(await cardShown()).toBe(false);
    await page.waitForSelector('[data-testid="menu-export"]');
    await page.keyboard.press('Escape');

    await page.hover('.next-table-body [data-sunset-flag="家居百货解决方案"]');
    await page.waitForSelector('sunset-watch-card:not([hidden])');
    await page.hover('sunset-watch-card');
    // The page re-renders its rows in place: the name under the card is gone.
    await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.next-pagination-item')]
        .find((b) => b.textContent === '2')!
        .click(),
    );
    await until(async () => ((await cardShown()) ? undefined : true), 'the card to close');
  });
});
