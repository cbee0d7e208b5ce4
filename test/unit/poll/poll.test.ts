// One poll end to end against a real local server and fake-indexeddb.
import { readFileSync } from 'node:fs';
// idb checks instanceof against the global IDB classes; each test still gets its own factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  earliestNextPoll,
  effectiveFeedState,
  memoryChecks,
  pollDue,
  pollFeed,
  readFeedState,
  replan,
  testFeed,
  type FeedCheck,
  type PollDeps,
} from '../../../utils/feed/poll.ts';
import { ERROR_BASE_MS, MINUTE } from '../../../utils/feed/poll-plan.ts';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSunsetDb } from '../../../utils/store/db.ts';
import { pollChecksItem, sessionChecks } from '../../../utils/store/poll-checks.ts';
import { getFeedState, getNotice, listNotices, markRead } from '../../../utils/store/notices.ts';
import { etagResponder, startTestServer, type TestServer } from './test-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

let server: TestServer;
let deps: PollDeps;
let clock: number;
let checks: Map<string, FeedCheck>;

/** Counts IndexedDB writes (put/add/delete/clear on any object store) while `run` runs. */
async function countWrites(run: () => Promise<unknown>): Promise<number> {
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const methods = ['put', 'add', 'delete', 'clear'] as const;
  const originals = methods.map((m) => proto[m]!);
  let writes = 0;
  methods.forEach((m, i) => {
    proto[m] = function (this: unknown, ...args: unknown[]) {
      writes++;
      return originals[i]!.apply(this, args);
    };
  });
  try {
    await run();
  } finally {
    methods.forEach((m, i) => (proto[m] = originals[i]!));
  }
  return writes;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  clock = Date.parse('2023-02-11T00:00:00Z');
  checks = new Map();
  deps = {
    db: await openSunsetDb(new IDBFactory()),
    checks: memoryChecks(checks),
    fetch,
    now: () => clock,
    random: () => 0.5,
  };
});

