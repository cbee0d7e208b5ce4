// Issue 17 item 2 end to end: feeds served by a real local server, polled into a fake-indexeddb
// store, the reminders run on what was stored (planAndRecord, as the background runs it).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFeedXml } from '../../../feed/xml.ts';
import { memoryChecks, pollFeed, type PollDeps } from '../../../utils/feed/poll.ts';
import type { Notice } from '../../../utils/notice/schema.ts';
import { planReminders, type ReminderPlan } from '../../../utils/reminders/schedule.ts';
import { openSunsetDb } from '../../../utils/store/db.ts';
import { planAndRecord } from '../../../utils/store/ledger.ts';
import { getFeedState, getNotice, listNotices, seedBundled } from '../../../utils/store/notices.ts';
import { DEFAULT_SETTINGS } from '../../../utils/store/settings.ts';
import { isActiveSunset } from '../../../utils/store/view.ts';
import { etagResponder, startTestServer, type TestServer } from './test-server.ts';

const HOUR = 3_600_000;
let server: TestServer;
let deps: PollDeps;
let clock: number;
let version = 0;

/** Serves these notices as the feed (a new ETag each time, so every poll reads them). */
function serve(...notices: Notice[]): void {
  server.respond(etagResponder(buildFeedXml(notices), `"v${++version}"`));
}

function jiaju(kind: 'retire' | 'cancel', updated: string, at: string): Notice {
  return {
    guid: '1688-dm-2023-02-10-solutions',
    title: '1688数字营销平台将下线家居百货和行业优选解决方案',
    link: 'https://rule.1688.com/',
    pubDate: '2023-02-10T17:48:00+08:00',
    sunset: {
      kind,
      updated,
      products: [
        {
          name: '家居百货解决方案',
          aliases: [],
          milestones: [{ action: 'no-new-orders', at }],
          replacements: [{ name: '消费品解决方案' }],
        },
      ],
    },
  };
}

/** One reminders run over the stored notices, recorded in the ledger as the background does. */
function remindersRun(): Promise<ReminderPlan> {
  return planAndRecord(deps.db, (notices, ledger) =>
    planReminders({ notices, ledger, now: clock, settings: DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' }),
  );
}

const watched = async () =>
  (await listNotices(deps.db))
    .filter((s) => isActiveSunset(s.notice))
    .flatMap((s) => s.notice.sunset!.products.map((p) => p.name));

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  clock = Date.parse('2023-02-11T09:00:00+08:00');
  deps = {
    db: await openSunsetDb(new IDBFactory()),
    checks: memoryChecks(),
    fetch,
    now: () => clock,
    random: () => 0.5,
  };
});

describe('a fetched copy older than the bundled one', () => {
  it('leaves the bundled notice in place: 家居百货解决方案 stays flagged', async () => {
    await seedBundled(
      deps.db,
      [jiaju('retire', '2023-02-10T17:48:00+08:00', '2023-02-17T00:00:00+08:00')],
      clock,
    );
    serve(jiaju('cancel', '2023-01-01T00:00:00+08:00', '2023-02-17T00:00:00+08:00'));
    expect((await pollFeed(deps, server.url, 60)).status).toBe('stored');
    const stored = await getNotice(deps.db, '1688-dm-2023-02-10-solutions');
    expect(stored).toMatchObject({ origin: 'bundled', notice: { sunset: { kind: 'retire' } } });
    expect(await watched()).toEqual(['家居百货解决方案']);
  });
});

describe('an `updated` mistyped as 2099', () => {
  it('is ordered as the fetch time with a warning, so the publisher’s correction replaces it', async () => {
    serve(jiaju('retire', '2099-02-10T17:48:00+08:00', '2023-02-20T00:00:00+08:00'));
    await pollFeed(deps, server.url, 60);
    expect((await getFeedState(deps.db, server.url)).lastWarnings).toContainEqual(
      expect.stringMatching(/sunset\.updated 2099-02-10T17:48:00\+08:00 is more than a day after this fetch/),
    );
    clock += 2 * HOUR;
    // The correction: the right year, and the cutoff moved to the 17th.
    serve(jiaju('retire', '2023-02-11T10:30:00+08:00', '2023-02-17T00:00:00+08:00'));
    await pollFeed(deps, server.url, 60);
    const stored = await getNotice(deps.db, '1688-dm-2023-02-10-solutions');
    expect(stored?.notice.sunset?.updated).toBe('2023-02-11T10:30:00+08:00');
    expect(stored?.notice.sunset?.products[0]?.milestones[0]?.at).toBe('2023-02-17T00:00:00+08:00');
    expect((await getFeedState(deps.db, server.url)).lastWarnings).toEqual([]);
    // The reminders follow the corrected cutoff: the 7-day rung of the 17th is due now.
    const plan = await remindersRun();
    expect(plan.notifications.flatMap((n) => n.items)).toEqual([
      expect.objectContaining({
        type: 'reminder',
        lead: 7 * 24 * 60,
        atMs: Date.parse('2023-02-17T00:00:00+08:00'),
      }),
    ]);
  });
});

describe('a cancel for a notice never announced', () => {
  it('is stored and listed, and no reminders run ever announces it', async () => {
    serve(jiaju('cancel', '2023-02-11T08:00:00+08:00', '2023-02-17T00:00:00+08:00'));
    await pollFeed(deps, server.url, 60);
    expect((await listNotices(deps.db)).map((s) => [s.guid, s.notice.sunset?.kind])).toEqual([
      ['1688-dm-2023-02-10-solutions', 'cancel'],
    ]);
    for (let run = 0; run < 3; run++) {
      expect((await remindersRun()).notifications).toEqual([]);
      clock += HOUR;
      await pollFeed(deps, server.url, 60);
    }
  });

  it('while a cancel of a notice the merchant was reminded of is announced once', async () => {
    serve(jiaju('retire', '2023-02-10T17:48:00+08:00', '2023-02-17T00:00:00+08:00'));
    await pollFeed(deps, server.url, 60);
    expect((await remindersRun()).notifications).toHaveLength(1);
    clock += HOUR;
    serve(jiaju('cancel', '2023-02-11T10:00:00+08:00', '2023-02-17T00:00:00+08:00'));
    await pollFeed(deps, server.url, 60);
    const ids = (await remindersRun()).notifications.map((n) => n.id);
    expect(ids).toEqual(['sunset:1688-dm-2023-02-10-solutions:cancelled']);
    expect((await remindersRun()).notifications).toEqual([]);
  });
});
