// One poll of one feed, end to end: conditional fetch → parse → validate → store, with the
// feed's state (validators, last success/error, backoff, next poll time) written alongside.
// The database, fetch, clock and randomness are passed in; no browser API is used here.
//
// A 304 that changes nothing but the clock writes nothing to IndexedDB (issue 3, issue 8): its
// time and the next poll go to `PollDeps.checks` (the background backs it with storage.session,
// utils/store/poll-checks.ts), and every reader merges the two through `effectiveFeedState`.
import * as v from 'valibot';
import type { FeedState, SunsetDatabase } from '../store/db.ts';
import {
  getFeedState,
  hashNotices,
  storeNotices,
  updateFeedState,
  type UpsertSummary,
} from '../store/notices.ts';
import { futureUpdatedWarnings } from '../store/precedence.ts';
import { fetchFeed, type Redirect } from './fetch-feed.ts';
import { parseFeed } from './parse.ts';
import { nextPollAt, type PollHints } from './poll-plan.ts';

/** The schedule of a feed that was checked and found unchanged (a 304), kept outside the database. */
export interface FeedCheck {
  checkedAt: number;
  nextPollAt: number;
}

/** Where `FeedCheck`s live: storage.session in the extension (poll-checks.ts), a Map in tests. */
export interface FeedChecks {
  get(url: string): Promise<FeedCheck | undefined>;
  set(url: string, check: FeedCheck): Promise<void>;
}

/** A `FeedChecks` kept in memory (tests, the benchmark). */
export function memoryChecks(map = new Map<string, FeedCheck>()): FeedChecks {
  return {
    get: (url) => Promise.resolve(map.get(url)),
    set: (url, check) => {
      map.set(url, check);
      return Promise.resolve();
    },
  };
}

/** What a stored FeedCheck must look like (utils/store/poll-checks.ts validates what it reads back). */
export const FeedCheckSchema = v.object({ checkedAt: v.number(), nextPollAt: v.number() });

/**
 * THE merge of a feed's stored state with its last unchanged check; every reader of the schedule
 * or the last success (pollDue, earliestNextPoll, replan, the popup's feed status) goes through
 * it. The last success is the later of the two. The check's next poll counts only while the check
 * is newer than anything the database recorded (a later 200 or error planned the next poll itself).
 */
export function effectiveFeedState(state: FeedState, check: FeedCheck | undefined): FeedState {
  if (!check) return state;
  const merged: FeedState = { ...state, lastSuccessAt: Math.max(state.lastSuccessAt ?? 0, check.checkedAt) };
  const recorded = Math.max(state.lastSuccessAt ?? -Infinity, state.lastError?.at ?? -Infinity);
  if (check.checkedAt > recorded) merged.nextPollAt = check.nextPollAt;
  return merged;
}

/** The feed's state as the schedule and the popup see it (database merged with the last check). */
export async function readFeedState(deps: Pick<PollDeps, 'db' | 'checks'>, url: string): Promise<FeedState> {
  const [state, check] = await Promise.all([getFeedState(deps.db, url), deps.checks.get(url)]);
  return effectiveFeedState(state, check);
}

export interface PollDeps {
  db: SunsetDatabase;
  /** The schedule of feeds last found unchanged (304), which is not written to the database. */
  checks: FeedChecks;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  /** How long one fetch may take (default FETCH_TIMEOUT_MS, 20 s); tests pass a short one. */
  timeoutMs?: number;
}

export type PollOutcome =
  | { url: string; status: 'stored'; summary: UpsertSummary; state: FeedState }
  | { url: string; status: 'not-modified' | 'error'; state: FeedState };

/** Reasons and warnings kept per feed are capped: a hostile feed must not bloat the database. */
const MAX_KEPT = 50;

function plan(deps: PollDeps, pollMinutes: number, failures: number, hints: PollHints, ttl?: number): number {
  return nextPollAt({
    now: deps.now(),
    pollMinutes,
    failures,
    random: deps.random,
    ...hints,
    ...(ttl !== undefined ? { ttlMinutes: ttl } : {}),
  });
}

