// `npm run bench`: the page scan measured in Chromium (not a test; numbers go to the report).
//  1. In a plain page, tables of 1,000 / 8,000 / 30,000 rows: full scan (flags and highlights) vs a
//     bare TreeWalker pass over every text node, and 100 appended rows vs a full scan.
//  2. The matcher alone: an indexOf per name vs the one regular expression, 10 → 500 names.
//  3. With the built extension loaded, on pages served at p4p.1688.com: the content script's own
//     work during its first full scan (the sum of its tasks, from a trace) vs a bare TreeWalker
//     pass in a fresh isolated world as the first pass over the same page at the same moment of
//     its load (issue 16 goals: ≤ 3× at 1,000 rows, ≤ 2× from 8,000), its longest task (< 50 ms),
//     and its `sunset-watch:scan` / `sunset-watch:scan-incremental` measures (+100 rows: ≤ 5%).
import { execFileSync } from 'node:child_process';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  blankPageWithScript,
  launchWithExtension,
  newProfile,
  removeProfile,
} from '../test/e2e/support/chromium.ts';
import { ROOT } from '../test/e2e/support/paths.ts';
import { loadPage } from './lib/load-page.ts';
import { bundleForPage } from './lib/page-bundle.ts';
import { fmt, linearFit, median } from './lib/stats.ts';
import { evaluateInNewWorld } from './lib/worlds.ts';
import {
  replicaNotices,
  routeReplicaPages,
  serveFeed,
  waitForStoredNotice,
} from '../test/fixtures/pages/serve.ts';
import type { PageProduct } from '../utils/page/watched.ts';

const SIZES = [1000, 8000, 30000];
const REPEAT = Number(process.env.BENCH_REPEAT || 5);
/** A watched name in one row of EVERY; 0: no row names one (most backend pages name none). */
const EVERY = process.env.BENCH_WATCHED_EVERY ? Number(process.env.BENCH_WATCHED_EVERY) : 20;
const NAMED = EVERY > 0 ? `a watched name in 1 row of ${EVERY}` : 'no watched name on the page';
const BENCH_FEED_PORT = 18797;
const BENCH_OUT = `${ROOT}.output/bench`;

/** Best of N: on a shared machine the minimum is the steadiest estimate of the work itself. */
const best = (xs: number[]): number => Math.min(...xs);
const f = (ms: number): string => `${ms.toFixed(1)} ms`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function products(now: number): PageProduct[] {
  return replicaNotices(now).map((n) => ({
    guid: n.guid,
    hash: 'bench',
    noticeTitle: n.title,
    link: n.link,
    kind: n.sunset!.kind,
    grandfather: n.sunset!.grandfather,
    product: n.sunset!.products[0]!,
    muted: false,
  }));
}

function harness(): Promise<string> {
  return bundleForPage(new URL('./harness.ts', import.meta.url), 'SW');
}

type SW = typeof import('./harness.ts');
declare const SW: SW;