describe('pollFeed', () => {
  it('stores valid items, records skipped ones with reasons, and plans the next poll from <ttl>', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    const outcome = await pollFeed(deps, server.url, 60);
    expect(outcome.status).toBe('stored');
    const stored = await listNotices(deps.db);
    expect(stored.map((s) => s.guid).sort()).toEqual(['fixture-plain', 'fixture-retire']);
    expect(stored.every((s) => s.origin === 'feed' && s.feedUrl === server.url && !s.read)).toBe(true);
    const state = await getFeedState(deps.db, server.url);
    expect(state.etag).toBe('"v1"');
    expect(state.lastSuccessAt).toBe(clock);
    expect(state.lastCount).toBe(2);
    expect(state.lastSkipped.map((s) => s.guid).sort()).toEqual(['fixture-bad-kind', 'fixture-bad-no-date']);
    expect(state.lastSkipped.find((s) => s.guid === 'fixture-bad-kind')?.reason).toMatch(/kind/);
    // <ttl>90</ttl> is a floor above the 60-minute interval.
    expect(state.nextPollAt).toBe(clock + 90 * MINUTE);
  });

  it('re-polls conditionally; a 304 writes nothing to the database but still moves the schedule', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    const before = await listNotices(deps.db);
    const stateBefore = await getFeedState(deps.db, server.url);
    const polledAt = clock;
    clock += 3600_000;
    server.requests.length = 0;
    let outcome: Awaited<ReturnType<typeof pollFeed>> | undefined;
    expect(await countWrites(async () => (outcome = await pollFeed(deps, server.url, 60)))).toBe(0);
    expect(outcome?.status).toBe('not-modified');
    expect(server.requests[0]?.['if-none-match']).toBe('"v1"');
    expect(await listNotices(deps.db)).toEqual(before);
    expect(await getFeedState(deps.db, server.url)).toEqual(stateBefore);
    expect(stateBefore.lastSuccessAt).toBe(polledAt);
    // The merged state (what the popup and the scheduler read) has the 304's time and plan.
    const next = clock + 90 * MINUTE; // <ttl>90</ttl>
    expect(checks.get(server.url)).toEqual({ checkedAt: clock, nextPollAt: next });
    expect(outcome?.state).toMatchObject({ lastSuccessAt: clock, nextPollAt: next, failures: 0 });
    expect(await readFeedState(deps, server.url)).toMatchObject({ lastSuccessAt: clock, nextPollAt: next });
    expect(await earliestNextPoll(deps, [server.url], clock)).toBe(next);
    // Not polled again before its time (the stored nextPollAt, long past, does not count) …
    server.requests.length = 0;
    clock += 60 * MINUTE;
    expect(await pollDue(deps, [server.url], 60, false)).toEqual([]);
    expect(server.requests).toHaveLength(0);
    // … and polled once it is due.
    clock = next;
    expect(await pollDue(deps, [server.url], 60, false)).toHaveLength(1);
  });

  it('a 304 after failures resets them: that is written', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    server.respond((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    clock += MINUTE;
    await pollFeed(deps, server.url, 60);
    expect((await getFeedState(deps.db, server.url)).failures).toBe(1);
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    clock += 10 * MINUTE;
    const writes = await countWrites(async () => {
      expect((await pollFeed(deps, server.url, 60)).status).toBe('not-modified');
    });
    expect(writes).toBe(1);
    const state = await getFeedState(deps.db, server.url);
    expect(state).toMatchObject({ failures: 0, lastSuccessAt: clock, nextPollAt: clock + 90 * MINUTE });
    expect(state.lastError?.code).toBe('http');
    expect(checks.size).toBe(0);
  });

  it('an update keeps read state and marks what changed', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    await markRead(deps.db, ['fixture-retire']);
    const first = (await getNotice(deps.db, 'fixture-retire'))!;
    server.respond(etagResponder(fixture('basic-updated.xml'), '"v2"'));
    clock += 3600_000;
    const outcome = await pollFeed(deps, server.url, 60);
    expect(outcome.status === 'stored' && outcome.summary.updated).toEqual(['fixture-retire']);
    const updated = (await getNotice(deps.db, 'fixture-retire'))!;
    expect(updated.read).toBe(true);
    expect(updated.hash).not.toBe(first.hash);
    expect(updated.changes).toEqual({ dates: true, replacements: true });
    expect(updated.firstSeenAt).toBe(first.firstSeenAt);
    expect(updated.updatedAt).toBe(clock);
    // Unchanged items are not rewritten.
    expect((await getNotice(deps.db, 'fixture-plain'))!.updatedAt).toBe(clock - 3600_000);
  });

  it('a failed poll keeps every stored notice, records the error and backs off ×2', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    server.respond((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    await pollFeed(deps, server.url, 60);
    let state = await getFeedState(deps.db, server.url);
    expect(state.failures).toBe(1);
    expect(state.lastError).toMatchObject({
      at: clock,
      code: 'http',
      message: 'HTTP 500 Internal Server Error',
    });
    expect(state.nextPollAt).toBe(clock + ERROR_BASE_MS);
    await pollFeed(deps, server.url, 60);
    state = await getFeedState(deps.db, server.url);
    expect(state.nextPollAt).toBe(clock + 2 * ERROR_BASE_MS);
    expect(state.etag).toBe('"v1"');
    expect((await listNotices(deps.db)).length).toBe(2);
  });

  it('a document that is not RSS keeps stored notices and does not save its validators', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    server.respond(etagResponder('<html><body>maintenance</body></html>', '"html"'));
    const outcome = await pollFeed(deps, server.url, 60);
    expect(outcome.status).toBe('error');
    const state = await getFeedState(deps.db, server.url);
    expect(state.lastError?.code).toBe('parse');
    expect(state.lastError?.message).toMatch(/not an RSS feed/);
    expect(state.etag).toBe('"v1"');
    expect((await listNotices(deps.db)).length).toBe(2);
  });

  it('a success after failures resets the backoff but keeps the last error for display', async () => {
    server.respond((_req, res) => {
      res.writeHead(502);
      res.end();
    });
    await pollFeed(deps, server.url, 60);
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    clock += 60_000;
    await pollFeed(deps, server.url, 60);
    const state = await getFeedState(deps.db, server.url);
    expect(state.failures).toBe(0);
    expect(state.lastError?.code).toBe('http');
    expect(state.lastSuccessAt).toBe(clock);
  });
});

describe('pollDue', () => {
  it('polls only feeds that are due unless forced', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    server.requests.length = 0;
    clock += 10 * MINUTE;
    expect(await pollDue(deps, [server.url], 60, false)).toEqual([]);
    expect(server.requests).toHaveLength(0);
    expect(await pollDue(deps, [server.url], 60, true)).toHaveLength(1);
    clock += 2 * 3600_000;
    expect(await pollDue(deps, [server.url], 60, false)).toHaveLength(1);
  });
});

describe('testFeed', () => {
  it('counts valid notices without storing anything', async () => {
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    expect(await testFeed(server.url, fetch, clock)).toEqual({
      ok: true,
      count: 2,
      skipped: 2,
      title: 'Sunset Watch fixture',
    });
    expect(await listNotices(deps.db)).toEqual([]);
  });

  it('explains a page that is not a feed', async () => {
    server.respond((_req, res) => res.end('<!doctype html><html></html>'));
    const result = await testFeed(server.url, fetch, clock);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/not an RSS feed/);
  });
});

