// An iCalendar document for milestone events, built with ical-generator. Pure (no clock, no
// I/O) and browser-safe, so the same bytes come from `feed build`, `feed serve` and the
// extension's per-milestone download.
import ical, { ICalAlarmType } from 'ical-generator';
import type { MilestoneEvent } from './events.ts';

/** 7 days, 1 day and 2 hours ahead: the default reminder lead times. */
export const DEFAULT_LEADS_MINUTES = [7 * 24 * 60, 24 * 60, 120] as const;

export interface CalendarOptions {
  name: string;
  leadsMinutes?: readonly number[];
}

function leadText(minutes: number): string {
  // An alarm at the cutoff itself reads 「现在」, not 「0 天后」.
  if (minutes === 0) return '现在';
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} 天后`;
  if (minutes % 60 === 0) return `${minutes / 60} 小时后`;
  return `${minutes} 分钟后`;
}

export function buildCalendar(events: readonly MilestoneEvent[], options: CalendarOptions): string {
  const leads = options.leadsMinutes ?? DEFAULT_LEADS_MINUTES;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Sunset Watch', product: 'feed', language: 'ZH' },
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      // A cutoff is an instant: DTSTART without DTEND is a zero-length event (RFC 5545 3.6.1).
      start: new Date(Date.parse(e.at)),
      stamp: new Date(Date.parse(e.stamp)),
      summary: e.summary,
      description: e.description,
      url: e.url ?? null,
      alarms: leads.map((minutes) => ({
        type: ICalAlarmType.display,
        trigger: minutes * 60,
        description: `${leadText(minutes)}：${e.summary}`,
      })),
    });
  }
  return calendar.toString();
}
