// Quiet hours (issue 5, item 6) are read in the BROWSER'S LOCAL time zone, not Beijing time:
// "22:00–08:00" is about when the user sleeps, wherever the user is. Milestone dates, by
// contrast, are instants (shown in Beijing time). The zone is passed in (`timeZone`, an IANA
// name; undefined = the runtime's own zone) so tests can play a browser anywhere.
import type { QuietHours } from '../store/settings.ts';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

function hhmmToMinutes(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight of an instant, in `timeZone`. */
export function localMinuteOfDay(ms: number, timeZone?: string): number {
  const cacheKey = timeZone ?? '';
  let format = formatters.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(cacheKey, format);
  }
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(new Date(ms))) {
    if (part.type === 'hour') hour = Number(part.value);
    if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

function inside(minute: number, start: number, end: number): boolean {
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * The instant the quiet window holding `ms` ends, or null when `ms` is not in quiet hours (or
 * they are off, or start equals end: an empty window).
 */
export function quietWindowEnd(ms: number, quiet: QuietHours, timeZone?: string): number | null {
  if (!quiet.enabled) return null;
  const start = hhmmToMinutes(quiet.start);
  const end = hhmmToMinutes(quiet.end);
  if (start === end) return null;
  const now = localMinuteOfDay(ms, timeZone);
  if (!inside(now, start, end)) return null;
  const wait = (end - now + DAY_MINUTES) % DAY_MINUTES;
  let candidate = ms - (ms % MINUTE) + wait * MINUTE;
  // A daylight-saving jump inside the window moves the wall clock: correct by the difference.
  const seen = localMinuteOfDay(candidate, timeZone);
  if (seen !== end) {
    const diff = ((end - seen + DAY_MINUTES + DAY_MINUTES / 2) % DAY_MINUTES) - DAY_MINUTES / 2;
    candidate += diff * MINUTE;
  }
  return candidate;
}

/**
 * When a reminder planned for `fireAt` may be shown: at the end of quiet hours if it falls in
 * them, except when the cutoff `atMs` itself falls inside that quiet window (the user would
 * otherwise hear only after the fact), in which case it is shown on time.
 */
export function afterQuietHours(fireAt: number, atMs: number, quiet: QuietHours, timeZone?: string): number {
  const end = quietWindowEnd(fireAt, quiet, timeZone);
  if (end === null || atMs < end) return fireAt;
  return end;
}
