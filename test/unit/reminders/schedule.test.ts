import { describe, expect, it } from 'vitest';
import {
  guidOfNotification,
  MAX_REMINDER_ALARMS,
  planReminders,
  snoozeRecords,
  SNOOZED_LEAD,
} from '../../../utils/reminders/schedule.ts';
import { bj, DAY, defaults, HOUR, MIN, notice, Sim } from './helpers.ts';

const CUTOFF = bj('2023-02-17T00:00:00');

describe('the ladder', () => {
  // One milestone, seen early; the clock then walks to each moment. Each row: when, what shows.
  const walk: [string, number, string[]][] = [
    ['first seen, 10 days ahead', CUTOFF - 10 * DAY, []],
    ['just before 7 days', CUTOFF - 7 * DAY - MIN, []],
    ['7 days before', CUTOFF - 7 * DAY, ['reminder:10080']],
    ['again at the same moment', CUTOFF - 7 * DAY, []],
    ['1 day before', CUTOFF - DAY, ['reminder:1440']],
    ['2 hours before', CUTOFF - 2 * HOUR, ['reminder:120']],
    ['the cutoff itself', CUTOFF, ['reminder:0']],
    ['later that day', CUTOFF + 5 * HOUR, []],
  ];
  it('fires each rung once, at its time', () => {
    const sim = new Sim();
    const notices = [notice('n1', CUTOFF)];
    for (const [label, now, expected] of walk) {
      expect(Sim.shown(sim.run(now, notices)), label).toEqual(expected);
    }
  });

  it('schedules the next rung as an alarm and nothing after the last', () => {
    const sim = new Sim();
    const notices = [notice('n1', CUTOFF)];
    expect(sim.run(CUTOFF - 10 * DAY, notices).alarms.map((a) => a.when)).toEqual([
      CUTOFF - 7 * DAY,
      CUTOFF - DAY,
      CUTOFF - 2 * HOUR,
      CUTOFF,
    ]);
    expect(sim.run(CUTOFF - 2 * HOUR, notices).alarms.map((a) => a.when)).toEqual([CUTOFF]);
    expect(sim.run(CUTOFF, notices).alarms).toEqual([]);
    expect(sim.run(CUTOFF, notices).alarms.every((a) => a.name.startsWith('rem:'))).toBe(true);
  });

  it('uses the lead times from the settings', () => {
    const sim = new Sim({ ...defaults, leadMinutes: [3 * 24 * 60, 30] });
    const notices = [notice('n1', CUTOFF)];
    expect(sim.run(CUTOFF - 10 * DAY, notices).alarms.map((a) => a.when)).toEqual([
      CUTOFF - 3 * DAY,
      CUTOFF - 30 * MIN,
    ]);
  });

  it('names notifications sunset:<guid>: and recovers the guid, even one holding colons', () => {
    const sim = new Sim();
    const plan = sim.run(CUTOFF - HOUR, [notice('urn:sunset:abc', CUTOFF)]);
    const id = plan.notifications[0]!.id;
    expect(id.startsWith('sunset:urn:sunset:abc:')).toBe(true);
    expect(guidOfNotification(id)).toBe('urn:sunset:abc');
    expect(guidOfNotification('other:1')).toBeNull();
  });

  it('gives notices without a date, plain notices and muted notices no reminders', () => {
    const sim = new Sim();
    const plain = notice('plain', CUTOFF);
    delete plain.notice.sunset;
    const plan = sim.run(CUTOFF - HOUR, [
      notice('undated', null),
      plain,
      notice('muted', CUTOFF, { muted: true }),
    ]);
    expect(plan.notifications).toEqual([]);
    expect(plan.alarms.map((a) => a.when)).toEqual([]);
  });

  it('does not replay a muted notice’s passed rungs when it is unmuted', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 3 * HOUR, [notice('n1', CUTOFF, { muted: true })]);
    expect(Sim.shown(sim.run(CUTOFF - 3 * HOUR + MIN, [notice('n1', CUTOFF)]))).toEqual([]);
    expect(Sim.shown(sim.run(CUTOFF - 2 * HOUR, [notice('n1', CUTOFF)]))).toEqual(['reminder:120']);
  });
});