async function inPage(page: Page): Promise<void> {
  const list = products(Date.now());
  console.log(`\n1. Full scan vs bare TreeWalker text pass; 100 appended rows vs full scan`);
  console.log(`   (best of ${REPEAT}; ${NAMED}; flags and highlights included)\n`);
  const medians: string[] = [];
  console.log(
    '   rows    elements  flags  bare walk   full scan   ratio        no highlights  ratio   +100 rows   ratio (≤5%)',
  );
  for (const rows of SIZES) {
    const bare: number[] = [];
    const full: number[] = [];
    const inc: number[] = [];
    const plain: number[] = [];
    let elements = 0;
    let flags = 0;
    for (let r = 0; r < REPEAT; r++) {
      elements = await page.evaluate(([n, e]) => (SW.setWatchedEvery(e), SW.buildTable(n)), [
        rows,
        EVERY,
      ] as const);
      bare.push(await page.evaluate(() => SW.bareWalk()));
      const scan = await page.evaluate((p) => SW.fullScan(p), list);
      full.push(scan.ms);
      flags = scan.flags;
      inc.push(await page.evaluate((n) => SW.appendAndScan(100, n), rows));
      await page.evaluate(([n, e]) => (SW.setWatchedEvery(e), SW.buildTable(n)), [rows, EVERY] as const);
      plain.push((await page.evaluate((p) => SW.fullScan(p, false), list)).ms);
    }
    const b = best(bare);
    const s = best(full);
    const i = best(inc);
    const nb = best(plain);
    medians.push(`${rows}: bare ${f(median(bare))}, scan ${f(median(full))}, +100 ${f(median(inc))}`);
    console.log(
      `   ${String(rows).padStart(6)}  ${String(elements).padStart(8)}  ${String(flags).padStart(5)}  ${f(b).padStart(9)}  ${f(s).padStart(10)}   ${`${(s / b).toFixed(2)}×`.padStart(11)}  ${f(nb).padStart(9)}  ${`${(nb / b).toFixed(2)}×`.padStart(5)}  ${f(i).padStart(10)}   ${pct(i / s).padStart(11)}`,
    );
  }

  console.log(`\n   medians: ${medians.join(' · ')}`);
  console.log(
    `\n2. Matcher alone over the 8,000-row page's text nodes: indexOf per name vs one regular expression (best of ${REPEAT})\n`,
  );
  await page.evaluate(([n, e]) => (SW.setWatchedEvery(e), SW.buildTable(n)), [8000, EVERY] as const);
  const runs: { names: number; naiveMs: number; oneMs: number }[][] = [];
  for (let r = 0; r < REPEAT; r++)
    runs.push(await page.evaluate(() => SW.matcherGrowth([10, 50, 100, 200, 500])));
  const growth = runs[0]!.map((g, i) => ({
    names: g.names,
    naiveMs: best(runs.map((run) => run[i]!.naiveMs)),
    oneMs: best(runs.map((run) => run[i]!.oneMs)),
  }));
  console.log('   names   indexOf/name   one RegExp   speed-up');
  for (const g of growth) {
    console.log(
      `   ${String(g.names).padStart(5)}  ${f(g.naiveMs).padStart(12)}  ${f(g.oneMs).padStart(9)}   ${`${(g.naiveMs / g.oneMs).toFixed(1)}×`.padStart(8)}`,
    );
  }
}

/** The bare pass: every text node's .data, nothing else (a function body, for page worlds). */
const BARE_WALK =
  'const t0 = performance.now(); const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let c = 0; for (let n = w.nextNode(); n; n = w.nextNode()) c += n.data.length; const ms = performance.now() - t0;';

/** The bare pass in a new isolated world of the page, in ms. */
async function bareWalkInNewWorld(cdp: CDPSession, name: string): Promise<number> {
  return (await evaluateInNewWorld(cdp, name, `(() => { ${BARE_WALK} return ms; })()`)) as number;
}

/**
 * The baseline for a first scan: the bare pass as the FIRST pass over the page, at the moment of
 * the page's life when our scan started (`atMs` after navigation), in an isolated world, on the
 * same page at a host the extension does not run on (so nothing else walked it before). Then the
 * same pass once more in another new world right after: a second pass costs about half as much
 * (the page is in the CPU's caches, V8's young generation has grown), which is why a bare walk
 * run after our scan is no baseline for it.
 */
async function bareWalkFirstPass(
  context: BrowserContext,
  url: string,
  atMs: number,
): Promise<{ first: number; second: number }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      worldName: 'bench-bare-walk-first',
      source: `document.addEventListener('DOMContentLoaded', () => setTimeout(() => { ${BARE_WALK} performance.measure('bench:bare-walk', { start: t0, duration: ms }); }, Math.max(0, ${atMs} - performance.now())));`,
    });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:bare-walk').length > 0);
    const first = await page.evaluate(() => performance.getEntriesByName('bench:bare-walk')[0]!.duration);
    const second = await bareWalkInNewWorld(cdp, 'bench-bare-walk-second');
    await cdp.detach();
    return { first, second };
  } finally {
    await page.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { data?: { url?: string } };
}

