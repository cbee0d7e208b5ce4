// Issue 7 item 2: network faults, each against a real local server (or a real refused port and
// a real failed DNS lookup), through pollFeed over a store that already holds notices. Short
// timeouts are injected (PollDeps.timeoutMs) instead of waiting the real 20 s.
import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, test } from 'vitest';
import { MAX_REDIRECTS } from '../../../utils/feed/fetch-feed.ts';
import { pollFeed, readFeedState, type PollDeps } from '../../../utils/feed/poll.ts';
import { ERROR_BASE_MS } from '../../../utils/feed/poll-plan.ts';
import { getFeedState, getNotice, listNotices } from '../../../utils/store/notices.ts';
import { etagResponder, type Responder, type TestServer } from '../poll/test-server.ts';
import {
  NOW,
  fixture,
  reasonOf,
  record,
  renderStatus,
  seed,
  short,
  sortByGuid,
  usePollHarness,
} from './support.tsx';

const TIMEOUT_MS = 400;

let server: TestServer;
const clock = { now: NOW };
let deps: PollDeps;
usePollHarness(clock, { server: (s) => (server = s), deps: (d) => (deps = d) }, TIMEOUT_MS);

/** A port nothing listens on: bound once to learn a free number, then closed. */
async function refusedUrl(): Promise<string> {
  const s: Server = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return `http://127.0.0.1:${port}/feed.xml`;
}

const status =
  (code: number, headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    res.writeHead(code, headers);
    res.end();
  };

interface FaultCase {
  name: string;
  expected: string;
  url?: () => Promise<string>;
  respond?: Responder;
  code: string;
  reason: RegExp;
  /** The next poll, as a delay from now (Retry-After), when the case pins it. */
  nextPollIn?: number;
  popup: RegExp;
}

const httpDate = (ms: number) => new Date(ms).toUTCString();
let dripTimer: ReturnType<typeof setInterval> | undefined;

const FAULTS: FaultCase[] = [
  {
    name: 'connection refused',
    expected: 'network error recorded, backoff ×2 from 5 min',
    url: refusedUrl,
    code: 'network',
    reason: /network error: fetch failed \(ECONNREFUSED\)/,
    nextPollIn: ERROR_BASE_MS,
    popup: /无法连接公告来源/,
  },
  {
    name: 'DNS failure (.invalid host)',
    expected: 'network error recorded',
    url: async () => 'http://sunset-watch-feed.invalid/feed.xml',
    code: 'network',
    // ENOTFOUND where a resolver answers; EAI_AGAIN where none is reachable (no internet).
    reason: /network error: fetch failed \((ENOTFOUND|EAI_AGAIN)\)/,
    popup: /无法连接公告来源/,
  },
  {
    name: 'server never answers',
    expected: `timeout after the injected ${TIMEOUT_MS} ms`,
    respond: () => undefined,
    code: 'timeout',
    reason: /no answer within 0.4 s/,
    popup: /没有响应/,
  },
  {
    name: 'slow drip (headers, then a byte every 100 ms)',
    expected: 'the one deadline covers the body too: timeout',
    respond: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      dripTimer = setInterval(() => (res.destroyed ? clearInterval(dripTimer) : res.write(' ')), 100);
    },
    code: 'timeout',
    reason: /no answer within 0.4 s/,
    popup: /没有响应/,
  },
  {
    name: 'HTTP 500',
    expected: 'http error recorded, backoff',
    respond: status(500),
    code: 'http',
    reason: /HTTP 500 Internal Server Error/,
    nextPollIn: ERROR_BASE_MS,
    popup: /公告来源返回错误（500 Internal Server Error）/,
  },
  {
    name: 'HTTP 503, Retry-After in seconds',
    expected: 'next poll no sooner than Retry-After (3600 s)',
    respond: status(503, { 'retry-after': '3600' }),
    code: 'http',
    reason: /HTTP 503 Service Unavailable/,
    nextPollIn: 3_600_000,
    popup: /公告来源返回错误（503 Service Unavailable）.*将于/,
  },
  {
    name: 'HTTP 503, Retry-After as an HTTP-date',
    expected: 'next poll at that date (now + 2 h)',
    respond: (req, res) => status(503, { 'retry-after': httpDate(clock.now + 7_200_000) })(req, res),
    code: 'http',
    reason: /HTTP 503/,
    nextPollIn: 7_200_000,
    popup: /公告来源返回错误（503 Service Unavailable）/,
  },
  {
    name: 'HTTP 429, Retry-After in seconds',
    expected: 'next poll no sooner than Retry-After (1800 s)',
    respond: status(429, { 'retry-after': '1800' }),
    code: 'http',
    reason: /HTTP 429 Too Many Requests/,
    nextPollIn: 1_800_000,
    popup: /公告来源返回错误（429 Too Many Requests）/,
  },
  {
    name: 'HTTP 429, Retry-After as an HTTP-date',
    expected: 'next poll at that date (now + 3 h)',
    respond: (req, res) => status(429, { 'retry-after': httpDate(clock.now + 10_800_000) })(req, res),
    code: 'http',
    reason: /HTTP 429/,
    nextPollIn: 10_800_000,
    popup: /公告来源返回错误（429 Too Many Requests）/,
  },
  {
    name: 'redirect loop',
    expected: `cut after ${MAX_REDIRECTS} hops with a clear reason`,
    respond: (req, res) => {
      res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' });
      res.end();
    },
    code: 'redirect',
    reason: /more than 5 redirects \(a redirect loop\?\)/,
    popup: /公告来源重定向过多/,
  },
];