describe('catch-up after a closed or sleeping browser', () => {
  const cases: [string, number, string[]][] = [
    ['closed through 7 d and 1 d: only the 1 d rung', CUTOFF - 20 * HOUR, ['reminder:1440']],
    ['closed through 7 d, 1 d and 2 h', CUTOFF - HOUR, ['reminder:120']],
    ['opened 3 hours after the cutoff', CUTOFF + 3 * HOUR, ['reminder:0']],
    ['opened 23 hours after the cutoff', CUTOFF + 23 * HOUR, ['reminder:0']],
    ['opened 25 hours after the cutoff: nothing', CUTOFF + 25 * HOUR, []],
    ['opened 30 days after: nothing', CUTOFF + 30 * DAY, []],
  ];
  it.each(cases)('%s', (_label, now, expected) => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF)]);
    expect(Sim.shown(sim.run(now, [notice('n1', CUTOFF)]))).toEqual(expected);
    // …and the missed rungs never come back.
    expect(Sim.shown(sim.run(now + MIN, [notice('n1', CUTOFF)]))).toEqual([]);
  });

  it('a notice first seen less than a day before its cutoff gets exactly one reminder', () => {
    const sim = new Sim();
    expect(Sim.shown(sim.run(CUTOFF - 5 * HOUR, [notice('n1', CUTOFF)]))).toEqual(['reminder:1440']);
    expect(Sim.shown(sim.run(CUTOFF - 5 * HOUR, [notice('n1', CUTOFF)]))).toEqual([]);
  });

  it('a lead time added after its moment passed does not fire behind a more urgent one', () => {
    const sim = new Sim();
    sim.run(CUTOFF - DAY, [notice('n1', CUTOFF)]);
    sim.settings = { ...defaults, leadMinutes: [...defaults.leadMinutes, 3 * 24 * 60] };
    expect(Sim.shown(sim.run(CUTOFF - DAY + HOUR, [notice('n1', CUTOFF)]))).toEqual([]);
  });
});

describe('more than 3 at once', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => notice(`n${i}`, CUTOFF, { product: `产品${i}` }));
  it.each([
    [3, ['reminder:120', 'reminder:120', 'reminder:120']],
    [4, ['summary:4']],
    [12, ['summary:12']],
  ] as const)('%i due → %j', (n, expected) => {
    const sim = new Sim();
    const plan = sim.run(CUTOFF - HOUR, many(n));
    expect(Sim.shown(plan)).toEqual(expected);
    if (n > 3) expect(plan.notifications[0]!.id.startsWith('sunset:summary:')).toBe(true);
    expect(Sim.shown(sim.run(CUTOFF - HOUR, many(n)))).toEqual([]);
  });
});

describe('moved milestones', () => {
  const LATER = CUTOFF + 30 * DAY;
  const EARLIER = CUTOFF - 5 * DAY;
  const cases: [string, number, boolean][] = [
    ['postponed with previous', LATER, true],
    ['postponed without previous', LATER, false],
    ['brought forward with previous', EARLIER, true],
  ];
  it.each(cases)('%s: one move notice, old date silent, new ladder runs', (_label, moved, withPrevious) => {
    const sim = new Sim();
    const now = CUTOFF - 8 * DAY;
    sim.run(now, [notice('n1', CUTOFF)]);
    const updated = [notice('n1', moved, withPrevious ? { previous: CUTOFF } : {})];
    const plan = sim.run(now + HOUR, updated);
    expect(Sim.shown(plan)).toEqual(['moved']);
    const item = plan.notifications[0]!.items[0]!;
    expect(item.type === 'moved' && [item.fromMs, item.atMs]).toEqual([CUTOFF, moved]);
    expect(Sim.shown(sim.run(now + 2 * HOUR, updated))).toEqual([]);
    // The old date's rungs never fire.
    for (const t of [CUTOFF - DAY, CUTOFF - 2 * HOUR, CUTOFF]) {
      if (t < moved - 7 * DAY) expect(Sim.shown(sim.run(t, updated)), `old rung ${t}`).toEqual([]);
    }
    expect(Sim.shown(sim.run(moved - DAY, updated))).toEqual(['reminder:1440']);
  });

  it('a move into the next hours is one notification, not a move plus a reminder', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF)]);
    const soon = CUTOFF - 10 * DAY + 5 * HOUR;
    expect(Sim.shown(sim.run(CUTOFF - 10 * DAY + HOUR, [notice('n1', soon)]))).toEqual(['moved']);
    expect(Sim.shown(sim.run(CUTOFF - 10 * DAY + 2 * HOUR, [notice('n1', soon)]))).toEqual([]);
    expect(Sim.shown(sim.run(soon - 2 * HOUR, [notice('n1', soon)]))).toEqual(['reminder:120']);
  });

  it('a notice first seen with `previous` is not announced as moved', () => {
    const sim = new Sim();
    expect(Sim.shown(sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF, { previous: CUTOFF - DAY })]))).toEqual(
      [],
    );
  });

  it('drops alarms for the old date', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF)]);
    const plan = sim.run(CUTOFF - 10 * DAY, [notice('n1', LATER)]);
    expect(plan.alarms.map((a) => a.when)).toEqual([LATER - 7 * DAY, LATER - DAY, LATER - 2 * HOUR, LATER]);
  });
});