describe('replan', () => {
  it('brings a healthy feed forward to the new, shorter interval; leaves a feed in backoff alone', async () => {
    // A feed without <ttl>: only the interval counts.
    server.respond(
      etagResponder(fixture('basic.xml').toString('utf8').replace('<ttl>90</ttl>', ''), '"nottl"'),
    );
    await pollFeed(deps, server.url, 240);
    expect((await getFeedState(deps.db, server.url)).nextPollAt).toBe(clock + 240 * MINUTE);
    await replan(deps, [server.url], 30, clock + MINUTE);
    expect((await getFeedState(deps.db, server.url)).nextPollAt).toBe(clock + 30 * MINUTE);
    // Already past the new interval: due now.
    await replan(deps, [server.url], 15, clock + 20 * MINUTE);
    expect((await getFeedState(deps.db, server.url)).nextPollAt).toBe(clock + 20 * MINUTE);

    server.respond((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    await pollFeed(deps, server.url, 15);
    const inBackoff = (await getFeedState(deps.db, server.url)).nextPollAt;
    await replan(deps, [server.url], 1440, clock);
    expect((await getFeedState(deps.db, server.url)).nextPollAt).toBe(inBackoff);
  });

  it('plans from the last 304 when that is the latest success', async () => {
    server.respond(
      etagResponder(fixture('basic.xml').toString('utf8').replace('<ttl>90</ttl>', ''), '"nottl"'),
    );
    await pollFeed(deps, server.url, 240);
    clock += 240 * MINUTE;
    expect((await pollFeed(deps, server.url, 240)).status).toBe('not-modified');
    const checkedAt = clock;
    await replan(deps, [server.url], 30, clock + MINUTE);
    const state = await readFeedState(deps, server.url);
    expect(state).toMatchObject({ lastSuccessAt: checkedAt, nextPollAt: checkedAt + 30 * MINUTE });
    expect(await earliestNextPoll(deps, [server.url], clock)).toBe(checkedAt + 30 * MINUTE);
  });
});

describe('sessionChecks (a WXT storage item in storage.session)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one check per feed and reads back only valid ones', async () => {
    await sessionChecks.set('https://a.example/feed.xml', { checkedAt: 1, nextPollAt: 2 });
    await sessionChecks.set('https://b.example/feed.xml', { checkedAt: 3, nextPollAt: 4 });
    expect(await sessionChecks.get('https://a.example/feed.xml')).toEqual({ checkedAt: 1, nextPollAt: 2 });
    expect(await sessionChecks.get('https://b.example/feed.xml')).toEqual({ checkedAt: 3, nextPollAt: 4 });
    expect(await sessionChecks.get('https://c.example/feed.xml')).toBeUndefined();
    await pollChecksItem.setValue({ 'https://a.example/feed.xml': { checkedAt: 'soon' } });
    expect(await sessionChecks.get('https://a.example/feed.xml')).toBeUndefined();
  });

  it('an unreadable store counts as no check; an unwritable one makes the 304 write the database', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(() =>
      Promise.reject(new Error('no session storage')),
    );
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(() =>
      Promise.reject(new Error('no session storage')),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    deps = { ...deps, checks: sessionChecks };
    expect(await deps.checks.get(server.url)).toBeUndefined();
    server.respond(etagResponder(fixture('basic.xml'), '"v1"'));
    await pollFeed(deps, server.url, 60);
    clock += 3600_000;
    const writes = await countWrites(async () => {
      expect((await pollFeed(deps, server.url, 60)).status).toBe('not-modified');
    });
    expect(writes).toBe(1);
    expect(await readFeedState(deps, server.url)).toMatchObject({
      lastSuccessAt: clock,
      nextPollAt: clock + 90 * MINUTE,
    });
    expect(warn.mock.calls.map((c) => String(c[0]))).toContain(
      'sunset-watch: could not keep the 304 check outside the database',
    );
    vi.restoreAllMocks();
  });
});

describe('effectiveFeedState', () => {
  const base = { url: 'u', failures: 0, lastSkipped: [], lastWarnings: [] };
  it.each([
    ['no check: the stored state', { ...base, lastSuccessAt: 10, nextPollAt: 20 }, undefined, 10, 20],
    [
      'a newer 304: its time and plan',
      { ...base, lastSuccessAt: 10, nextPollAt: 20 },
      { checkedAt: 15, nextPollAt: 40 },
      15,
      40,
    ],
    [
      'an older 304 than the last 200: the 200 stands',
      { ...base, lastSuccessAt: 30, nextPollAt: 50 },
      { checkedAt: 15, nextPollAt: 40 },
      30,
      50,
    ],
    [
      'an error after the 304: the success is the 304, the plan the backoff',
      { ...base, lastSuccessAt: 10, failures: 1, lastError: { at: 25, message: 'x' }, nextPollAt: 26 },
      { checkedAt: 15, nextPollAt: 40 },
      15,
      26,
    ],
  ] as const)('%s', (_name, state, check, lastSuccessAt, nextPollAt) => {
    expect(effectiveFeedState(state, check)).toMatchObject({ lastSuccessAt, nextPollAt });
  });
});
