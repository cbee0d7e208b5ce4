// Issue 17 item 2: which copy of a notice wins, as one table (utils/store/precedence.ts).
import { describe, expect, it } from 'vitest';
import type { Notice } from '../../../utils/notice/schema.ts';
import type { Origin } from '../../../utils/store/db.ts';
import {
  decide,
  futureUpdatedWarnings,
  orderingTime,
  type Copy,
  type Decision,
} from '../../../utils/store/precedence.ts';

const T = Date.parse('2026-11-20T12:00:00+08:00');
const HOUR = 3_600_000;

function copy(origin: Origin, updated: string, hash: string, receivedAt = T): Copy {
  const notice: Notice = {
    guid: 'g',
    title: '家居百货解决方案下线',
    pubDate: '2023-02-10T17:48:00+08:00',
    sunset: { kind: 'retire', updated, products: [] },
  };
  return { notice, hash, origin, receivedAt };
}

const FEB10 = '2023-02-10T17:48:00+08:00';
const JAN01 = '2023-01-01T00:00:00+08:00';
const MAR01 = '2023-03-01T00:00:00+08:00';
const Y2099 = '2099-11-20T10:00:00+08:00';

const table: [string, Copy | undefined, Copy, Decision][] = [
  ['nothing stored', undefined, copy('feed', FEB10, 'a'), 'insert'],
  [
    'same content from a feed confirms a bundled copy',
    copy('bundled', FEB10, 'a'),
    copy('feed', FEB10, 'a'),
    'confirm',
  ],
  ['same content again from the feed', copy('feed', FEB10, 'a'), copy('feed', FEB10, 'a'), 'keep'],
  ['same content bundled again', copy('feed', FEB10, 'a'), copy('bundled', FEB10, 'a'), 'keep'],
  ['fetched, newer than the bundled copy', copy('bundled', FEB10, 'a'), copy('feed', MAR01, 'b'), 'replace'],
  ['fetched, as new as the bundled copy', copy('bundled', FEB10, 'a'), copy('feed', FEB10, 'b'), 'replace'],
  // The case: a cancel dated 2023-01-01 for the notice bundled as of 2023-02-10.
  ['fetched, older than the bundled copy', copy('bundled', FEB10, 'a'), copy('feed', JAN01, 'b'), 'keep'],
  [
    'fetched, older than the fetched copy (another feed)',
    copy('feed', FEB10, 'a'),
    copy('feed', JAN01, 'b'),
    'keep',
  ],
  ['fetched, newer than the fetched copy', copy('feed', FEB10, 'a'), copy('feed', MAR01, 'b'), 'replace'],
  ['bundled, older than the fetched copy', copy('feed', MAR01, 'a'), copy('bundled', FEB10, 'b'), 'keep'],
  ['bundled, as new as the fetched copy', copy('feed', FEB10, 'a'), copy('bundled', FEB10, 'b'), 'keep'],
  ['bundled, newer than the fetched copy', copy('feed', FEB10, 'a'), copy('bundled', MAR01, 'b'), 'replace'],
  ['bundled, a newer build', copy('bundled', FEB10, 'a'), copy('bundled', MAR01, 'b'), 'replace'],
  [
    'a local capture is never overwritten by a feed',
    copy('local', FEB10, 'a'),
    copy('feed', MAR01, 'b'),
    'keep',
  ],
  ['nor by the bundled notices', copy('local', FEB10, 'a'), copy('bundled', MAR01, 'b'), 'keep'],
  // 2099 typed for 2026: ordered as the moment it arrived, so the correction an hour later wins…
  [
    'a correction after a far-future typo',
    copy('feed', Y2099, 'a', T),
    copy('feed', '2026-11-20T12:30:00+08:00', 'b', T + HOUR),
    'replace',
  ],
  // …and so does anything fetched later than it, even the typo's own original date.
  [
    'an older copy fetched after the typo',
    copy('feed', Y2099, 'a', T),
    copy('feed', JAN01, 'b', T + HOUR),
    'keep',
  ],
  [
    'a far-future typo arriving over a good copy',
    copy('feed', '2026-11-20T10:00:00+08:00', 'a', T),
    copy('feed', Y2099, 'b', T + HOUR),
    'replace',
  ],
];

describe('decide', () => {
  it.each(table)('%s → %s', (_name, stored, incoming, want) => {
    expect(decide(stored, incoming)).toBe(want);
  });
});

describe('orderingTime', () => {
  it('is `updated`, or the time the copy arrived when that is more than a day later', () => {
    expect(orderingTime(copy('feed', FEB10, 'a').notice, T)).toEqual({
      at: Date.parse(FEB10),
      clamped: false,
    });
    const soon = '2026-11-21T11:00:00+08:00'; // 23 h ahead: clock skew, not a typo
    expect(orderingTime(copy('feed', soon, 'a').notice, T)).toEqual({ at: Date.parse(soon), clamped: false });
    expect(orderingTime(copy('feed', Y2099, 'a').notice, T)).toEqual({ at: T, clamped: true });
  });

  it('orders a plain notice by its pubDate', () => {
    const plain: Notice = { guid: 'p', title: 'p', pubDate: FEB10 };
    expect(orderingTime(plain, T).at).toBe(Date.parse(FEB10));
  });

  it('warns of each far-future `updated`', () => {
    expect(
      futureUpdatedWarnings([copy('feed', Y2099, 'a').notice, copy('feed', FEB10, 'b').notice], T),
    ).toEqual([
      expect.stringMatching(
        /^item g: sunset\.updated 2099-11-20T10:00:00\+08:00 is more than a day after this fetch/,
      ),
    ]);
  });
});
