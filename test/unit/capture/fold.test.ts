// The fold rule (issue 19 item 5): a feed's notice that names a local capture's product with a
// milestone on the same Beijing day wins, and the capture is folded into it — no second flag,
// guard or reminder. As a table (utils/store/precedence.ts), then end to end: feeds served by a
// real local server, polled into fake-indexeddb, the reminders run on what was stored.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildFeedXml } from '../../../feed/xml.ts';
import { memoryChecks, pollFeed, type PollDeps } from '../../../utils/feed/poll.ts';
import type { Notice, Product } from '../../../utils/notice/schema.ts';
import { planReminders } from '../../../utils/reminders/schedule.ts';
import { openSunsetDb } from '../../../utils/store/db.ts';
import { moveLedger, planFold } from '../../../utils/store/fold.ts';
import { planAndRecord, readLedger } from '../../../utils/store/ledger.ts';
import { deleteLocalNotice, saveLocalNotice } from '../../../utils/store/local.ts';
import { getNotice, listNotices, seedBundled } from '../../../utils/store/notices.ts';
import { folds, nameKey, sameRetirement } from '../../../utils/store/precedence.ts';
import { DEFAULT_SETTINGS } from '../../../utils/store/settings.ts';
import { isActiveSunset } from '../../../utils/store/view.ts';
import { storedNotice } from '../../support/stored-notice.ts';
import { etagResponder, startTestServer, type TestServer } from '../poll/test-server.ts';

const HOUR = 3_600_000;

function product(name: string, ats: (string | null)[], aliases: string[] = []): Product {
  return {
    name,
    aliases,
    milestones: ats.map((at) => ({ action: 'no-new-orders' as const, at })),
    replacements: [{ name: '消费品解决方案' }],
  };
}

function notice(guid: string, products: Product[], updated = '2026-12-01T10:00:00+08:00'): Notice {
  return {
    guid,
    title: `${products.map((p) => p.name).join('、')}下线`,
    pubDate: '2026-12-01T10:00:00+08:00',
    sunset: { kind: 'retire', updated, products },
  };
}

const DEC7 = '2026-12-07T00:00:00+08:00';

describe('sameRetirement: the same product, a milestone on the same Beijing day', () => {
  const local = product('家居百货解决方案', [DEC7]);
  it.each([
    ['same name, same instant', product('家居百货解决方案', [DEC7]), true],
    ['same day, another time', product('家居百货解决方案', ['2026-12-07T23:59:00+08:00']), true],
    ['same Beijing day written in UTC', product('家居百货解决方案', ['2026-12-06T16:00:00Z']), true],
    [
      'the day before in Beijing (UTC date the same)',
      product('家居百货解决方案', ['2026-12-06T15:59:00Z']),
      false,
    ],
    [
      'one of several milestones on that day',
      product('家居百货解决方案', ['2026-12-01T00:00:00+08:00', DEC7]),
      true,
    ],
    ['another day', product('家居百货解决方案', ['2026-12-08T00:00:00+08:00']), false],
    ['no date yet', product('家居百货解决方案', [null]), false],
    ['by an alias of theirs', product('家居百货方案', [DEC7], ['家居百货解决方案']), true],
    ['written with spaces, full-width letters or quotes', product('“家居百货 解决方案”', [DEC7]), true],
    ['another product', product('行业优选解决方案', [DEC7]), false],
  ])('%s', (_, other, expected) => {
    expect(sameRetirement(local, other)).toBe(expected);
  });

  it('nameKey folds width and case', () => {
    expect(nameKey('ＡＰＩ 网关')).toBe(nameKey('api网关'));
  });
});

