// `--demo`: moves every notice into the coming days so that a person can watch countdowns and
// reminders today. Each notice moves as a whole (its dates keep their spacing); the notices'
// first milestones land at now+20h, now+2d, now+3d, … in their original order.
import type { Notice } from '../utils/notice/schema.ts';

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

function shiftNotice(notice: Notice, delta: number, base: number): Notice {
  // A notice is never published in the future, even where the source dated its publication
  // after a milestone (the 买家旺旺 postponement is dated by the article that reported it).
  const past = (iso: string) => {
    const moved = shiftIso(iso, delta);
    return Date.parse(moved) < base ? moved : shiftIso(iso, base - HOUR - Date.parse(iso));
  };
  const shifted: Notice = { ...notice, pubDate: past(notice.pubDate) };
  if (notice.sunset) {
    shifted.sunset = {
      ...notice.sunset,
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
