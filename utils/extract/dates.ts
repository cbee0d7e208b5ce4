// Finds the dates (and their times and ranges) an announcement writes, in every form issue 6
// lists: 2023年2月17日, 2月17日, 2023-02-17, 2023/2/17, 2023.02.17, 二〇二三年二月十七日, 月底 and
// 上旬/中旬/下旬, 即日起; times 8:00, 8点, 零点, 23:59:59, 24:00 / 24时; labels 北京时间 and
// (UTC+08:00), which are not times; ranges with 至, -, ~. chrono-node's zh parser adds the
// relative days (今天, 明天, 下周一…) that it handles well; its first match is often wrong in
// notices and it misses the slash, dot and 24:00 forms, so the forms above are parsed here.
// Pure and browser-safe: no Node APIs.
import * as chrono from 'chrono-node';
import { CN_NUMERAL_CLASS, parseNumeral } from './numerals.ts';

/** A wall-clock time in Beijing. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type DateForm = 'full' | 'month-day' | 'numeric' | 'period' | 'today' | 'relative';

export interface DateMention {
  /** Offsets of the whole phrase (date, labels, time, range) in the text. */
  index: number;
  end: number;
  /** Offset where the first date of the phrase ends (before any time or range). */
  dateEnd: number;
  form: DateForm;
  /** Resolved start, in Beijing wall-clock time. */
  start: WallTime;
  /** The end of a range, when the phrase is one and it ends on another day or time. */
  rangeEnd?: WallTime;
  yearGiven: boolean;
  hasTime: boolean;
}

const N = `(?:\\d{1,2}|[${CN_NUMERAL_CLASS}]{1,3})`;
const Y = '(\\d{4}|[〇零一二三四五六七八九]{4})';
// Spaces inside a phrase never cross a line: a date on one line and a number on the next are
// two things (a list of API versions, say).
const S = '[ \\t\\u3000]*';

const FULL = new RegExp(
  `${Y}${S}年${S}(${N})${S}月${S}(${N})${S}(?:[日号]|(?![\\d${CN_NUMERAL_CLASS}]))`,
  'gu',
);
const MONTH_DAY = new RegExp(`(?<![\\d年${CN_NUMERAL_CLASS}])(${N})${S}月${S}(${N})${S}[日号]`, 'gu');
const NUMERIC = /(?<![\d.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])(?:[ \t]*日)?/gu;
const PERIOD = new RegExp(
  `(?:${Y}${S}年${S})?(?<![\\d${CN_NUMERAL_CLASS}])(${N})${S}月${S}(底|末|初|上旬|中旬|下旬)`,
  'gu',
);
const TODAY = /(?:自|从)?即日(?:起|开始)?/gu;

// Labels that may sit between a date and its time, or after the time: they are not times.
const LABEL = `(?:${S}(?:[（(]${S}(?:北京时间|UTC|GMT|周|星期|初|十|廿)[^（()）\\n]{0,14}[)）]|北京时间|(?:UTC|GMT)(?:/GMT)?${S}[+＋]${S}0?8(?::?00)?))*`;
const TIME = `${S}(?:(凌晨|早上|上午|中午|下午|晚上|晚)${S})?(?:(\\d{1,2})${S}[:：]${S}(\\d{2})(?:${S}[:：]${S}(\\d{2}))?|(\\d{1,2}|[${CN_NUMERAL_CLASS}]{1,3})${S}[点时](?![间候段区])(?:${S}(\\d{1,2}|[${CN_NUMERAL_CLASS}]{1,3})${S}分)?(?:${S}整)?|(零点|零时))`;
const TIME_AFTER = new RegExp(`${LABEL}${TIME}${LABEL}`, 'uy');
const LABEL_ONLY = new RegExp(`${LABEL}`, 'uy');
const RANGE_SEP = new RegExp(`${S}(?:至|到|-|~|～|—|－|–)${S}`, 'uy');