/**
 * Records the renderer's top-level tasks, which script each runs (devtools.timeline) and the
 * page's user timing (marks and measures).
 */
async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The extension's tasks during its full scan, from a trace (the page's longtask observer is not
 * told about the content script's tasks). Tasks: the outermost top-level events on the page's
 * main thread (the thread that set the scan's start mark) overlapping the `sunset-watch:scan`
 * measure. Ours, its slices: those holding the start mark, the measure's end or a function call
 * from a chrome-extension:// script (the first slice runs in the microtask checkpoint after the
 * background's reply, the others are timer callbacks). The page's own tasks in between, mostly
 * the browser rendering the table, are reported apart.
 */
function scanTasks(events: TraceEvent[]): {
  ours: number[];
  others: number[];
  start: number;
  placing: number;
} {
  const mark = events.find((e) => e.name === 'sunset-watch:scan-start');
  const begin = events.find((e) => e.name === 'sunset-watch:scan' && (e.ph === 'b' || e.ph === 'X'));
  const end = events.find((e) => e.name === 'sunset-watch:scan' && e.ph === 'e');
  if (!mark || !begin) throw new Error('bench: no sunset-watch:scan in the trace');
  const from = begin.ts;
  const to = end ? end.ts : begin.ts + (begin.dur ?? 0);
  const onMain = (e: TraceEvent): boolean => e.pid === mark.pid && e.tid === mark.tid;
  const ourPoints = events
    .filter(
      (e) => onMain(e) && e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://'),
    )
    .map((e) => e.ts)
    .concat(mark.ts, to);
  const top = events
    .filter((e) => e.ph === 'X' && onMain(e) && e.dur !== undefined && e.cat?.split(',').includes('toplevel'))
    .sort((a, b) => a.ts - b.ts);
  const ours: number[] = [];
  const others: number[] = [];
  // Placing badges and the banner: our tasks after the scan, before the 100 rows are appended.
  const inc = events.find((e) => e.name === 'sunset-watch:scan-incremental-start');
  const placeEnd = inc ? inc.ts : Infinity;
  let placing = 0;
  let outerEnd = -Infinity;
  for (const e of top) {
    const stop = e.ts + e.dur!;
    if (e.ts < outerEnd) continue; // inside the previous task
    outerEnd = stop;
    if (e.ts >= to || stop <= from) continue;
    (ourPoints.some((ts) => ts >= e.ts && ts <= stop) ? ours : others).push(e.dur! / 1000);
  }
  // Only our own calls count there (what forced layout they did included): a callback of ours in
  // an animation frame or an IntersectionObserver runs inside the browser's rendering task, which
  // would otherwise count the page's first layout as ours.
  for (const e of events)
    if (
      onMain(e) &&
      e.name === 'FunctionCall' &&
      e.ts >= to &&
      e.ts < placeEnd &&
      e.args?.data?.url?.startsWith('chrome-extension://')
    )
      placing += (e.dur ?? 0) / 1000;
  // The content script's own start before all this: compiling and running its top level
  // (injected at document_idle; it then asks the background and waits). Paid on every page too.
  const start = events
    .filter(
      (e) =>
        onMain(e) &&
        e.name === 'EvaluateScript' &&
        e.ts < from &&
        e.args?.data?.url?.startsWith('chrome-extension://'),
    )
    .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  return { ours, others, start, placing };
}

async function withExtension(): Promise<void> {
  console.log(
    `\n3. The built extension on pages at https://p4p.1688.com/ (its content script traced, and its own measures)\n`,
  );
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      WXT_FEED_URL: `http://127.0.0.1:${BENCH_FEED_PORT}/feed.xml`,
      SUNSET_OUT_DIR: BENCH_OUT,
    },
  });
  const feed = await serveFeed(BENCH_FEED_PORT, replicaNotices(Date.now()));
  const session = await launchWithExtension(newProfile(), `${BENCH_OUT}/chrome-mv3`);
  try {
    const extra = Object.fromEntries(
      SIZES.map((n) => [`https://p4p.1688.com/bench-${n}.html`, loadPage(n, EVERY)]),
    );
    await routeReplicaPages(session.context, extra);
    // The same pages where the extension does not run (for the bare walk at load).
    await session.context.route(/^https:\/\/www\.1688\.com\/bench-\d+\.html$/, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: loadPage(Number(/bench-(\d+)/.exec(route.request().url())![1]), EVERY),
      }),
    );
    await waitForStoredNotice(session.worker, 'replica-kuajing');
    console.log(
      `   each page loaded ${REPEAT}× (every load is a fresh isolated world, so every scan is a first scan; ${NAMED}); medians\n`,
    );
    console.log(
      '   rows   bare walk, first pass   Σ ours (tasks)   Σ ours / it (≤3× 1k, ≤2×)   bare walk, second pass   bare walk after our scan   Σ ours / it   scan measure   our longest task (goal < 50 ms)   page in between   +100 rows   / scan (goal ≤ 5%)   / Σ ours   script start   placing after',
    );
    const verdicts: string[] = [];
    /** Per size: the first pass and Σ ours (medians), for the split into fixed and growing cost. */
    const costs: [bare: number, ours: number][] = [];
    for (const rows of SIZES) {
      const runs = {
        first: [] as number[],
        second: [] as number[],
        after: [] as number[],
        scan: [] as number[],
        inc: [] as number[],
        ours: [] as number[],
        slices: [] as number[],
        work: [] as number[],
        between: [] as number[],
        start: [] as number[],
        placing: [] as number[],
      };
      for (let r = 0; r < REPEAT; r++) {
        const page = await session.context.newPage();
        const tracer = await session.context.newCDPSession(page);
        await startTrace(tracer);
        await page.goto(`https://p4p.1688.com/bench-${rows}.html`);
        await page.waitForFunction(
          () => performance.getEntriesByName('sunset-watch:scan', 'measure').length > 0,
          null,
          {
            timeout: 60_000,
          },
        );
        const measure = await page.evaluate(() => {
          const m = performance.getEntriesByName('sunset-watch:scan', 'measure')[0]!;
          return { start: m.startTime, duration: m.duration };
        });
        runs.scan.push(measure.duration);
        // Let the badges and the banner be placed (the frame after the scan, again 300 ms later).
        await page.waitForTimeout(400);
        await page.evaluate((n) => {
          const w = window as unknown as { row: (i: number) => HTMLElement };
          const tb = document.getElementById('rows')!;
          for (let i = 0; i < 100; i++) tb.append(w.row(n + i));
        }, rows);
        await page.waitForFunction(
          () => performance.getEntriesByName('sunset-watch:scan-incremental', 'measure').length > 0,
        );
        runs.inc.push(
          await page.evaluate(
            () => performance.getEntriesByName('sunset-watch:scan-incremental', 'measure')[0]!.duration,
          ),
        );
        const trace = scanTasks(await endTrace(tracer));
        await tracer.detach();
        runs.ours.push(Math.max(0, ...trace.ours));
        runs.slices.push(trace.ours.length);
        runs.work.push(trace.ours.reduce((a, b) => a + b, 0));
        runs.between.push(Math.max(0, ...trace.others));
        runs.start.push(trace.start);
        runs.placing.push(trace.placing);
        // The same bare pass, like the content script in a fresh isolated world (every node needs a
        // new JS wrapper on first touch), but on a page our scan has walked already: context.
        const cdp = await session.context.newCDPSession(page);
        runs.after.push(await bareWalkInNewWorld(cdp, 'bench-bare-walk-after'));
        await cdp.detach();
        await page.close();
        const reference = await bareWalkFirstPass(
          session.context,
          `https://www.1688.com/bench-${rows}.html`,
          measure.start,
        );
        runs.first.push(reference.first);
        runs.second.push(reference.second);
      }
      // The goal figure: the content script's own work during its first scan (Σ of its tasks,
      // traced) against the bare walk as the first pass over the same page at the same moment;
      // medians of the loads. The measure also spans the page's tasks between our slices, so it
      // is printed for comparison only. +100 rows: best of the loads against the best measure.
      const bare = median(runs.first);
      const after = median(runs.after);
      const work = median(runs.work);
      const longest = median(runs.ours);
      const [scan, inc] = [best(runs.scan), best(runs.inc)];
      costs.push([bare, work]);
      const met = (ok: boolean): string => (ok ? 'met' : 'NOT met');
      // Issue 16: within 3× at 1,000 rows (a fixed cost per page load weighs most there), 2× above.
      const full = `${(work / bare).toFixed(2)}× ${met(work <= (rows <= 1000 ? 3 : 2) * bare)}`;
      const long = `${f(longest)} ${met(longest < 50)}`;
      const small = `${pct(inc / scan)} ${met(inc <= 0.05 * scan)}`;
      verdicts.push(`${rows} rows: full scan ${full}; longest task ${long}; +100 rows ${small}`);
      console.log(
        `   ${String(rows).padStart(6)}  ${f(bare).padStart(21)}  ${`${f(work)} (${median(runs.slices)})`.padStart(15)}  ${full.padStart(24)}  ${f(median(runs.second)).padStart(23)}  ${f(after).padStart(25)}  ${`${(work / after).toFixed(2)}×`.padStart(12)}  ${f(median(runs.scan)).padStart(13)}  ${long.padStart(32)}  ${f(median(runs.between)).padStart(16)}  ${f(inc).padStart(10)}  ${small.padStart(19)}  ${pct(inc / work).padStart(8)}  ${f(median(runs.start)).padStart(12)}  ${f(median(runs.placing)).padStart(13)}`,
      );
    }
    console.log(
      "\n   (bare walk: a TreeWalker over the page's text nodes reading .data, in a fresh isolated world, where\n" +
        '   every node needs a new JS wrapper as in the content script. First pass: the same page at a host the\n' +
        '   extension does not run on, the walk started at the moment of the load our scan started at, the first\n' +
        '   JS to read the page after its own script; second pass: the same walk again right after it, in another\n' +
        '   new world (the page now in the CPU caches, V8 warmed: what a baseline run after our scan measures).\n' +
        "   Σ ours: the content script's tasks during its full scan, from a trace (the first one also holds its\n" +
        '   start-up after the background replied, and the banner after the scan), with their number (slices).\n' +
        "   Scan measure: `sunset-watch:scan`, which also spans the page's own tasks between our slices (page in\n" +
        '   between: the longest of those, mostly the browser rendering the table). All medians, except +100\n' +
        '   rows: best, against the best measure (the test contract names the two measures; the measure of a\n' +
        "   sliced scan also spans the page's work between slices, so / Σ ours compares with our own work\n" +
        '   alone); on 1,000 rows they are a tenth of the page. Script start: the content script compiled and its\n' +
        '   top level run when it is injected (document_idle), before it asks the background; not in Σ ours,\n' +
        '   but paid on every page. Placing after: our tasks after the scan that place the badges on screen and the\n' +
        '   banner (hit tests on a page the browser has laid out), before the 100 rows are appended.)\n',
    );
    for (const verdict of verdicts) console.log(`   ${verdict}`);
    // Context for the 1,000-row figure, no verdict: Σ ours = fixed + slope × first pass, fitted
    // over the sizes. The slope is what our scan costs per unit of the page (against the bare
    // walk); the fixed part is paid once per page load whatever its size, and dominates small pages.
    const fit = linearFit(costs);
    console.log(
      `   split of Σ ours over ${SIZES.map((n) => fmt(n)).join(' / ')} rows (least squares): ${fit.slope.toFixed(2)}× the bare walk per unit of page, plus ${f(fit.fixed)} per page load`,
    );
  } finally {
    await session.close();
    removeProfile(session.userDataDir);
    await feed.close();
  }
}

async function main(): Promise<void> {
  // `--extension-only`: part 3 alone (A/B runs of the content script).
  if (process.argv.includes('--extension-only')) return withExtension();
  const { browser, page } = await blankPageWithScript(await harness());
  try {
    await inPage(page);
  } finally {
    await browser.close();
  }
  if (!process.argv.includes('--no-extension')) await withExtension();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
