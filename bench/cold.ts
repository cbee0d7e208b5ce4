// `npm run bench:cold`: pieces of the content script's first scan timed cold, each run in a fresh
// isolated world of the loaded benchmark page (as the content script's world is on every page),
// once per world. Variants rotate their order every round: in a fixed order the first of each
// round runs slower, which can pass for a difference between variants. Medians and minimums.
//   npx tsx bench/cold.ts [--rows 1000,30000] [--repeat 15] [variant…]   (variants: cold-variants.ts)
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/support/chromium.ts';
import { loadPage } from './lib/load-page.ts';
import { bundleForPage } from './lib/page-bundle.ts';
import { median } from './lib/stats.ts';
import { evaluateInNewWorld } from './lib/worlds.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string', default: '1000' }, repeat: { type: 'string', default: '15' } },
});
const ROWS = values.rows.split(',').map(Number);
const REPEAT = Number(values.repeat);

async function main(): Promise<void> {
  const code = await bundleForPage(new URL('./cold-variants.ts', import.meta.url), 'COLD');
  const all = Object.keys((await import('./cold-variants.ts')).VARIANTS);
  const unknown = positionals.filter((v) => !all.includes(v));
  if (unknown.length) throw new Error(`unknown variants: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  const variants = positionals.length ? positionals : all;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
  });
  try {
    const context = await browser.newContext();
    await context.route(/^https:\/\/p4p\.1688\.com\/bench-(\d+)\.html$/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: loadPage(Number(/bench-(\d+)/.exec(route.request().url())![1]), 20),
      }),
    );
    for (const rows of ROWS) {
      const runs = new Map<string, number[]>(variants.map((v) => [v, []]));
      for (let r = 0; r < REPEAT; r++) {
        const turn = r % variants.length;
        for (const variant of [...variants.slice(turn), ...variants.slice(0, turn)]) {
          const page = await context.newPage();
          await page.goto(`https://p4p.1688.com/bench-${rows}.html`);
          await page.waitForTimeout(300);
          const cdp = await context.newCDPSession(page);
          const ms = await evaluateInNewWorld(
            cdp,
            `cold-${variant}-${r}`,
            code,
            `COLD.VARIANTS[${JSON.stringify(variant)}]()`,
          );
          runs.get(variant)!.push(ms as number);
          await cdp.detach();
          await page.close();
        }
      }
      console.log(`\n${rows} rows, ${REPEAT} cold runs each (a fresh isolated world per run):`);
      console.log('   variant           median      min');
      for (const [variant, ms] of runs) {
        console.log(
          `   ${variant.padEnd(15)} ${median(ms).toFixed(2).padStart(7)} ms ${Math.min(...ms)
            .toFixed(2)
            .padStart(6)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