function failed(
  deps: PollDeps,
  url: string,
  pollMinutes: number,
  code: string,
  message: string,
  hints: PollHints,
): Promise<FeedState> {
  return updateFeedState(deps.db, url, (prev) => {
    const failures = prev.failures + 1;
    return {
      ...prev,
      failures,
      lastError: { at: deps.now(), code, message },
      // The feed's <ttl> says how long good data stays fresh; after an error we have none, so
      // only the error response's own headers (Retry-After) hold the retry back.
      nextPollAt: plan(deps, pollMinutes, failures, hints),
    };
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error)
    return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

/** A permanent redirect moves the feed (the state stays keyed by the URL the user added). */
function withRedirect(state: FeedState, redirect: Redirect | undefined): FeedState {
  if (!redirect?.permanent) return state;
  return redirect.url === state.url
    ? (({ movedTo: _, ...rest }) => rest)(state)
    : { ...state, movedTo: redirect.url };
}

export async function pollFeed(deps: PollDeps, url: string, pollMinutes: number): Promise<PollOutcome> {
  const previous = await getFeedState(deps.db, url);
  const fetched = await fetchFeed({
    url: previous.movedTo ?? url,
    fetch: deps.fetch,
    now: deps.now(),
    ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
    ...(previous.etag ? { etag: previous.etag } : {}),
    ...(previous.lastModified ? { lastModified: previous.lastModified } : {}),
  });

  if (fetched.status === 'error') {
    const state = await failed(deps, url, pollMinutes, fetched.code, fetched.message, fetched.hints);
    return { url, status: 'error', state };
  }
  if (fetched.status === 'not-modified' && !previous.etag && !previous.lastModified) {
    // A 304 to a request that carried no validator has nothing to refer to: the server is
    // confused (or a proxy is), and pretending it was fine would hide that no data came.
    const message = 'HTTP 304 Not Modified to a request without If-None-Match or If-Modified-Since';
    const state = await failed(deps, url, pollMinutes, 'http', message, fetched.hints);
    return { url, status: 'error', state };
  }
  if (fetched.status === 'not-modified') {
    // 304: the stored notices are current. When only the clock moved, the new schedule goes to
    // the checks store and the database is not written; clearing failures or recording a
    // permanent redirect are real changes and are written.
    const redirected = withRedirect(previous, fetched.redirect);
    if (previous.failures === 0 && redirected.movedTo === previous.movedTo) {
      const check: FeedCheck = {
        checkedAt: deps.now(),
        nextPollAt: plan(deps, pollMinutes, 0, fetched.hints, previous.ttlMinutes),
      };
      try {
        await deps.checks.set(url, check);
        return { url, status: 'not-modified', state: effectiveFeedState(previous, check) };
      } catch (error) {
        // The session store refused: keep the schedule in the database rather than lose it.
        console.warn('sunset-watch: could not keep the 304 check outside the database', error);
      }
    }
    const state = await updateFeedState(deps.db, url, (prev) =>
      withRedirect(
        {
          ...prev,
          failures: 0,
          lastSuccessAt: deps.now(),
          nextPollAt: plan(deps, pollMinutes, 0, fetched.hints, prev.ttlMinutes),
        },
        fetched.redirect,
      ),
    );
    return { url, status: 'not-modified', state };
  }

  let parsed: Awaited<ReturnType<typeof parseFeed>>;
  try {
    parsed = await parseFeed(fetched.text);
  } catch (error) {
    // The validators are not saved, so the next poll fetches the whole body again.
    const message = error instanceof Error ? error.message : String(error);
    const state = await failed(deps, url, pollMinutes, 'parse', message, fetched.hints);
    return { url, status: 'error', state };
  }
  const hashed = await hashNotices(parsed.notices);
  const warnings = [...parsed.warnings, ...futureUpdatedWarnings(parsed.notices, deps.now())];
  let state: FeedState | undefined;
  let summary: UpsertSummary;
  try {
    summary = await storeNotices(deps.db, hashed, { origin: 'feed', feedUrl: url }, deps.now(), {
      url,
      update: (prev) => {
        const next: FeedState = withRedirect(
          {
            ...prev,
            failures: 0,
            lastSuccessAt: deps.now(),
            lastChangedAt: deps.now(),
            lastSkipped: parsed.skipped.slice(0, MAX_KEPT),
            lastWarnings: warnings.slice(0, MAX_KEPT),
            lastCount: parsed.notices.length,
            nextPollAt: plan(deps, pollMinutes, 0, fetched.hints, parsed.channel.ttl),
          },
          fetched.redirect,
        );
        if (parsed.channel.title) next.title = parsed.channel.title;
        if (parsed.channel.ttl !== undefined) next.ttlMinutes = parsed.channel.ttl;
        else delete next.ttlMinutes;
        if (fetched.etag) next.etag = fetched.etag;
        else delete next.etag;
        if (fetched.lastModified) next.lastModified = fetched.lastModified;
        else delete next.lastModified;
        state = next;
        return next;
      },
    });
  } catch (error) {
    // The transaction was aborted, so the notices are as before. A full disk (QuotaExceededError)
    // or a broken database is recorded as the feed's error so the popup can say so; were even
    // that write to fail, the error propagates rather than vanish.
    const state = await failed(deps, url, pollMinutes, 'storage', messageOf(error), fetched.hints);
    return { url, status: 'error', state };
  }
  return { url, status: 'stored', summary, state: state ?? (await getFeedState(deps.db, url)) };
}

/** Polls every feed that is due (all of them when `force`), one after another. */
export async function pollDue(
  deps: PollDeps,
  urls: string[],
  pollMinutes: number,
  force: boolean,
): Promise<PollOutcome[]> {
  const outcomes: PollOutcome[] = [];
  for (const url of urls) {
    const state = await readFeedState(deps, url);
    // A little slack so an alarm that fires a moment early still polls.
    if (!force && state.nextPollAt !== undefined && state.nextPollAt > deps.now() + 30_000) continue;
    outcomes.push(await pollFeed(deps, url, pollMinutes));
  }
  return outcomes;
}

/** The earliest next poll among the given feeds (now, for a feed never polled). */
export async function earliestNextPoll(
  deps: Pick<PollDeps, 'db' | 'checks'>,
  urls: string[],
  now: number,
): Promise<number> {
  let earliest = Infinity;
  for (const url of urls) earliest = Math.min(earliest, (await readFeedState(deps, url)).nextPollAt ?? now);
  return Number.isFinite(earliest) ? earliest : now;
}

export interface FeedTest {
  ok: boolean;
  count?: number;
  skipped?: number;
  title?: string;
  error?: string;
}

/** One unconditional fetch and parse, before a feed is saved (options page). Stores nothing. */
export async function testFeed(url: string, fetchFn: typeof fetch, now: number): Promise<FeedTest> {
  const fetched = await fetchFeed({ url, fetch: fetchFn, now });
  if (fetched.status === 'error') return { ok: false, error: fetched.message };
  if (fetched.status === 'not-modified')
    return { ok: false, error: 'HTTP 304 without a conditional request' };
  try {
    const parsed = await parseFeed(fetched.text);
    const result: FeedTest = { ok: true, count: parsed.notices.length, skipped: parsed.skipped.length };
    if (parsed.channel.title) result.title = parsed.channel.title;
    return result;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * After the user changes the interval: each healthy feed's next poll is planned again from its
 * last success, so a shorter interval takes effect now rather than after the old one ran out.
 * Feeds in backoff keep their retry time. A last success known only from a 304 check is written
 * to the database here (the user changed a setting: a real change), so the new plan wins over
 * the check's.
 */
export async function replan(
  deps: Pick<PollDeps, 'db' | 'checks'>,
  urls: string[],
  pollMinutes: number,
  now: number,
): Promise<void> {
  for (const url of urls) {
    const check = await deps.checks.get(url);
    await updateFeedState(deps.db, url, (stored) => {
      const prev = effectiveFeedState(stored, check);
      if (prev.failures > 0 || prev.lastSuccessAt === undefined) return stored;
      const next = nextPollAt({
        now: prev.lastSuccessAt,
        pollMinutes,
        failures: 0,
        random: () => 0.5,
        ...(prev.ttlMinutes !== undefined ? { ttlMinutes: prev.ttlMinutes } : {}),
      });
      return { ...stored, lastSuccessAt: prev.lastSuccessAt, nextPollAt: Math.max(next, now) };
    });
  }
}