describe('network faults: the error recorded and shown, notices intact, polling continues', () => {
  test.for(FAULTS)('$name → $expected', async (c, ctx) => {
    const before = await seed(deps, server, clock);
    const url = c.url ? await c.url() : server.url;
    if (c.respond) server.respond(c.respond);
    try {
      const outcome = await pollFeed(deps, url, 60);
      expect(outcome.status).toBe('error');
    } finally {
      clearInterval(dripTimer);
    }
    expect(sortByGuid(await listNotices(deps.db))).toEqual(before);
    const state = await getFeedState(deps.db, url);
    expect(state.lastError?.code).toBe(c.code);
    expect(state.lastError?.at).toBe(clock.now);
    expect(state.failures).toBe(1);
    const reason = reasonOf(state);
    expect(reason).toMatch(c.reason);
    // Never given up on: a next poll is always planned.
    expect(state.nextPollAt).toBeGreaterThan(clock.now);
    if (c.nextPollIn !== undefined) expect(state.nextPollAt).toBe(clock.now + c.nextPollIn);
    const shown = renderStatus(state, clock.now);
    expect(shown.status).toBe('error');
    expect(shown.text).toMatch(c.popup);
    expect(shown.titles).toContain(state.lastError!.message);
    const next = state.nextPollAt! - clock.now;
    record(
      ctx,
      'network',
      c.name,
      c.expected,
      `${short(reason)}; next poll in ${Math.round(next / 60_000)} min · popup: ${short(shown.text, 80)}`,
    );
  });
});

