// The polling benchmark's workload, with no Node API so that it runs both in the extension's
// service worker (bundled by bench/poll.ts and evaluated there) and in Node on fake-indexeddb.
// It times the core's real code: rss-parser alone, `parseFeed` (parse + map + validate), and
// `pollFeed` (fetch handed a ready Response → parse → validate → hash → one-transaction store),
// and a 304 poll, counting IndexedDB writes by wrapping the object-store prototype.
import Parser from 'rss-parser';
import { parseFeed } from '../../utils/feed/parse.ts';
import { memoryChecks, pollFeed, storageChecks, type StorageAreaLike } from '../../utils/feed/poll.ts';
import { openSunsetDb, type SunsetDatabase } from '../../utils/store/db.ts';
import { hashNotices, NOTICE_STORE, storeNotices } from '../../utils/store/notices.ts';
import { validateNotice } from '../../utils/notice/schema.ts';

export interface PollBenchInput {
  text: string;
  reps: number;
  /** fake-indexeddb in Node; the worker's own `indexedDB` when omitted. */
  factory?: IDBFactory;
  /** The IDBObjectStore class whose prototype is wrapped to count writes. */
  objectStore?: { prototype: IDBObjectStore };
}

export interface WriteCount {
  /** put/add/delete/clear calls per object store. */
  byStore: Record<string, number>;
  total: number;
}

export interface PollBenchResult {
  items: number;
  bytes: number;
  /** Milliseconds per repetition. */
  rssParserOnly: number[];
  parseFeed: number[];
  /** validateNotice over the 500 parsed notices again: the schema's share of parseFeed. */
  validateOnly: number[];
  /** pollFeed of a 200 into an empty database: every item is new. */
  pollStoreNew: number[];
  /** Where the store time goes: content hashes of 500 notices, then storeNotices' transaction. */
  hashOnly: number[];
  storeOnly: number[];
  /** storeNotices again with the same 500 hashed notices: read and compare, no notice written. */
  storeSameOnly: number[];
  /** pollFeed of a 200 with the same content already stored: read and compare, no notice put. */
  pollStoreSame: number[];
  /** pollFeed of a 304: from the moment fetch resolves to the end of the poll. */
  notModifiedAfterResponse: number[];
  writesNew: WriteCount;
  writesSame: WriteCount;
  writes304: WriteCount;
}

const URL_ = 'https://bench.invalid/feed.xml';
const ETAG = '"bench-v1"';

function counter(objectStore: { prototype: IDBObjectStore }) {
  const counts: Record<string, number> = {};
  const proto = objectStore.prototype as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const method of ['put', 'add', 'delete', 'clear']) {
    const original = proto[method] as (this: IDBObjectStore, ...args: unknown[]) => unknown;
    originals.set(method, original);
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      counts[this.name] = (counts[this.name] ?? 0) + 1;
      return original.apply(this, args);
    };
  }
  return {
    take(): WriteCount {
      const byStore = { ...counts };
      for (const key of Object.keys(counts)) delete counts[key];
      return { byStore, total: Object.values(byStore).reduce((a, b) => a + b, 0) };
    },
    restore() {
      for (const [method, original] of originals) proto[method] = original;
    },
  };
}

async function clearAll(db: SunsetDatabase): Promise<void> {
  const tx = db.transaction([NOTICE_STORE, 'feeds'], 'readwrite');
  await Promise.all([tx.objectStore(NOTICE_STORE).clear(), tx.objectStore('feeds').clear(), tx.done]);
}

