// Polling benchmark (issue 8): a generated 500-item feed through the core's poll path, in the
// extension's real service worker (real IndexedDB, the worker's V8) when Chromium is there,
// otherwise in Node on fake-indexeddb (`--node` forces that). Prints medians, bests and ratios
// against the baseline the issue names: rss-parser's parseString alone (the extension itself
// reads feeds with saxes since that baseline showed xml2js's tree costing more than the budget).
//
//   npx tsx bench/poll.ts [--reps 15] [--node]
//
// Worker mode builds the extension into .output/bench-poll, bundles bench/lib/poll-workload.ts
// with Vite (rss-parser's Node-only requires stubbed, bench/lib/rss-parser-stubs.ts) and
// evaluates it in the extension's service worker on a throwaway profile, so the database of a
// real profile is never touched.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Rolldown } from 'vite';
// Node mode only: idb needs the IDB* classes as globals (instanceof checks), as in the unit tests.
import 'fake-indexeddb/auto';
import { loadNotices } from '../feed/notices.ts';
import { buildFeedXml } from '../feed/xml.ts';
import type { Notice } from '../utils/notice/schema.ts';
import {
  hasChromium,
  launchWithExtension,
  newProfile,
  removeProfile,
  type ExtensionSession,
} from '../test/e2e/support/chromium.ts';
import { E2E_FEED_URL } from '../test/e2e/support/paths.ts';
import type { PollBenchResult, WriteCount } from './lib/poll-workload.ts';
import { fmt, median, table } from './lib/stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ITEMS = 500;
// Its own folder: bench/run.ts builds into .output/bench and may run at the same time.
const BENCH_OUT_DIR = `${ROOT}.output/bench-poll`;
const BENCH_EXTENSION_DIR = `${BENCH_OUT_DIR}/chrome-mv3`;

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '15' }, node: { type: 'boolean', default: false } },
});
const reps = Number(values.reps);

/** 500 valid notices: the bundled ones, repeated with their own guids, titles and product names. */
function generatedFeed(): string {
  const { notices, errors } = loadNotices();
  if (errors.length > 0 || notices.length === 0)
    throw new Error('feed/notices has problems: run npm run feed -- check');
  const list: Notice[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const base = notices[i % notices.length]!;
    const copy = structuredClone(base);
    copy.guid = `${base.guid}-bench-${i}`;
    copy.title = `${base.title}（第 ${i + 1} 条）`;
    if (copy.sunset) {
      for (const product of copy.sunset.products) product.name = `${product.name}${i + 1}`;
    }
    list.push(copy);
  }
  return buildFeedXml(list);
}

async function inNode(text: string): Promise<PollBenchResult> {
  const { IDBFactory, IDBObjectStore } = await import('fake-indexeddb');
  const { runPollBench } = await import('./lib/poll-workload.ts');
  return runPollBench({ text, reps, factory: new IDBFactory(), objectStore: IDBObjectStore });
}

async function workloadBundle(): Promise<string> {
  const stub = fileURLToPath(new URL('./lib/rss-parser-stubs.ts', import.meta.url));
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: {
      alias: Object.fromEntries(
        ['xmlbuilder', 'entities', 'http', 'https', 'url', 'timers', 'stream'].map((name) => [name, stub]),
      ),
    },
    build: {
      write: false,
      minify: false,
      target: 'esnext',
      lib: { entry: 'bench/lib/poll-workload.ts', formats: ['iife'], name: '__sunsetPollBench' },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite build produced no chunk');
  return chunk.code;
}

async function inWorker(text: string): Promise<PollBenchResult> {
  // A build of our own: the e2e build folder is rebuilt by every e2e run, possibly mid-benchmark.
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WXT_FEED_URL: E2E_FEED_URL, SUNSET_OUT_DIR: BENCH_OUT_DIR },
  });
  const code = await workloadBundle();
  const profile = newProfile();
  let session: ExtensionSession;
  try {
    session = await launchWithExtension(profile, BENCH_EXTENSION_DIR);
  } catch (error) {
    removeProfile(profile);
    throw error;
  }
  try {
    // Let the worker's own start-up (seeding, first poll attempt) finish before measuring.
    await new Promise((r) => setTimeout(r, 2000));
    // An arrow-function expression, evaluated over the DevTools protocol (which the extension's
    // CSP does not govern, unlike eval inside the worker).
    await session.worker.evaluate(
      `(() => { ${code}\n; globalThis.__sunsetPollBench = __sunsetPollBench; return true; })()`,
    );
    return await session.worker.evaluate(
      ([feedText, n]) =>
        (
          globalThis as unknown as {
            __sunsetPollBench: {
              runPollBench(input: { text: string; reps: number }): Promise<PollBenchResult>;
            };
          }
        ).__sunsetPollBench.runPollBench({ text: feedText, reps: n }),
      [text, reps] as const,
    );
  } finally {
    await session.close();
    removeProfile(session.userDataDir);
  }
}