describe('folds and planFold', () => {
  const local = storedNotice(
    notice('local:a', [product('家居百货解决方案', [DEC7]), product('行业优选解决方案', [DEC7])]),
    { origin: 'local', read: true },
  );
  const feed = storedNotice(notice('feed-jiaju', [product('家居百货解决方案', [DEC7])]));

  it('only into bundled or fetched notices, never into another capture', () => {
    const other = storedNotice(notice('local:b', [product('家居百货解决方案', [DEC7])]), { origin: 'local' });
    expect(folds([local, other])).toEqual([]);
    expect(
      folds([local, other, { ...feed, origin: 'bundled' }]).map((f) => [f.local, f.product, f.into]),
    ).toEqual([
      ['local:a', '家居百货解决方案', 'feed-jiaju'],
      ['local:b', '家居百货解决方案', 'feed-jiaju'],
    ]);
  });

  it('takes the folded product out of the capture and marks the feed’s notice as confirming it', () => {
    const plan = planFold([local, feed], 42);
    expect(plan.deletes).toEqual([]);
    const kept = plan.puts.find((r) => r.guid === 'local:a')!;
    expect(kept.notice.sunset!.products.map((p) => p.name)).toEqual(['行业优选解决方案']);
    expect(plan.puts.find((r) => r.guid === 'feed-jiaju')!.confirms).toEqual([
      { guid: 'local:a', title: local.notice.title, products: ['家居百货解决方案'], at: 42 },
    ]);
  });

  it('removes a capture left with no product', () => {
    const both = storedNotice(
      notice('feed-both', [product('家居百货解决方案', [DEC7]), product('行业优选解决方案', [DEC7])]),
    );
    const plan = planFold([local, both], 42);
    expect(plan.deletes).toEqual(['local:a']);
    expect(plan.puts.map((r) => r.guid)).toEqual(['feed-both']);
  });

  it('moves the capture’s ledger records to the feed’s product; one the feed has stays as it is', () => {
    const rows = [
      {
        id: 'local:a|家居百货解决方案|no-new-orders|10080',
        guid: 'local:a',
        key: 'local:a|家居百货解决方案|no-new-orders',
        type: 'sent',
      },
      {
        id: 'local:a|家居百货解决方案|no-new-orders|known',
        guid: 'local:a',
        key: 'local:a|家居百货解决方案|no-new-orders',
        type: 'known',
      },
      {
        id: 'local:a|行业优选解决方案|no-new-orders|known',
        guid: 'local:a',
        key: 'local:a|行业优选解决方案|no-new-orders',
        type: 'known',
      },
      {
        id: 'feed-jiaju|家居百货解决方案|no-new-orders|known',
        guid: 'feed-jiaju',
        key: 'feed-jiaju|家居百货解决方案|no-new-orders',
        type: 'known',
        atMs: 1,
      },
    ];
    const moved = moveLedger(rows, planFold([local, feed], 42));
    expect(moved.puts).toEqual([
      {
        id: 'feed-jiaju|家居百货解决方案|no-new-orders|10080',
        guid: 'feed-jiaju',
        key: 'feed-jiaju|家居百货解决方案|no-new-orders',
        type: 'sent',
      },
    ]);
    expect(moved.deletes).toEqual([
      'local:a|家居百货解决方案|no-new-orders|10080',
      'local:a|家居百货解决方案|no-new-orders|known',
    ]);
  });
});

