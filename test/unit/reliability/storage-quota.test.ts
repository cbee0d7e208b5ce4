// Issue 7 item 3: storage quota errors are reported, not swallowed. A QuotaExceededError is
// injected into the real store path (fake-indexeddb underneath); the poll must
// leave the earlier notices as they were, record the error as the feed's last error, and the
// popup must say so. (A quota failure at commit cannot be staged through fake-indexeddb; the
// feed-state case fails the transaction's last write, after every notice was put.)
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { pollFeed, type PollDeps } from '../../../utils/feed/poll.ts';
import type { SunsetDatabase } from '../../../utils/store/db.ts';
import { getFeedState, listNotices, NOTICE_STORE } from '../../../utils/store/notices.ts';
import { etagResponder, type TestServer } from '../poll/test-server.ts';
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

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

type Mode = 'notices' | 'feeds';

/** Forwards everything to `target` except the overridden properties (methods stay bound). */
function override<T extends object>(target: T, overrides: Record<string | symbol, () => unknown>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop in overrides) return overrides[prop]!();
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

/**
 * Makes the next read-write transaction over the notices fail with a quota error: at the first
 * notice bucket's put, or at the feed state's put, after every notice bucket of the poll was written.
 */
function injectQuota(db: SunsetDatabase, mode: Mode): void {
  const original = db.transaction.bind(db);
  let armed = true;
  (db as { transaction: unknown }).transaction = (...args: Parameters<typeof original>) => {
    const tx = original(...args);
    const names: unknown[] = typeof args[0] === 'string' ? [args[0]] : Array.from(args[0]);
    if (!armed || args[1] !== 'readwrite' || !names.includes(NOTICE_STORE)) return tx;
    armed = false;
    // idb wraps our proxy once more; the inner wrapper's own `done` must not go unobserved.
    tx.done.catch(() => undefined);
    const failing = mode === 'notices' ? NOTICE_STORE : 'feeds';
    return override(tx, {
      objectStore: () => (name: typeof NOTICE_STORE | 'feeds') => {
        const store = tx.objectStore(name);
        return name === failing ? override(store, { put: () => () => Promise.reject(quota()) }) : store;
      },
    });
  };
}

let server: TestServer;
const clock = { now: NOW };
let deps: PollDeps;
usePollHarness(clock, { server: (s) => (server = s), deps: (d) => (deps = d) });

describe('storage quota', () => {
  test.for(['notices', 'feeds'] as const)(
    'QuotaExceededError writing %s → recorded as the feed error and shown; nothing half-written',
    async (mode, ctx) => {
      const before = await seed(deps, server, clock);
      // A feed with one more notice than before, so there is something to write.
      server.respond(etagResponder(fixture('bad/bom.xml'), '"next"'));
      injectQuota(deps.db, mode);
      const outcome = await pollFeed(deps, server.url, 60);
      expect(outcome.status).toBe('error');
      expect(sortByGuid(await listNotices(deps.db))).toEqual(before);
      const state = await getFeedState(deps.db, server.url);
      expect(state.lastError).toMatchObject({ code: 'storage', at: clock.now });
      expect(state.lastError?.message).toMatch(/QuotaExceededError: The quota has been exceeded/);
      // The old validators stay: the next poll fetches the whole body again rather than 304.
      expect(state.etag).toBe('"good"');
      expect(state.failures).toBe(1);
      const shown = renderStatus(state, clock.now);
      expect(shown.text).toMatch(/浏览器存储已满或不可用，新公告未能保存/);
      expect(shown.titles).toContain('QuotaExceededError');
      record(
        ctx,
        'lifecycle',
        `storage quota exceeded (${mode === 'notices' ? 'at the first notice bucket' : 'at the feed state, after the notice buckets were written'})`,
        'reported as the feed error, shown; notices as before',
        `${short(reasonOf(state))} · popup: ${short(shown.text, 80)}`,
      );
    },
  );

  test('a quota error that also blocks recording it propagates instead of vanishing', async (ctx) => {
    await seed(deps, server, clock);
    server.respond(etagResponder(fixture('bad/bom.xml'), '"next"'));
    const db = deps.db as { transaction: unknown };
    db.transaction = () => {
      throw quota();
    };
    await expect(pollFeed(deps, server.url, 60)).rejects.toThrow(/quota/);
    record(
      ctx,
      'lifecycle',
      'storage unusable even for the error record',
      'the error propagates (not swallowed)',
      'pollFeed rejects with QuotaExceededError',
    );
  });
});