describe('cancellation', () => {
  it('tells a user with pending reminders once, then stays silent', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF)]);
    const cancelled = [notice('n1', CUTOFF, { kind: 'cancel' })];
    const plan = sim.run(CUTOFF - 9 * DAY, cancelled);
    expect(Sim.shown(plan)).toEqual(['cancelled']);
    expect(plan.alarms).toEqual([]);
    for (const t of [CUTOFF - 9 * DAY, CUTOFF - 7 * DAY, CUTOFF - DAY, CUTOFF]) {
      expect(Sim.shown(sim.run(t, cancelled))).toEqual([]);
    }
  });

  it('says nothing about a notice that was cancelled before the user ever saw it', () => {
    const sim = new Sim();
    expect(Sim.shown(sim.run(CUTOFF - 2 * DAY, [notice('n1', CUTOFF, { kind: 'cancel' })]))).toEqual([]);
  });

  it('tells the user even when the cancellation no longer lists the product', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF)]);
    const cancelled = notice('n1', CUTOFF, { kind: 'cancel' });
    cancelled.notice.sunset!.products = [];
    expect(Sim.shown(sim.run(CUTOFF - 9 * DAY, [cancelled]))).toEqual(['cancelled']);
  });

  it('says nothing when the notice was muted', () => {
    const sim = new Sim();
    sim.run(CUTOFF - 10 * DAY, [notice('n1', CUTOFF)]);
    expect(
      Sim.shown(sim.run(CUTOFF - 9 * DAY, [notice('n1', CUTOFF, { kind: 'cancel', muted: true })])),
    ).toEqual([]);
  });
});

describe('snooze (明天提醒)', () => {
  it('brings the milestone back 24 hours later and holds earlier rungs until then', () => {
    const sim = new Sim({ ...defaults, leadMinutes: [10080, 6 * 24 * 60 + 12 * 60, 1440, 0] });
    const notices = [notice('n1', CUTOFF)];
    const at7d = CUTOFF - 7 * DAY;
    const plan = sim.run(at7d, notices);
    const snoozes = snoozeRecords([...sim.ledger.values()], plan.notifications[0]!.id, at7d + MIN);
    expect(snoozes.map((s) => s.until)).toEqual([at7d + MIN + DAY]);
    for (const s of snoozes) sim.ledger.set(s.id, s);
    // The 6.5-day rung falls inside the snooze: held, not shown.
    expect(Sim.shown(sim.run(CUTOFF - 6.5 * DAY, notices))).toEqual([]);
    const back = sim.run(at7d + MIN + DAY, notices);
    // The held 6.5-day rung comes with the snooze: one notification, the most urgent rung.
    expect(Sim.shown(back)).toEqual(['reminder:9360']);
    expect(Sim.shown(sim.run(at7d + DAY + 2 * MIN, notices))).toEqual([]);
    expect(Sim.shown(sim.run(CUTOFF - DAY, notices))).toEqual(['reminder:1440']);
  });

  it('a snooze with nothing else due shows the milestone again', () => {
    const sim = new Sim();
    const notices = [notice('n1', CUTOFF)];
    const plan = sim.run(CUTOFF - 7 * DAY, notices);
    for (const s of snoozeRecords([...sim.ledger.values()], plan.notifications[0]!.id, CUTOFF - 7 * DAY)) {
      sim.ledger.set(s.id, s);
    }
    expect(Sim.shown(sim.run(CUTOFF - 6 * DAY, notices))).toEqual([`reminder:${SNOOZED_LEAD}`]);
    expect(Sim.shown(sim.run(CUTOFF - 6 * DAY + MIN, notices))).toEqual([]);
  });

  it('never holds back the cutoff itself', () => {
    const sim = new Sim();
    const notices = [notice('n1', CUTOFF)];
    const plan = sim.run(CUTOFF - DAY, notices);
    for (const s of snoozeRecords([...sim.ledger.values()], plan.notifications[0]!.id, CUTOFF - DAY + HOUR)) {
      sim.ledger.set(s.id, s);
    }
    expect(Sim.shown(sim.run(CUTOFF - 2 * HOUR, notices))).toEqual([]);
    expect(Sim.shown(sim.run(CUTOFF, notices))).toEqual(['reminder:0']);
    expect(Sim.shown(sim.run(CUTOFF + HOUR + MIN, notices))).toEqual([]);
  });
});

