// Polling benchmark: the 304 goal (issue 8, kept by issue 17 item 8). The bundled notices are
// served as a feed, stored by one 200, then polled again and again with 304 Not Modified, in the
// extension's real service worker (real IndexedDB, the worker's V8) when Chromium is there,
// otherwise in Node on fake-indexeddb (`--node` forces that). Prints the time after the response
// (median, best) and the IndexedDB writes, which must be none.
//
//   npx tsx bench/poll.ts [--reps 30] [--node]
//
// Worker mode builds the extension into .output/bench-poll, bundles bench/lib/poll-workload.ts
// with the extension's own Vite settings (wxt.config.ts) and evaluates it in the extension's
// service worker on a throwaway profile, so the database of a real profile is never touched.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Rolldown } from 'vite';
// Node mode only: idb needs the IDB* classes as globals (instanceof checks), as in the unit tests.
import 'fake-indexeddb/auto';
import { loadNotices } from '../feed/notices.ts';
import { buildFeedXml } from '../feed/xml.ts';
import wxtConfig from '../wxt.config.ts';
import {
  hasChromium,
  launchWithExtension,
  newProfile,
  removeProfile,
  type ExtensionSession,
} from '../test/e2e/support/chromium.ts';
import { E2E_FEED_URL } from '../test/e2e/support/paths.ts';
import type { PollBenchResult } from './lib/poll-workload.ts';
import { fmt, median } from './lib/stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
// Its own folder: bench/run.ts builds into .output/bench and may run at the same time.
const BENCH_OUT_DIR = `${ROOT}.output/bench-poll`;
const BENCH_EXTENSION_DIR = `${BENCH_OUT_DIR}/chrome-mv3`;

const { values } = parseArgs({
  options: { reps: { type: 'string', default: '30' }, node: { type: 'boolean', default: false } },
});
const reps = Number(values.reps);

async function inNode(text: string): Promise<PollBenchResult> {
  const { IDBFactory, IDBObjectStore } = await import('fake-indexeddb');
  const { runPollBench } = await import('./lib/poll-workload.ts');
  return runPollBench({ text, reps, factory: new IDBFactory(), objectStore: IDBObjectStore });
}

async function workloadBundle(): Promise<string> {
  const vite = wxtConfig.vite;
  const config =
    typeof vite === 'function' ? await vite({ command: 'build', mode: 'production' } as never) : {};
  const output = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    ...(config.resolve ? { resolve: config.resolve } : {}),
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
    // Evaluated over the DevTools protocol (which the extension's CSP does not govern).
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

const { notices, errors } = loadNotices();
if (errors.length > 0) throw new Error('feed/notices has problems: run npm run feed -- check');
const text = buildFeedXml(notices);
const useWorker = !values.node && hasChromium();
const where = useWorker
  ? `the extension's service worker in Chromium (${BENCH_EXTENSION_DIR}), real IndexedDB`
  : `Node ${process.version} with fake-indexeddb${values.node ? ' (--node)' : ' (no Chromium found)'}`;
process.stdout.write(`polling benchmark in ${where}; ${reps} polls answered 304 after one warm-up\n`);
const result = useWorker ? await inWorker(text) : await inNode(text);
const times = result.notModifiedAfterResponse;
const met = result.writes304 === 0 && median(times) < 1;
process.stdout.write(
  `feed: the ${result.items} bundled notices, ${fmt(result.bytes / 1024, 1)} KiB, stored by one 200 first\n` +
    `304 after the response: median ${fmt(median(times), 2)} ms, best ${fmt(Math.min(...times), 2)} ms; ` +
    `IndexedDB writes over all ${times.length} polls: ${result.writes304}\n` +
    `goal: a 304 writes nothing to the database and takes < 1 ms after the response: ${met ? 'met' : 'NOT met'}\n`,
);