interface Raw {
  index: number;
  end: number;
  form: DateForm;
  year: number | null;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const PERIOD_DAY: Record<string, (year: number, month: number) => number> = {
  初: () => 1,
  上旬: () => 1,
  中旬: () => 11,
  下旬: () => 21,
  底: daysInMonth,
  末: daysInMonth,
};

function collect(re: RegExp, text: string, make: (m: RegExpExecArray) => Raw | null): Raw[] {
  const out: Raw[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = make(m);
    if (raw) out.push(raw);
  }
  return out;
}

function rawDates(text: string, published: WallTime): Raw[] {
  const all: Raw[] = [
    ...collect(FULL, text, (m) => ({
      index: m.index,
      end: m.index + m[0].length,
      form: 'full',
      year: parseNumeral(m[1]!),
      month: parseNumeral(m[2]!),
      day: parseNumeral(m[3]!),
    })),
    ...collect(NUMERIC, text, (m) => ({
      index: m.index,
      end: m.index + m[0].length,
      form: 'numeric',
      year: Number(m[1]),
      month: Number(m[3]),
      day: Number(m[4]),
    })),
    ...collect(MONTH_DAY, text, (m) => ({
      index: m.index,
      end: m.index + m[0].length,
      form: 'month-day',
      year: null,
      month: parseNumeral(m[1]!),
      day: parseNumeral(m[2]!),
    })),
    ...collect(PERIOD, text, (m) => {
      const year = m[1] ? parseNumeral(m[1]) : null;
      const month = parseNumeral(m[2]!);
      if (!(month >= 1 && month <= 12)) return null;
      // The day depends on the year only for 月底 (February): findDates recomputes it.
      return {
        index: m.index,
        end: m.index + m[0].length,
        form: 'period',
        year,
        month,
        day: PERIOD_DAY[m[3]!]!(year ?? published.year, month),
      };
    }),
    ...collect(TODAY, text, (m) => ({
      index: m.index,
      end: m.index + m[0].length,
      form: 'today',
      year: published.year,
      month: published.month,
      day: published.day,
    })),
  ];
  // Earliest first, longest first at the same offset; overlapping later matches are dropped.
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Raw[] = [];
  for (const raw of all) {
    const last = kept[kept.length - 1];
    if (last && raw.index < last.end) continue;
    kept.push(raw);
  }
  return kept;
}

function readTime(
  text: string,
  at: number,
): { end: number; hour: number; minute: number; second: number } | null {
  TIME_AFTER.lastIndex = at;
  const m = TIME_AFTER.exec(text);
  if (!m) return null;
  const [, period, hh, mm, ss, cnHour, cnMinute, zero] = m;
  let hour: number;
  let minute = 0;
  let second = 0;
  if (zero) {
    hour = 0;
  } else if (hh !== undefined) {
    hour = Number(hh);
    minute = Number(mm);
    second = ss === undefined ? 0 : Number(ss);
  } else {
    hour = parseNumeral(cnHour!);
    minute = cnMinute === undefined ? 0 : parseNumeral(cnMinute);
  }
  if ((period === '下午' || period === '晚上' || period === '晚') && hour < 12) hour += 12;
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return null;
  // 24:00 is a real time in notices (the end of a day); anything past it is not.
  if (hour === 24 && (minute !== 0 || second !== 0)) return null;
  return { end: at + m[0].length, hour, minute, second };
}

function skipLabels(text: string, at: number): number {
  LABEL_ONLY.lastIndex = at;
  const m = LABEL_ONLY.exec(text);
  return m ? at + m[0].length : at;
}

/** Normalises 24:00 (= 00:00 of the next day) and other overflow via UTC arithmetic. */
export function normalizeWall(w: WallTime): WallTime {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 with the Beijing offset, which every `at` carries (feed-format.md "Time"). */
export function wallToIso(w: WallTime): string {
  const n = normalizeWall(w);
  return `${pad(n.year, 4)}-${pad(n.month)}-${pad(n.day)}T${pad(n.hour)}:${pad(n.minute)}:${pad(n.second)}+08:00`;
}

export function compareWall(a: WallTime, b: WallTime): number {
  return wallToIso(a).localeCompare(wallToIso(b));
}

/** Parses the publish date given on the command line or by a caller: YYYY-MM-DD, a real day. */
export function parsePublished(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1990 || year > 2200 || !validDay(year, month, day)) return null;
  return { year, month, day, hour: 0, minute: 0, second: 0 };
}

function dayKey(month: number, day: number): string {
  return `${month}-${day}`;
}

/**
 * The year of a date written without one: a day the same text also writes with a year takes
 * that year (a notice says 2023年2月8日 once and 2月8日 afterwards); otherwise the nearest such
 * day not before the publish date.
 */
function inferYear(month: number, day: number, published: WallTime, known: Map<string, number>): number {
  const same = known.get(dayKey(month, day));
  if (same !== undefined) return same;
  const candidate = published.year;
  const before = month < published.month || (month === published.month && day > 0 && day < published.day);
  return before ? candidate + 1 : candidate;
}

const RELATIVE_DAY = /今天|今日|明天|明日|后天|下周|下星期|下礼拜|本周|这周/gu;
const MAX_RELATIVE = 200;

function chronoDays(text: string, published: WallTime): Raw[] {
  const instant = new Date(Date.UTC(published.year, published.month - 1, published.day, 4)); // 12:00 in Beijing
  const out: Raw[] = [];
  // chrono's zh parser is slow on long runs of Chinese numerals (seconds per 10k characters),
  // so it only sees a short window around each relative-day word, the part it is used for.
  let count = 0;
  let covered = -1;
  RELATIVE_DAY.lastIndex = 0;
  for (let m = RELATIVE_DAY.exec(text); m && count < MAX_RELATIVE; m = RELATIVE_DAY.exec(text)) {
    if (m.index < covered) continue;
    count++;
    const from = Math.max(0, m.index - 4);
    const window = text.slice(from, m.index + m[0].length + 12);
    covered = from + window.length;
    let results: chrono.ParsedResult[];
    try {
      results = chrono.zh.hans.parse(window, { instant, timezone: 480 });
    } catch {
      // chrono is a helper here, never a reason to fail: the forms above are parsed without it.
      continue;
    }
    for (const r of results) {
      // Only the relative days: absolute forms are parsed above, with the cue-aware year rules.
      if (!/今天|今日|明天|明日|后天|大后天|下周|下星期|下礼拜|本周|这周/u.test(r.text)) continue;
      const year = r.start.get('year');
      const month = r.start.get('month');
      const day = r.start.get('day');
      if (year === null || month === null || day === null) continue;
      out.push({
        index: from + r.index,
        end: from + r.index + r.text.length,
        form: 'relative',
        year,
        month,
        day,
      });
    }
  }
  return out;
}

/**
 * Every date phrase in `text`, in order, with years resolved against `published`.
 * `text` should already have full-width ASCII folded (see normalizeText); offsets refer to it.
 */
export function findDates(text: string, published: WallTime): DateMention[] {
  const raws = rawDates(text, published);
  for (const extra of chronoDays(text, published)) {
    if (raws.some((r) => extra.index < r.end && r.index < extra.end)) continue;
    raws.push(extra);
  }
  raws.sort((a, b) => a.index - b.index);

  const known = new Map<string, number>();
  for (const r of raws) {
    if ((r.form === 'full' || r.form === 'numeric') && r.year !== null)
      known.set(dayKey(r.month, r.day), r.year);
  }

  const byIndex = new Map(raws.map((r) => [r.index, r]));
  const consumed = new Set<Raw>();
  const mentions: DateMention[] = [];
  for (const r of raws) {
    if (consumed.has(r)) continue;
    let { year, day } = r;
    const yearGiven = year !== null;
    if (r.form === 'period') {
      year = year ?? (r.month < published.month ? published.year + 1 : published.year);
      if (/[底末]/.test(text.slice(r.index, r.end))) day = daysInMonth(year, r.month);
    } else if (year === null) {
      year = inferYear(r.month, r.day, published, known);
    }
    if (!validDay(year, r.month, day)) continue;

    let end = r.end;
    let start: WallTime = { year, month: r.month, day, hour: 0, minute: 0, second: 0 };
    let hasTime = false;
    if (r.form !== 'today') {
      const t = readTime(text, end);
      if (t) {
        start = { ...start, hour: t.hour, minute: t.minute, second: t.second };
        end = t.end;
        hasTime = true;
      } else {
        end = skipLabels(text, end);
      }
    }

    let rangeEnd: WallTime | undefined;
    RANGE_SEP.lastIndex = end;
    const sep = RANGE_SEP.exec(text);
    if (sep && r.form !== 'today') {
      const after = end + sep[0].length;
      const second = byIndex.get(after);
      if (second && second.form !== 'today' && second.form !== 'relative') {
        const y2 = second.year ?? (second.month < r.month ? year + 1 : year);
        const d2 =
          second.form === 'period' && /[底末]/.test(text.slice(second.index, second.end))
            ? daysInMonth(y2, second.month)
            : second.day;
        if (validDay(y2, second.month, d2)) {
          let endWall: WallTime = { year: y2, month: second.month, day: d2, hour: 0, minute: 0, second: 0 };
          let stop = second.end;
          const t2 = readTime(text, stop);
          if (t2) {
            endWall = { ...endWall, hour: t2.hour, minute: t2.minute, second: t2.second };
            stop = t2.end;
          }
          rangeEnd = endWall;
          end = stop;
          // The range's second date is part of this phrase, not a mention of its own.
          consumed.add(second);
        }
      } else if (hasTime) {
        const t2 = readTime(text, after);
        if (t2) {
          rangeEnd = { ...start, hour: t2.hour, minute: t2.minute, second: t2.second };
          end = t2.end;
        }
      }
    }
    if (rangeEnd && compareWall(rangeEnd, start) <= 0) rangeEnd = undefined;

    mentions.push({ index: r.index, end, dateEnd: r.end, form: r.form, start, rangeEnd, yearGiven, hasTime });
  }
  return mentions;
}
