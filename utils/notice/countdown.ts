// How far away a milestone is and when it falls, in the words every surface uses (popup, page
// badge, card, banner, guard, notifications), so that they never disagree (issue 18, item 1).
// Pure: `now` is always passed in. The words themselves are the phrase tables (phrases.ts).
import type { Milestone, Notice, Product } from './schema.ts';
import { beijingParts, toEpoch } from './time.ts';
import { LOCALE_TAG, type Translate } from '../i18n/catalog.ts';
import { hhmm, wordsOf, whenText, type State, type When } from './phrases.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Urgency bands of issue 4: more than 7 days, within 7 days, within a day, past. */
export type Urgency = 'later' | 'week' | 'day' | 'past';

export interface Countdown {
  urgency: Urgency;
  /** Whole days, hours and minutes left, each rounded down (0 when past). */
  days: number;
  hours: number;
  minutes: number;
}

export function countdown(atMs: number, nowMs: number): Countdown {
  const left = atMs - nowMs;
  if (left <= 0) return { urgency: 'past', days: 0, hours: 0, minutes: 0 };
  return {
    urgency: left <= DAY ? 'day' : left <= 7 * DAY ? 'week' : 'later',
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
  };
}

/**
 * The countdown every surface shows: 「剩 12 天」 from a week on, 「剩 2 天 23 小时」 within a week,
 * 「剩 19 小时」 within a day, 「剩 1 小时 59 分钟」 within 3 hours (so the 2-hour reminder never
 * says 「剩 1 小时」), 「剩 45 分钟」 within the hour, 「不到 1 分钟」 at the end. Every part is
 * rounded down: it never says more time is left than there is. '' once the instant has passed.
 * No-break spaces only: a countdown never breaks across lines.
 */
export function timeLeft(t: Translate, atMs: number, nowMs: number): string {
  const cd = countdown(atMs, nowMs);
  if (cd.urgency === 'past') return '';
  const words = wordsOf(t);
  const parts: string[] = [];
  if (cd.days >= 7) parts.push(words.unit('day', cd.days));
  else if (cd.days >= 1) {
    parts.push(words.unit('day', cd.days));
    if (cd.hours) parts.push(words.unit('hour', cd.hours));
  } else if (cd.hours >= 3) parts.push(words.unit('hour', cd.hours));
  else {
    if (cd.hours) parts.push(words.unit('hour', cd.hours));
    if (cd.minutes) parts.push(words.unit('minute', cd.minutes));
  }
  return parts.length ? words.left(parts) : words.underAMinute;
}

function sameDay(a: ReturnType<typeof beijingParts>, b: ReturnType<typeof beijingParts>): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Where `atMs` falls as seen from `nowMs`, in Beijing: today, tomorrow, or a calendar date. */
export function whenOf(atMs: number, nowMs: number): When {
  const parts = beijingParts(atMs);
  const now = beijingParts(nowMs);
  const when: When = { parts, time: hhmm(parts), withYear: parts.year !== now.year };
  if (sameDay(parts, now)) when.rel = 'today';
  else if (sameDay(parts, beijingParts(nowMs + DAY))) when.rel = 'tomorrow';
  return when;
}

/** The phrase table's state of an instant: ahead, passed earlier today (Beijing date), or passed. */
export function stateOf(atMs: number, nowMs: number): State {
  if (atMs > nowMs) return 'ahead';
  return sameDay(beijingParts(atMs), beijingParts(nowMs)) ? 'today' : 'passed';
}

/**
 * A date for a short line (badge, popup row): 「今天 11:43」「明天 09:00」「12月5日」「2027年1月5日」;
 * "today, 11:43", "Dec 5". 今天/明天 only ever stand beside a time.
 */
export function shortWhen(t: Translate, atMs: number, nowMs: number): string {
  return whenText(wordsOf(t), whenOf(atMs, nowMs));
}

/**
 * A full date and time, Beijing time stated unless `zone` is false (a list that states it once):
 * 「2026年12月5日 09:41（北京时间）」「今天 11:43（北京时间）」 · "Dec 5, 2026, 09:41 Beijing time".
 */
export function longWhen(t: Translate, atMs: number, nowMs: number, zone = true): string {
  return whenText(wordsOf(t), whenOf(atMs, nowMs), { long: true, zone });
}

/**
 * The instant in the browser's own zone, for the line beside Beijing time when the zones differ:
 * 「2026年12月4日 17:00」 · "Dec 4, 2026, 17:00".
 */
export function localDateTime(
  t: Translate,
  atMs: number,
  timeZone?: string,
  locale = LOCALE_TAG[t.lang ?? 'zh_CN'],
): string {
  return new Intl.DateTimeFormat(locale, {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: t.lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(atMs));
}

/** 2月17日 (Beijing date, short) or Feb 17. */
export function shortDate(t: Translate, atMs: number): string {
  return wordsOf(t).date(beijingParts(atMs), false);
}

/** 2023年2月17日 08:00 (Beijing time, zone not stated) or Feb 17, 2023, 08:00. */
export function longDate(t: Translate, atMs: number): string {
  return wordsOf(t).dateTime(beijingParts(atMs));
}

export interface DatedMilestone {
  product: Product;
  milestone: Milestone & { at: string };
  atMs: number;
}

/** Every dated milestone of a notice, soonest first. */
export function datedMilestones(notice: Notice): DatedMilestone[] {
  const out: DatedMilestone[] = [];
  for (const product of notice.sunset?.products ?? []) {
    for (const milestone of product.milestones) {
      if (milestone.at)
        out.push({ product, milestone: { ...milestone, at: milestone.at }, atMs: toEpoch(milestone.at) });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

/** The nearest milestone still ahead, or null. */
export function nextMilestone(notice: Notice, nowMs: number): DatedMilestone | null {
  return datedMilestones(notice).find((m) => m.atMs > nowMs) ?? null;
}

/** The most recent milestone already passed, or null. */
export function lastPastMilestone(notice: Notice, nowMs: number): DatedMilestone | null {
  return (
    datedMilestones(notice)
      .filter((m) => m.atMs <= nowMs)
      .pop() ?? null
  );
}

/** Milestones at one instant (one line: 「2023年2月17日 停止新订购、历史方案不可查看」). */
export interface MilestoneGroup {
  atMs: number;
  milestones: (Milestone & { at: string })[];
}

/** A product's dated milestones grouped by instant, soonest first; undated ones are left out. */
export function milestoneGroups(product: Product): MilestoneGroup[] {
  const groups: MilestoneGroup[] = [];
  const dated = product.milestones
    .filter((m): m is Milestone & { at: string } => m.at !== null)
    .map((m) => ({ m, atMs: toEpoch(m.at) }))
    .sort((a, b) => a.atMs - b.atMs);
  for (const { m, atMs } of dated) {
    const last = groups[groups.length - 1];
    if (last && last.atMs === atMs) last.milestones.push(m);
    else groups.push({ atMs, milestones: [m] });
  }
  return groups;
}
