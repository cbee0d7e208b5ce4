import { describe, expect, it } from 'vitest';
import { afterQuietHours, localMinuteOfDay, quietWindowEnd } from '../../../utils/reminders/quiet-hours.ts';

const q = (start: string, end: string, enabled = true) => ({ enabled, start, end });
const utc = (text: string) => Date.parse(`${text}Z`);

describe('quietWindowEnd', () => {
  const cases: [string, number, ReturnType<typeof q>, string | undefined, number | null][] = [
    ['off', utc('2023-03-01T15:00'), q('22:00', '08:00', false), 'Asia/Shanghai', null],
    [
      'Beijing 23:00 → 08:00 next day',
      utc('2023-03-01T15:00'),
      q('22:00', '08:00'),
      'Asia/Shanghai',
      utc('2023-03-02T00:00'),
    ],
    [
      'Beijing 07:59 → 08:00',
      utc('2023-03-01T23:59'),
      q('22:00', '08:00'),
      'Asia/Shanghai',
      utc('2023-03-02T00:00'),
    ],
    ['Beijing 08:00 is not quiet', utc('2023-03-02T00:00'), q('22:00', '08:00'), 'Asia/Shanghai', null],
    [
      'same instant in Berlin (16:00) is not quiet',
      utc('2023-03-01T15:00'),
      q('22:00', '08:00'),
      'Europe/Berlin',
      null,
    ],
    [
      'a window within one day (13:00–14:00)',
      utc('2023-03-01T05:30'),
      q('13:00', '14:00'),
      'Asia/Shanghai',
      utc('2023-03-01T06:00'),
    ],
    // New York springs forward at 02:00 on 12 March 2023: 01:00 EST to 08:00 EDT is 6 hours.
    [
      'across a daylight-saving jump',
      utc('2023-03-12T06:00'),
      q('22:00', '08:00'),
      'America/New_York',
      utc('2023-03-12T12:00'),
    ],
    ['empty window', utc('2023-03-01T15:00'), q('08:00', '08:00'), 'Asia/Shanghai', null],
  ];
  it.each(cases)('%s', (_label, ms, quiet, zone, expected) => {
    expect(quietWindowEnd(ms, quiet, zone)).toBe(expected);
  });

  it('reads the wall clock of the given zone', () => {
    expect(localMinuteOfDay(utc('2023-03-01T15:00'), 'Asia/Shanghai')).toBe(23 * 60);
    expect(localMinuteOfDay(utc('2023-03-01T15:00'), 'America/Los_Angeles')).toBe(7 * 60);
  });
});

describe('afterQuietHours', () => {
  it('holds a reminder until the window ends, unless the cutoff falls inside it', () => {
    const quiet = q('22:00', '08:00');
    const at23 = utc('2023-03-01T15:00'); // 23:00 Beijing
    expect(afterQuietHours(at23, utc('2023-03-02T04:00'), quiet, 'Asia/Shanghai')).toBe(
      utc('2023-03-02T00:00'),
    );
    expect(afterQuietHours(at23, utc('2023-03-01T17:00'), quiet, 'Asia/Shanghai')).toBe(at23);
  });
});
