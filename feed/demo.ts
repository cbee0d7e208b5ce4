// `--demo`: moves every notice into the coming days so that a person can watch countdowns and
// reminders today. Each notice moves as a whole (its dates keep their spacing); the notices'
// first milestones land at now+20h, now+2d, now+3d, … in their original order. The dates written
// in its text move with it (issue 18, item 5: 「推迟至2023年2月8日下线」 stood beside
// 「北京时间 2026年12月4日」), so the demo never contradicts itself.
import type { Notice } from '../utils/notice/schema.ts';
import { beijingParts } from '../utils/notice/time.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Offset of the n-th notice's first milestone from now. */
export function demoSlot(index: number): number {
  return index === 0 ? 20 * HOUR : (index + 1) * DAY;
}

function firstDated(notice: Notice): number | undefined {
  let first: number | undefined;
  for (const p of notice.sunset?.products ?? []) {
    for (const m of p.milestones) {
      if (m.at === null) continue;
      const t = Date.parse(m.at);
      if (first === undefined || t < first) first = t;
    }
  }
  return first;
}

/** Shifts an ISO instant by `delta` ms, keeping the offset it was written in. */
export function shiftIso(iso: string, delta: number): string {
  const m = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  const offsetMin = !m || m[1] === 'Z' ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  const local = new Date(Date.parse(iso) + delta + offsetMin * 60_000);
  const zone = !m || m[1] === 'Z' ? '+00:00' : m[1];
  return `${local.toISOString().slice(0, 19)}${zone}`;
}

// A date as announcements write it: 2023年2月17日, 2月17日, maybe with a time (9月5日8:00).
const TEXT_DATE = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:：](\d{2}))?/g;

/**
 * Moves every date written in `text` by `delta` ms, as Beijing wall-clock time; a date written
 * without a year is read in `year` and written back without one, a date without a time keeps none.
 */
export function shiftText(text: string, delta: number, year: number): string {
  return text.replace(
    TEXT_DATE,
    (_, y: string | undefined, mo: string, d: string, hh: string | undefined, mm: string | undefined) => {
      const at = Date.UTC(y ? Number(y) : year, Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
      const p = beijingParts(at - 8 * HOUR + delta);
      const date = `${y ? `${p.year}年` : ''}${p.month}月${p.day}日`;
      return hh === undefined ? date : `${date}${p.hour}:${String(p.minute).padStart(2, '0')}`;
    },
  );
}

function shiftNotice(notice: Notice, delta: number, base: number): Notice {
  // A notice is never published in the future, even where the source dated its publication
  // after a milestone (the 买家旺旺 postponement is dated by the article that reported it).
  const past = (iso: string) => {
    const moved = shiftIso(iso, delta);
    return Date.parse(moved) < base ? moved : shiftIso(iso, base - HOUR - Date.parse(iso));
  };
  // Dates written without a year belong to the year of the notice's first milestone.
  const year = beijingParts(firstDated(notice) ?? Date.parse(notice.pubDate)).year;
  const text = (value: string) => shiftText(value, delta, year);
  const shifted: Notice = { ...notice, title: text(notice.title), pubDate: past(notice.pubDate) };
  if (notice.description !== undefined) shifted.description = text(notice.description);
  if (notice.sunset) {
    shifted.sunset = {
      ...notice.sunset,
      ...(notice.sunset.grandfather !== undefined ? { grandfather: text(notice.sunset.grandfather) } : {}),
      updated: past(notice.sunset.updated),
      products: notice.sunset.products.map((p) => ({
        ...p,
        milestones: p.milestones.map((m) => {
          const out = { ...m, at: m.at === null ? null : shiftIso(m.at, delta) };
          if (m.previous !== undefined) out.previous = shiftIso(m.previous, delta);
          return out;
        }),
      })),
    };
  }
  return shifted;
}

/**
 * The demo edition of `notices` at `now` (epoch ms), rounded down to the minute so that a
 * demo feed is stable within a minute. Notices without a dated milestone are moved so that
 * they were published a day ago.
 */
export function demoNotices(notices: readonly Notice[], now: number): Notice[] {
  const base = Math.floor(now / 60_000) * 60_000;
  const dated = notices
    .map((notice, index) => ({ notice, index, first: firstDated(notice) }))
    .filter((n): n is { notice: Notice; index: number; first: number } => n.first !== undefined)
    .sort((a, b) => a.first - b.first || a.index - b.index);
  const delta = new Map<Notice, number>();
  dated.forEach((n, slot) => delta.set(n.notice, base + demoSlot(slot) - n.first));
  return notices.map((notice) =>
    shiftNotice(notice, delta.get(notice) ?? base - DAY - Date.parse(notice.pubDate), base),
  );
}

export const DEMO_TITLE_SUFFIX = '（演示：日期已平移到近几天 / demo, dates shifted）';