describe('quiet hours and Beijing time seen from another zone', () => {
  const quiet = { enabled: true, start: '22:00', end: '08:00' };
  // Each row: browser zone, cutoff, quiet hours on?, the wake-up times expected.
  const cases: [string, string, number, boolean, number[]][] = [
    [
      'Beijing browser, quiet off: exact instants',
      'Asia/Shanghai',
      bj('2023-03-01T09:00:00'),
      false,
      [
        bj('2023-02-22T09:00:00'),
        bj('2023-02-28T09:00:00'),
        bj('2023-03-01T07:00:00'),
        bj('2023-03-01T09:00:00'),
      ],
    ],
    [
      'New York browser, quiet off: the same instants (dates are instants, not wall clocks)',
      'America/New_York',
      bj('2023-03-01T09:00:00'),
      false,
      [
        bj('2023-02-22T09:00:00'),
        bj('2023-02-28T09:00:00'),
        bj('2023-03-01T07:00:00'),
        bj('2023-03-01T09:00:00'),
      ],
    ],
    [
      'Beijing browser: the 2 h rung at 07:00 waits for 08:00',
      'Asia/Shanghai',
      bj('2023-03-01T09:00:00'),
      true,
      [
        bj('2023-02-22T09:00:00'),
        bj('2023-02-28T09:00:00'),
        bj('2023-03-01T08:00:00'),
        bj('2023-03-01T09:00:00'),
      ],
    ],
    [
      // 09:00 Beijing is 20:00 the day before in New York (EST): 07:00 BJ = 18:00 NY, not quiet.
      'New York browser: quiet hours are New York nights, so nothing waits',
      'America/New_York',
      bj('2023-03-01T09:00:00'),
      true,
      [
        bj('2023-02-22T09:00:00'),
        bj('2023-02-28T09:00:00'),
        bj('2023-03-01T07:00:00'),
        bj('2023-03-01T09:00:00'),
      ],
    ],
    [
      // 14:00 BJ = 01:00 NY: 7 d, 1 d and the cutoff fall in NY's night. 7 d and 1 d wait for
      // 08:00 NY (21:00 BJ); the 2 h rung (12:00 BJ = 23:00 NY) would wait past the cutoff,
      // which falls inside the same quiet window, so it and the cutoff come on time.
      'New York browser, cutoff in the New York night',
      'America/New_York',
      bj('2023-03-01T14:00:00'),
      true,
      [
        bj('2023-02-22T21:00:00'),
        bj('2023-02-28T21:00:00'),
        bj('2023-03-01T12:00:00'),
        bj('2023-03-01T14:00:00'),
      ],
    ],
    [
      'Beijing browser, midnight cutoff inside quiet hours: 2 h and cutoff on time, 1 d waits',
      'Asia/Shanghai',
      bj('2023-03-01T00:00:00'),
      true,
      [
        bj('2023-02-22T08:00:00'),
        bj('2023-02-28T08:00:00'),
        bj('2023-02-28T22:00:00'),
        bj('2023-03-01T00:00:00'),
      ],
    ],
  ];
  it.each(cases)('%s', (_label, zone, cutoff, on, expected) => {
    const sim = new Sim({ ...defaults, quietHours: { ...quiet, enabled: on } }, zone);
    expect(sim.run(cutoff - 10 * DAY, [notice('n1', cutoff)]).alarms.map((a) => a.when)).toEqual(expected);
  });

  it('a reminder held by quiet hours fires when they end, once', () => {
    const sim = new Sim({ ...defaults, quietHours: quiet }, 'Asia/Shanghai');
    const cutoff = bj('2023-03-01T09:00:00');
    const notices = [notice('n1', cutoff)];
    sim.run(cutoff - 10 * DAY, notices);
    sim.run(cutoff - DAY, notices);
    expect(Sim.shown(sim.run(bj('2023-03-01T07:00:00'), notices))).toEqual([]);
    expect(Sim.shown(sim.run(bj('2023-03-01T08:00:00'), notices))).toEqual(['reminder:120']);
    expect(Sim.shown(sim.run(bj('2023-03-01T08:30:00'), notices))).toEqual([]);
  });

  it('an empty window (start = end) is no quiet at all', () => {
    const sim = new Sim({ ...defaults, quietHours: { enabled: true, start: '08:00', end: '08:00' } });
    const cutoff = bj('2023-03-01T09:00:00');
    expect(sim.run(cutoff - 10 * DAY, [notice('n1', cutoff)]).alarms.map((a) => a.when)).toContain(
      cutoff - 2 * HOUR,
    );
  });
});