const writes = (w: WriteCount) =>
  w.total === 0
    ? '0'
    : `${w.total} (${Object.entries(w.byStore)
        .map(([store, n]) => `${store} ${n}`)
        .join(', ')})`;

const text = generatedFeed();
const useWorker = !values.node && hasChromium();
const where = useWorker
  ? `the extension's service worker in Chromium (${BENCH_EXTENSION_DIR}), real IndexedDB`
  : `Node ${process.version} with fake-indexeddb${values.node ? ' (--node)' : ' (no Chromium found)'}`;
process.stdout.write(`polling benchmark in ${where}; ${reps} repetitions after one warm-up, medians\n`);
const result = useWorker ? await inWorker(text) : await inNode(text);
if (result.items !== ITEMS)
  throw new Error(`the generated feed parsed to ${result.items} notices, not ${ITEMS}`);

const m = {
  rss: median(result.rssParserOnly),
  parse: median(result.parseFeed),
  storeNew: median(result.pollStoreNew),
  storeSame: median(result.pollStoreSame),
  nm: median(result.notModifiedAfterResponse),
};
const best = (list: number[]) => Math.min(...list);
const bestRss = best(result.rssParserOnly);
const ms = (v: number) => `${fmt(v, 2)} ms`;
const pct = (v: number, base: number) => `${v >= base ? '+' : ''}${fmt(((v - base) / base) * 100, 0)}%`;
const runs = (list: number[]) => list.map((v) => fmt(v, 1)).join(' ');
/** One table row: median, best, and (for whole steps) both against rss-parser's. */
const row = (label: string, list: number[], against: boolean, dbWrites = ''): string[] => [
  label,
  ms(median(list)),
  ms(best(list)),
  against ? `${fmt(median(list) / m.rss, 2)}×` : '',
  against ? `${fmt(best(list) / bestRss, 2)}×` : '',
  dbWrites,
  runs(list),
];
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
process.stdout.write(
  `feed: ${result.items} items, ${fmt(result.bytes / 1024, 0)} KiB. Each step runs untimed, then timed (so ` +
    "it pays for its own garbage, not the step's before); medians and best of the timed runs.\n\n" +
    table([
      ['step', 'median', 'best', 'median vs rss-parser', 'best vs rss-parser', 'DB writes', 'runs (ms)'],
      row('rss-parser parseString alone (baseline)', result.rssParserOnly, true),
      row('parseFeed (XML → validated notices)', result.parseFeed, true),
      row('  of which: validateNotice ×500', result.validateOnly, false),
      row(
        'poll 200, all new (read body, parse, validate, hash, store)',
        result.pollStoreNew,
        true,
        writes(result.writesNew),
      ),
      row('  of which: hash 500 notices', result.hashOnly, false),
      row('  of which: storeNotices (one transaction)', result.storeOnly, false),
      row('storeNotices of the same 500 again', result.storeSameOnly, false),
      row('poll 200, same content again', result.pollStoreSame, true, writes(result.writesSame)),
      row('poll 304, after the response', result.notModifiedAfterResponse, false, writes(result.writes304)),
    ]) +
    `\n\ngoal: parse and store 500 new items ≤ 1.5× rss-parser's parse alone: ${fmt(m.storeNew / m.rss, 2)}× ` +
    `(${pct(m.storeNew, m.rss)}), ${met(m.storeNew <= 1.5 * m.rss)}` +
    ` · same content again: ${fmt(m.storeSame / m.rss, 2)}×` +
    `\ngoal: a 304 writes nothing to the database and takes < 1 ms after the response: ` +
    `${writes(result.writes304)} writes, ${ms(m.nm)}, ${met(result.writes304.total === 0 && m.nm < 1)}\n`,
);