describe('redirects and 304', () => {
  it('301 to a new URL → followed; the new URL kept for later polls', async (ctx) => {
    const before = await seed(deps, server, clock);
    const seen: string[] = [];
    server.respond((req, res) => {
      seen.push(req.url);
      if (req.url === '/feed.xml') {
        res.writeHead(301, { location: '/moved.xml' });
        res.end();
      } else etagResponder(fixture('bad/bom.xml'), '"moved"')(req, res);
    });
    expect((await pollFeed(deps, server.url, 60)).status).toBe('stored');
    let state = await getFeedState(deps.db, server.url);
    const moved = server.url.replace('/feed.xml', '/moved.xml');
    expect(state.movedTo).toBe(moved);
    expect(await getNotice(deps.db, 'bad-bom')).toBeDefined();
    clock.now += 3_600_000;
    seen.length = 0;
    expect((await pollFeed(deps, server.url, 60)).status).toBe('not-modified');
    // The second poll went straight to the new URL, conditionally.
    expect(seen).toEqual(['/moved.xml']);
    // The 304 wrote nothing; the merged state (what the popup shows) has its time.
    expect((await getFeedState(deps.db, server.url)).movedTo).toBe(moved);
    state = await readFeedState(deps, server.url);
    expect(state.lastSuccessAt).toBe(clock.now);
    const after = sortByGuid(await listNotices(deps.db)).filter((n) => n.guid !== 'bad-bom');
    expect(after).toEqual(before);
    record(
      ctx,
      'network',
      '301 to a new URL',
      'followed; the new URL kept',
      `movedTo ${new URL(moved).pathname}; next poll asked ${seen.join(',')}`,
    );
  });

  it('302 to another URL → followed; the original URL kept', async (ctx) => {
    await seed(deps, server, clock);
    const seen: string[] = [];
    server.respond((req, res) => {
      seen.push(req.url);
      if (req.url === '/feed.xml') {
        res.writeHead(302, { location: '/elsewhere.xml' });
        res.end();
      } else etagResponder(fixture('bad/bom.xml'), '"tmp"')(req, res);
    });
    expect((await pollFeed(deps, server.url, 60)).status).toBe('stored');
    expect((await getFeedState(deps.db, server.url)).movedTo).toBeUndefined();
    seen.length = 0;
    clock.now += 3_600_000;
    await pollFeed(deps, server.url, 60);
    expect(seen).toEqual(['/feed.xml', '/elsewhere.xml']);
    record(
      ctx,
      'network',
      '302 to another URL',
      'followed; the original URL kept',
      `no movedTo; next poll asked ${seen.join(',')}`,
    );
  });

  it('304 without an ETag (Last-Modified only) → not modified, nothing rewritten', async (ctx) => {
    const lastModified = 'Fri, 10 Feb 2023 10:00:00 GMT';
    const seen: (string | undefined)[] = [];
    server.respond((req, res) => {
      seen.push(req.headers['if-modified-since']);
      if (req.headers['if-modified-since'] === lastModified) {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': lastModified });
        res.end(fixture('basic.xml'));
      }
    });
    expect((await pollFeed(deps, server.url, 60)).status).toBe('stored');
    const before = sortByGuid(await listNotices(deps.db));
    clock.now += 3_600_000;
    const outcome = await pollFeed(deps, server.url, 60);
    expect(outcome.status).toBe('not-modified');
    expect(seen).toEqual([undefined, lastModified]);
    expect(sortByGuid(await listNotices(deps.db))).toEqual(before);
    const state = await readFeedState(deps, server.url);
    expect(state.etag).toBeUndefined();
    expect(state.lastModified).toBe(lastModified);
    expect(state.lastSuccessAt).toBe(clock.now);
    expect(renderStatus(state, clock.now).text).toMatch(/上次更新：刚刚/);
    record(
      ctx,
      'network',
      '304 without an ETag (Last-Modified only)',
      'not modified; notices untouched',
      `not-modified via If-Modified-Since; lastSuccessAt updated`,
    );
  });

  it('304 to a request that carried no validator → an error, not a silent success', async (ctx) => {
    const before = await seed(deps, server, clock);
    const fresh = server.url.replace('/feed.xml', '/other.xml');
    server.respond(status(304));
    const outcome = await pollFeed(deps, fresh, 60);
    expect(outcome.status).toBe('error');
    const state = await getFeedState(deps.db, fresh);
    expect(state.lastSuccessAt).toBeUndefined();
    expect(state.lastError).toMatchObject({ code: 'http', at: clock.now });
    expect(sortByGuid(await listNotices(deps.db))).toEqual(before);
    const shown = renderStatus(state, clock.now);
    expect(shown.text).toMatch(/公告来源返回错误（304 Not Modified to a request without/);
    record(
      ctx,
      'network',
      '304 without ETag to an unconditional request',
      'recorded as an error',
      short(reasonOf(state)),
    );
  });
});