describe('the 500-alarm limit', () => {
  const notices = Array.from({ length: 700 }, (_, i) => notice(`n${i}`, CUTOFF + i * HOUR));
  it('schedules only the nearest wake-ups, leaving room for the poll alarms', () => {
    const plan = planReminders({ notices, settings: defaults, now: CUTOFF - 10 * DAY, ledger: [] });
    expect(plan.alarms).toHaveLength(MAX_REMINDER_ALARMS);
    expect(MAX_REMINDER_ALARMS).toBeLessThanOrEqual(498);
    const whens = plan.alarms.map((a) => a.when);
    expect(whens).toEqual([...whens].sort((a, b) => a - b));
    expect(whens[0]).toBe(CUTOFF - 7 * DAY);
    expect(new Set(plan.alarms.map((a) => a.name)).size).toBe(whens.length);
  });
  it('rolls forward: later runs schedule later rungs', () => {
    const first = planReminders({ notices, settings: defaults, now: CUTOFF - 10 * DAY, ledger: [] });
    const last = first.alarms.at(-1)!.when;
    const later = planReminders({ notices, settings: defaults, now: last, ledger: [] });
    expect(later.alarms[0]!.when).toBeGreaterThan(last);
    expect(later.alarms.at(-1)!.when).toBe(CUTOFF + 699 * HOUR);
  });
  it('honours a smaller budget', () => {
    const plan = planReminders({
      notices,
      settings: defaults,
      now: CUTOFF - 10 * DAY,
      ledger: [],
      maxAlarms: 3,
    });
    expect(plan.alarms).toHaveLength(3);
  });
});

describe('ledger housekeeping', () => {
  it('keeps nothing about notices long past (the bundled 2023 notices)', () => {
    const sim = new Sim();
    for (const t of [CUTOFF + 60 * DAY, CUTOFF + 61 * DAY]) {
      const plan = sim.run(t, [notice('old', CUTOFF)]);
      expect([plan.notifications, plan.writes, plan.deletes, plan.alarms]).toEqual([[], [], [], []]);
    }
  });

  it('drops records about milestones long past', () => {
    const sim = new Sim();
    sim.run(CUTOFF - HOUR, [notice('n1', CUTOFF)]);
    expect(sim.ledger.size).toBeGreaterThan(0);
    sim.run(CUTOFF + 31 * DAY, [notice('n1', CUTOFF)]);
    expect([...sim.ledger.values()].filter((r) => r.type !== 'known' || r.atMs !== CUTOFF)).toEqual([]);
  });
});