describe('through a poll into fake-indexeddb', () => {
  let server: TestServer;
  let deps: PollDeps;
  let clock: number;
  let version = 0;
  const serve = (...notices: Notice[]) =>
    server.respond(etagResponder(buildFeedXml(notices), `"v${++version}"`));
  const remindersRun = () =>
    planAndRecord(deps.db, (notices, ledger) =>
      planReminders({ notices, ledger, now: clock, settings: DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' }),
    );
  /** What the page flags: one entry per product of each active notice (watched/list's rule). */
  const watched = async () =>
    (await listNotices(deps.db))
      .filter((s) => isActiveSunset(s.notice))
      .flatMap((s) => s.notice.sunset!.products.map((p) => `${s.guid}:${p.name}`));
  const capture = notice('local:1', [
    product('家居百货解决方案', [DEC7]),
    product('行业优选解决方案', [DEC7]),
  ]);

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    clock = Date.parse('2026-12-01T12:00:00+08:00');
    deps = {
      db: await openSunsetDb(new IDBFactory()),
      checks: memoryChecks(),
      fetch,
      now: () => clock,
      random: () => 0.5,
    };
  });

  it('a capture is flagged and reminded like a feed notice until the feed confirms it; then once, as the feed’s', async () => {
    expect((await saveLocalNotice(deps.db, capture, clock)).folded).toEqual([]);
    expect(await watched()).toEqual(['local:1:家居百货解决方案', 'local:1:行业优选解决方案']);
    // Reminded like any notice: the 7-day rung of the 7th is due (one notification, two products).
    const first = await remindersRun();
    expect(first.notifications.map((n) => n.id)).toEqual([expect.stringMatching(/^sunset:local:1:/)]);

    // The feed catches up: the same two products, a milestone on the same day (another hour).
    clock += 6 * HOUR;
    serve(
      notice('1688-dm-jiaju', [
        product('家居百货解决方案', ['2026-12-07T10:00:00+08:00']),
        product('行业优选解决方案', [DEC7]),
      ]),
    );
    const outcome = await pollFeed(deps, server.url, 60);
    expect(outcome.status).toBe('stored');
    expect(outcome.status === 'stored' && outcome.summary.folded?.map((f) => f.product)).toEqual([
      '家居百货解决方案',
      '行业优选解决方案',
    ]);
    // One copy of each product, the feed's; the capture is gone, the feed's notice says it confirms it.
    expect(await watched()).toEqual(['1688-dm-jiaju:家居百货解决方案', '1688-dm-jiaju:行业优选解决方案']);
    expect(await getNotice(deps.db, 'local:1')).toBeUndefined();
    expect((await getNotice(deps.db, '1688-dm-jiaju'))?.confirms).toEqual([
      expect.objectContaining({ guid: 'local:1', products: ['家居百货解决方案', '行业优选解决方案'] }),
    ]);
    // No second 7-day reminder for the same milestones: the capture's ledger went over to the
    // feed's products (the 10:00 milestone is a new time that day, announced as moved).
    const after = await remindersRun();
    const items = after.notifications.flatMap((n) => n.items);
    expect(items.filter((i) => i.type === 'reminder')).toEqual([]);
    expect(items.map((i) => (i.type === 'moved' ? `${i.product.name} moved` : i.type))).toEqual([
      '家居百货解决方案 moved',
    ]);
    expect((await readLedger(deps.db)).filter((r) => r.guid === 'local:1')).toEqual([]);
  });

  it('a feed notice on another day folds nothing: both stay', async () => {
    await saveLocalNotice(deps.db, capture, clock);
    serve(notice('1688-dm-jiaju', [product('家居百货解决方案', ['2026-12-08T00:00:00+08:00'])]));
    await pollFeed(deps, server.url, 60);
    expect(await watched()).toEqual([
      '1688-dm-jiaju:家居百货解决方案',
      'local:1:家居百货解决方案',
      'local:1:行业优选解决方案',
    ]);
  });

  it('a capture of what the build or a feed already has is folded as it is saved', async () => {
    await seedBundled(deps.db, [notice('bundled-jiaju', [product('家居百货解决方案', [DEC7])])], clock);
    const saved = await saveLocalNotice(deps.db, capture, clock);
    expect(saved.folded.map((f) => [f.product, f.into])).toEqual([['家居百货解决方案', 'bundled-jiaju']]);
    expect(saved.stored?.notice.sunset?.products.map((p) => p.name)).toEqual(['行业优选解决方案']);
    const whole = await saveLocalNotice(
      deps.db,
      notice('local:2', [product('家居百货方案', ['2026-12-07T08:00:00+08:00'], ['家居百货解决方案'])]),
      clock,
    );
    expect(whole.stored).toBeNull();
    expect(await watched()).toEqual(['bundled-jiaju:家居百货解决方案', 'local:1:行业优选解决方案']);
  });

  it('a capture is edited in place and deleted with its ledger; a feed’s notice is neither', async () => {
    await saveLocalNotice(deps.db, capture, clock);
    await remindersRun();
    clock += HOUR;
    const edited = {
      ...capture,
      title: '改过的标题',
      sunset: { ...capture.sunset!, updated: '2026-12-01T13:00:00+08:00' },
    };
    const saved = await saveLocalNotice(deps.db, edited, clock);
    expect(saved.stored).toMatchObject({ origin: 'local', read: true, notice: { title: '改过的标题' } });
    expect(saved.stored?.changes).toBeUndefined();
    expect(await deleteLocalNotice(deps.db, 'local:1')).toBe(true);
    expect(await listNotices(deps.db)).toEqual([]);
    expect(await readLedger(deps.db)).toEqual([]);

    serve(notice('1688-dm-jiaju', [product('家居百货解决方案', [DEC7])]));
    await pollFeed(deps, server.url, 60);
    await expect(deleteLocalNotice(deps.db, '1688-dm-jiaju')).rejects.toThrow(/not a local notice/);
    await expect(saveLocalNotice(deps.db, { ...capture, guid: '1688-dm-jiaju' }, clock)).rejects.toThrow(
      /not a local guid/,
    );
    // A feed item that calls itself local: is still the feed's, and never replaced by a "capture".
    serve(notice('local:1', [product('跨境专供解决方案', [DEC7])]));
    await pollFeed(deps, server.url, 60);
    await expect(saveLocalNotice(deps.db, capture, clock)).rejects.toThrow(/not a local notice/);
  });
});
