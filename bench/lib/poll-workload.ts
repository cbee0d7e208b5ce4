// The polling benchmark's workload (issue 8's 304 goal, the one issue 17 kept): a feed answering
// 304 Not Modified must cost no IndexedDB write and under a millisecond after the response. No
// Node API, so it runs both in the extension's service worker (bundled by bench/poll.ts and
// evaluated there) and in Node on fake-indexeddb. IndexedDB writes are counted by wrapping the
// object-store prototype.
import { memoryChecks, pollFeed } from '../../utils/feed/poll.ts';
import { sessionChecks } from '../../utils/store/poll-checks.ts';
import { openSunsetDb } from '../../utils/store/db.ts';

export interface PollBenchInput {
  text: string;
  reps: number;
  /** fake-indexeddb in Node; the worker's own `indexedDB` when omitted. */
  factory?: IDBFactory;
  /** The IDBObjectStore class whose prototype is wrapped to count writes. */
  objectStore?: { prototype: IDBObjectStore };
}

export interface PollBenchResult {
  /** Notices in the feed the 200 delivered before the 304s. */
  items: number;
  bytes: number;
  /** Milliseconds from the moment fetch resolved with the 304 to the end of the poll, per repetition. */
  notModifiedAfterResponse: number[];
  /** IndexedDB put/add/delete/clear calls over all the 304 polls. */
  writes304: number;
}

const URL_ = 'https://bench.invalid/feed.xml';
const ETAG = '"bench-v1"';

export async function runPollBench(input: PollBenchInput): Promise<PollBenchResult> {
  const db = await openSunsetDb(input.factory);
  const proto = (
    input.objectStore ??
    (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore
  ).prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  let writes = 0;
  let afterResponseAt = 0;
  const body = new TextEncoder().encode(input.text);
  const respond = (status: 200 | 304) => async (): Promise<Response> => {
    const response =
      status === 200
        ? new Response(body, {
            headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag: ETAG },
          })
        : new Response(null, { status: 304, headers: { etag: ETAG } });
    afterResponseAt = performance.now();
    return response;
  };
  // The 304's schedule goes to the extension's own store over chrome.storage.session in the
  // worker (so the 304's time includes that write), to a Map in Node.
  const inWorker = (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage !== undefined;
  const checks = inWorker ? sessionChecks : memoryChecks();
  const deps = (status: 200 | 304) => ({
    db,
    checks,
    fetch: respond(status) as typeof fetch,
    now: () => Date.now(),
    random: () => 0.5,
  });
  const result: PollBenchResult = {
    items: 0,
    bytes: body.length,
    notModifiedAfterResponse: [],
    writes304: 0,
  };
  try {
    const stored = await pollFeed(deps(200), URL_, 60);
    if (stored.status !== 'stored') throw new Error(`the first poll ended ${stored.status}`);
    result.items = stored.state.lastCount ?? 0;
    for (const method of ['put', 'add', 'delete', 'clear']) {
      const original = proto[method]!;
      originals.set(method, original);
      proto[method] = function (this: unknown, ...args: unknown[]) {
        writes++;
        return original.apply(this, args);
      };
    }
    // One untimed round first: JIT warm-up.
    for (let rep = -1; rep < input.reps; rep++) {
      const outcome = await pollFeed(deps(304), URL_, 60);
      const end = performance.now();
      if (outcome.status !== 'not-modified') throw new Error(`304 poll ended ${outcome.status}`);
      if (rep >= 0) result.notModifiedAfterResponse.push(end - afterResponseAt);
    }
    result.writes304 = writes;
  } finally {
    for (const [method, original] of originals) proto[method] = original;
    db.close();
  }
  return result;
}