export async function runPollBench(input: PollBenchInput): Promise<PollBenchResult> {
  const { text, reps } = input;
  const db = await openSunsetDb(input.factory);
  const count = counter(
    input.objectStore ??
      (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore,
  );
  let afterResponseAt = 0;
  // The body as the network hands it over: bytes, encoded once here and not inside the timed
  // poll (a Response made from a string would UTF-8-encode 600 KiB within the poll's time).
  const body = new TextEncoder().encode(text);
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
  // The 304's schedule goes here, not to IndexedDB: in the service worker the extension's own
  // store over chrome.storage.session (so the 304's time includes that write), in Node a Map.
  const session = (globalThis as { chrome?: { storage?: { session?: StorageAreaLike } } }).chrome?.storage
    ?.session;
  const checks = session ? storageChecks(session) : memoryChecks();
  const deps = (status: 200 | 304) => ({
    db,
    checks,
    fetch: respond(status) as typeof fetch,
    now: () => Date.now(),
    random: () => 0.5,
  });
  const result: PollBenchResult = {
    items: 0,
    bytes: new TextEncoder().encode(text).length,
    rssParserOnly: [],
    parseFeed: [],
    validateOnly: [],
    pollStoreNew: [],
    pollStoreSame: [],
    hashOnly: [],
    storeOnly: [],
    storeSameOnly: [],
    notModifiedAfterResponse: [],
    writesNew: { byStore: {}, total: 0 },
    writesSame: { byStore: {}, total: 0 },
    writes304: { byStore: {}, total: 0 },
  };
  const nothing = async (): Promise<void> => undefined;
  /**
   * Runs `step` untimed, then again timed, each after `prepare`. The steps are interleaved (one of
   * each per repetition, so machine noise spreads over all), and without the untimed run a step
   * would be charged for the garbage the step before it left (rss-parser's tree above all); this
   * way each timed run pays for garbage of its own kind only, as in a steady state of that step.
   */
  async function timed<T>(
    list: number[] | null,
    prepare: () => Promise<void>,
    step: () => Promise<T>,
  ): Promise<T> {
    await prepare();
    await step();
    await prepare();
    const t = performance.now();
    const value = await step();
    list?.push(performance.now() - t);
    return value;
  }
  const fresh = async () => {
    await clearAll(db);
    count.take();
  };
  try {
    // One untimed round first: JIT warm-up and the database's first pages.
    for (let rep = -1; rep < reps; rep++) {
      const keep = rep >= 0;
      const into = (list: number[]) => (keep ? list : null);

      // The same parser settings parseFeed uses, so the baseline is rss-parser's share of the work.
      await timed(into(result.rssParserOnly), nothing, () =>
        new Parser({
          defaultRSS: 2,
          customFields: {
            feed: ['ttl'],
            item: [
              ['guid', 'rawGuid'],
              ['description', 'rawDescription'],
              ['sunset:notice', 'sunsetNotice'],
            ],
          },
        }).parseString(text),
      );

      const parsed = await timed(into(result.parseFeed), nothing, () => parseFeed(text));
      result.items = parsed.notices.length;

      await timed(into(result.validateOnly), nothing, async () => {
        for (const notice of parsed.notices) {
          if (!validateNotice(notice).ok) throw new Error(`notice ${notice.guid} no longer validates`);
        }
      });

      const added = await timed(into(result.pollStoreNew), fresh, () => pollFeed(deps(200), URL_, 60));
      const writesNew = count.take();
      if (added.status !== 'stored' || added.summary.added.length !== parsed.notices.length) {
        throw new Error(
          `first poll stored ${JSON.stringify(added.status)}, not ${parsed.notices.length} new notices`,
        );
      }

      // The same store step by itself, split in its two parts.
      const hashed = await timed(into(result.hashOnly), nothing, () => hashNotices(parsed.notices));
      await timed(into(result.storeOnly), fresh, () =>
        storeNotices(db, hashed, { origin: 'feed', feedUrl: URL_ }, Date.now()),
      );
      const again = await timed(into(result.storeSameOnly), nothing, () =>
        storeNotices(db, hashed, { origin: 'feed', feedUrl: URL_ }, Date.now()),
      );
      if (again.added.length + again.updated.length !== 0)
        throw new Error('storing the same notices changed some');

      // The same content again (what is stored now), then the same feed answering 304.
      const same = await timed(
        into(result.pollStoreSame),
        async () => void count.take(),
        () => pollFeed(deps(200), URL_, 60),
      );
      const writesSame = count.take();
      if (same.status !== 'stored' || same.summary.added.length + same.summary.updated.length !== 0) {
        throw new Error('a second poll of the same content changed notices');
      }

      const outcome = await timed(
        null,
        async () => void count.take(),
        () => pollFeed(deps(304), URL_, 60),
      );
      const end = performance.now();
      if (keep) result.notModifiedAfterResponse.push(end - afterResponseAt);
      const writes304 = count.take();
      if (outcome.status !== 'not-modified') throw new Error(`304 poll ended ${outcome.status}`);

      result.writesNew = writesNew;
      result.writesSame = writesSame;
      result.writes304 = writes304;
    }
  } finally {
    count.restore();
    await clearAll(db);
    db.close();
  }
  return result;
}
