// Time in notices. Every instant in the feed carries an explicit offset (feed-format.md
// "Time"); 1688 notices are in Beijing time, so that is the zone we show first.

export const BEIJING_TZ = 'Asia/Shanghai';
export const BEIJING_OFFSET = '+08:00';

// YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM). The offset is mandatory: a bare local time is
// ambiguous and the format forbids it. RFC 3339 allows any number of fraction digits (Python
// writes six) and a lower-case t and z; ISO 8601's 24:00 is the end of a day (issue 17 item 1).
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([Zz]|[+-](\d{2}):(\d{2}))$/;

export type IsoProblem = 'not-a-date' | 'missing-offset' | 'impossible-date';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, Gregorian leap years. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Why `value` is not an ISO 8601 instant with an offset, or null when it is one. */
export function isoProblem(value: string): IsoProblem | null {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) {
    return /^\d{4}-\d{2}-\d{2}([Tt]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(value)
      ? 'missing-offset'
      : 'not-a-date';
  }
  const [, y, mo, d, h, mi, s, fraction, , oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // 24:00 is the next day's 00:00, and only that: 24:00:01 is no time at all.
  const endOfDay = h === '24' && mi === '00' && Number(s ?? 0) === 0 && Number(fraction ?? 0) === 0;
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    (Number(h) > 23 && !endOfDay) ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59 ||
    Number(oh ?? 0) > 14 ||
    Number(om ?? 0) > 59
  ) {
    return 'impossible-date';
  }
  return null;
}

/**
 * A valid instant (isoProblem null) in the one form the rest of the code reads: `T` and `Z` upper
 * case, a fraction cut to milliseconds (what Date holds), and 24:00 written as the next day's
 * 00:00 in the same offset. Anything else comes back as it was.
 */
export function normalizeIso(value: string): string {
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m || isoProblem(value) !== null) return value;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const offset = zone === 'z' || zone === 'Z' ? 'Z' : zone!;
  const ms = fraction !== undefined ? `.${fraction.slice(0, 3)}` : '';
  if (h !== '24') {
    return `${y}-${mo}-${d}T${h}:${mi}${s !== undefined ? `:${s}${ms}` : ''}${offset}`;
  }
  const next = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d) + 1));
  const date = next.toISOString().slice(0, 10);
  return `${date}T00:00${s !== undefined ? ':00' : ''}${offset}`;
}

export const ISO_PROBLEM_TEXT: Record<IsoProblem, string> = {
  'not-a-date': 'is not an ISO 8601 date-time',
  'missing-offset': 'has no UTC offset (write e.g. 2023-02-17T00:00:00+08:00)',
  'impossible-date': 'is not a real calendar date or time',
};

/**
 * Epoch milliseconds of an instant that passed the schema (utils/notice/schema.ts IsoInstant),
 * which normalized it at the boundary (normalizeIso: no 24:00, a fraction of milliseconds at
 * most), so Date.parse reads it as it is. Normalizing again here put the whole ISO checker in the
 * content script (0.5 kB gzip, issue 16 item 7).
 */
export function toEpoch(iso: string): number {
  return Date.parse(iso);
}

/** The instant as an ISO string in Beijing time, e.g. 2023-02-17T00:00:00+08:00. */
export function toBeijingIso(epochMs: number): string {
  const shifted = new Date(epochMs + 8 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}${BEIJING_OFFSET}`;
}

/** Calendar fields of an instant as seen in Beijing. */
export function beijingParts(epochMs: number): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  const d = new Date(epochMs + 8 * 3600_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** Formats an instant in a zone with Intl (the browser's own zone when `timeZone` is omitted). */
export function formatInZone(epochMs: number, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(epochMs));
}

/** True when the given zone shows a different wall-clock time than Beijing at this instant. */
export function zoneDiffersFromBeijing(epochMs: number, timeZone: string | undefined): boolean {
  return formatInZone(epochMs, 'en-US', timeZone) !== formatInZone(epochMs, 'en-US', BEIJING_TZ);
}
