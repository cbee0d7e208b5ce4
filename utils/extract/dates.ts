// The date grammar (issue 19, "recall first"): every date expression a notice writes, with its
// offsets, before anything decides which of them are milestones (rules.ts does that). Forms:
// 2026年2月28日 and 2026 年 2 月 28 日, 2026-02-28, 2026/2/28, 2026.02.28, 二〇二六年三月一日,
// 三月十五日, 2月28日 (the year from the text or the publish day), 今年/明年, 本月/下月/次月;
// 月底/月末/月初/上旬/中旬/下旬, 年底/年初, 元旦, 2026年3月 (a month: its first day); 即日起,
// 自公告发布之日起, 今日, 明日, 后天, 次日, 本周五, 下周一; 10/31/2020; times 10:00, 23:59:59, 10点30分, 10点半, 下午3点,
// 零点, 24:00 (= 00:00 of the next day); October 14, 2025 and 三月 17, 2023 on translated pages, with 北京时间, (UTC+8) or (周五) around them; ranges
// 3月1日至31日, 3月1日-3月31日, 2026年3月1日至4月30日, 10:00~18:00. The text must be
// normalised first (normalize.ts: width, 繁體); offsets are the same in the original.
// Pure and browser-safe: no Node APIs, no date library (chrono-node's zh parser missed most of
// these forms and was only kept for 明天, which two lines here do).
import { beijingParts, toBeijingIso } from '../notice/time.ts';

/** A wall-clock time in Beijing. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type DateForm = 'ymd' | 'numeric' | 'month-day' | 'period' | 'month' | 'day' | 'today' | 'relative';

export interface DateMention {
  /** Offsets of the whole phrase (date, labels, time, range) in the text. */
  index: number;
  end: number;
  /** Where the first date of the phrase ends (before any time, label or range). */
  dateEnd: number;
  form: DateForm;
  /** Resolved start, Beijing wall-clock time (24:00 already carried to the next day). */
  at: WallTime;
  /** The end of a range, when the phrase is one. */
  until?: WallTime;
  /**
   * The year is the text's own: written here, for the same day elsewhere, or for the date before
   * it; otherwise it was inferred from the publish day.
   */
  yearGiven: boolean;
}

// ── Numerals ────────────────────────────────────────────────────────────────────────────────

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN = '〇零一二两三四五六七八九十';

/**
 * The value of `text` in Arabic digits or Chinese numerals, or NaN. Years are read digit by
 * digit (二〇二六 → 2026); anything with 十 positionally (十七, 二十, 三十一).
 */
export function parseNumeral(text: string): number {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '' || ![...t].every((c) => c === '十' || c === '百' || c in DIGITS)) return NaN;
  const hundred = t.indexOf('百');
  if (hundred !== -1) {
    // 一百 = 100, 一百十二 = 112, 一百零五 = 105 (ROC years are written this way)
    const head = t.slice(0, hundred);
    const rest = t.slice(hundred + 1).replace(/^[〇零]/u, '');
    const h = head === '' ? 1 : head.length === 1 ? (DIGITS[head] ?? NaN) : NaN;
    return h * 100 + (rest === '' ? 0 : parseNumeral(rest));
  }
  const ten = t.indexOf('十');
  if (ten === -1) return [...t].reduce((acc, c) => acc * 10 + DIGITS[c]!, 0);
  if (t.indexOf('十', ten + 1) !== -1) return NaN;
  const before = t.slice(0, ten);
  const after = t.slice(ten + 1);
  if (before.length > 1 || after.length > 1) return NaN;
  const tens = before === '' ? 1 : DIGITS[before]!;
  const ones = after === '' ? 0 : DIGITS[after]!;
  return tens * 10 + ones;
}

// ── Calendar arithmetic ─────────────────────────────────────────────────────────────────────

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    year >= 1900 &&
    year <= 2300
  );
}

/** Epoch milliseconds of a Beijing wall-clock time; overflow (24:00, 2月30日) carries over. */
const epochOf = (w: WallTime) =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - 8 * 3600_000;

/** Carries 24:00 (= 00:00 of the next day), and any other overflow. */
export function normalizeWall(w: WallTime): WallTime {
  const epoch = epochOf(w);
  return { ...beijingParts(epoch), second: new Date(epoch).getUTCSeconds() };
}

/** ISO 8601 with the Beijing offset, which every `at` carries (feed-format.md "Time"). */
export function wallToIso(w: WallTime): string {
  return toBeijingIso(epochOf(w));
}

const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

function addDays(w: WallTime, days: number): WallTime {
  return normalizeWall({ ...w, day: w.day + days });
}

/** The publish day given by a caller: YYYY-MM-DD, a real day. */
export function parsePublished(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1990 || year > 2200 || !validDay(year, month, day)) return null;
  return { year, month, day, hour: 0, minute: 0, second: 0 };
}

// ── The grammar ─────────────────────────────────────────────────────────────────────────────

// Spaces inside a phrase never cross a line: a date on one line and a number on the next are
// two things (a list of API versions, say).
const S = '[ \\t]*';
const N = `(?:\\d{1,2}|[${CN}]{1,3})`;
/**
 * 2026年, 二〇二六年, 今年/明年/次年/去年, and Taiwan's ROC years (民国114年, 中华民国一百十二年,
 * a bare three-digit 114年), and a two-digit year before a month (18年12月1日): one group.
 */
const YEAR = `(?<!\\d)((?:中华)?民国${S}(?:\\d{1,3}|[〇零一二三四五六七八九十百]{1,6})|1\\d{2}(?!\\d)|\\d{2}(?=${S}年${S}(?:\\d{1,2}|[${CN}]{1,3})${S}月)|[一二三四五六七八九]?百[〇零一二三四五六七八九十]{0,3}|\\d{4}|[〇零一二三四五六七八九]{4}|本${S}[(（]${S}1?\\d{2}${S}[)）]|今|本|明|次|去)${S}年`;
/** 3月, 三月, 本月/下月/次月/上月: two groups (number, relative word). */
const MONTH = `(?:(${N})|(本|下|次|上)(?:个)?)${S}月`;
const PERIOD_WORD = '(底|末|初|上中旬|中下旬|上旬|中旬|下旬)';
/** What must not follow a number for it to end there. */
const NUM_END = `(?![\\d${CN}])`;

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';

interface Raw {
  index: number;
  end: number;
  form: DateForm;
  /** null: not written, resolved against the publish day. */
  year: number | null;
  month: number;
  /** Day of the month; 0 means the month's last day (月底), known once the year is. */
  day: number;
}

interface Form {
  form: DateForm;
  re: RegExp;
  read: (m: RegExpExecArray, published: WallTime) => Omit<Raw, 'index' | 'end' | 'form'> | null;
}

function yearOf(word: string | undefined, published: WallTime): number | null {
  if (word === undefined) return null;
  if (word === '今' || word === '本') return published.year;
  // 本(109)年: this year, its ROC number in brackets.
  const bracketed = /^本\s*[(（]\s*(\d{2,3})\s*[)）]$/u.exec(word);
  if (bracketed) return Number(bracketed[1]) + 1911;
  if (word === '明' || word === '次') return published.year + 1;
  if (word === '去') return published.year - 1;
  // 18年12月1日 in a notice of 2018 is 2018; 99年12月31日 in one of 2010 is ROC 99: the nearer.
  if (/^\d{2}$/u.test(word)) {
    const [western, roc] = [2000 + Number(word), 1911 + Number(word)];
    return Math.abs(western - published.year) <= Math.abs(roc - published.year) ? western : roc;
  }
  const roc = /^(?:中华)?民国\s*(.+)$/u.exec(word)?.[1] ?? (/^1\d{2}$|百/u.test(word) ? word : null);
  if (roc !== null) return parseNumeral(roc) + 1911;
  return parseNumeral(word);
}

function monthOf(number: string | undefined, word: string | undefined, published: WallTime): number {
  if (number !== undefined) return parseNumeral(number);
  const offset = word === '本' ? 0 : word === '上' ? -1 : 1;
  return ((published.month - 1 + offset + 12) % 12) + 1;
}

/** The year a relative month word implies (下月 in December is next January). */
function yearOfRelativeMonth(word: string | undefined, published: WallTime): number | null {
  if (word === undefined) return null;
  const offset = word === '本' ? 0 : word === '上' ? -1 : 1;
  return published.year + Math.floor((published.month - 1 + offset) / 12);
}

/**
 * The day named by a weekday (一 … 日/天) seen from the publish day: in its week (Monday first), in
 * the week after, or the next such day from the publish day on (the day itself when it is one).
 */
function weekdayOf(p: WallTime, name: string, which: 'this-week' | 'next-week' | 'next') {
  const want = '一二三四五六日天'.indexOf(name);
  const weekday = want >= 6 ? 7 : want + 1;
  const today = ((new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7) + 1;
  const shift =
    which === 'next' ? (weekday - today + 7) % 7 : weekday - today + (which === 'next-week' ? 7 : 0);
  const w = addDays(p, shift);
  return { year: w.year, month: w.month, day: w.day };
}

const PERIOD_DAY: Record<string, number> = {
  初: 1,
  上旬: 1,
  上中旬: 1,
  中旬: 11,
  中下旬: 11,
  下旬: 21,
  底: 0,
  末: 0,
};

/**
 * The forms, each one row. Where two overlap, the one starting first and then the longest wins
 * (2026年3月1日 over 3月1日 over 2026年3月).
 */
const FORMS: Form[] = [
  {
    // 2026年2月28日, 2026 年 2 月 28 日, 二〇二六年三月一日, 今年3月1日, 2026年3月1(-31日)
    form: 'ymd',
    re: new RegExp(`${YEAR}${S}${MONTH}${S}(${N})${S}(?:[日号]|${NUM_END})`, 'gu'),
    read: (m, p) => ({
      year: yearOf(m[1], p) ?? yearOfRelativeMonth(m[3], p),
      month: monthOf(m[2], m[3], p),
      day: parseNumeral(m[4]!),
    }),
  },
  {
    // 2026-02-28, 2026/2/28, 2026.02.28 (the separator repeated), 2026-02-28日
    form: 'numeric',
    re: /(?<![\w.\-/])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d|\.\d|-[A-Za-z])(?:[ \t]*[日号])?/gu,
    read: (m) => ({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) }),
  },
  {
    // 2025630日, 20250630日: the separators lost when a page was copied (a day of two digits).
    form: 'numeric',
    re: /(?<![\w.\-/])(\d{4})(\d{1,2})(\d{2})[ \t]*日/gu,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // 3月15日, 三月十五日, 本月15日, 次月1日; 3月1(-31日) as a range's start
    form: 'month-day',
    re: new RegExp(
      `(?<![\\d年${CN}])${MONTH}${S}(${N})${S}(?:[日号]|${NUM_END}(?=${S}(?:-|~|至|到)${S}\\d{1,2}${S}[日号]))`,
      'gu',
    ),
    read: (m, p) => ({
      year: yearOfRelativeMonth(m[2], p),
      month: monthOf(m[1], m[2], p),
      day: parseNumeral(m[3]!),
    }),
  },
  {
    // 2026年2月底, 12月底, 本月末, 3月初, 3月上旬/中旬/下旬
    form: 'period',
    re: new RegExp(`(?:${YEAR}${S})?(?<![\\d${CN}])${MONTH}${S}${PERIOD_WORD}`, 'gu'),
    read: (m, p) => ({
      year: yearOf(m[1], p) ?? yearOfRelativeMonth(m[3], p),
      month: monthOf(m[2], m[3], p),
      day: PERIOD_DAY[m[4]!]!,
    }),
  },
  {
    // 2026年底, 2026年末, 2026年初
    form: 'period',
    re: new RegExp(`${YEAR}${S}(底|末|初)`, 'gu'),
    read: (m, p) => ({ year: yearOf(m[1], p), month: m[2] === '初' ? 1 : 12, day: m[2] === '初' ? 1 : 31 }),
  },
  {
    // 2026年元旦, 明年元旦, 元旦起: New Year's Day.
    form: 'period',
    re: new RegExp(`(?:${YEAR}${S})?元旦(?!节?期间|假期)`, 'gu'),
    read: (m, p) => ({ year: yearOf(m[1], p), month: 1, day: 1 }),
  },
  {
    // 2026年3月, 2026年3月份: a month named without a day stands for its first day.
    form: 'month',
    re: new RegExp(`${YEAR}${S}(${N})${S}月(?:份)?(?!${S}(?:[\\d${CN}]|底|末|初|上|中|下旬))`, 'gu'),
    read: (m, p) => ({ year: yearOf(m[1], p), month: parseNumeral(m[2]!), day: 1 }),
  },
  {
    // 12月份: a month without a year (现有推送将于12月份失效), its first day; 份 makes it a month.
    form: 'month',
    re: new RegExp(`(?<![\\d${CN}年])(${N})${S}月份`, 'gu'),
    read: (m) => ({ year: null, month: parseNumeral(m[1]!), day: 1 }),
  },
  {
    // 23日起, 由明日至26日: a bare day (news and notices of the week) is in the publish month,
    // or the month either side, whichever is nearest. Only before 起/前/至, so 30日内 and
    // 5个工作日 are no dates.
    form: 'day',
    re: new RegExp(
      `(?<![\\d${CN}月年第个每])(\\d{1,2}|[${CN}]{1,3})${S}[日号](?=${S}(?:起|前|开始|之前|当天|至|到|-|~|或之后|以后|之后|过期|到期|截止|失效|下线|停用))`,
      'gu',
    ),
    read: (m, p) => {
      const day = parseNumeral(m[1]!);
      const pub = dayNumber(p.year, p.month, p.day);
      let best: { year: number; month: number } | null = null;
      let bestCost = Infinity;
      for (const shift of [-1, 0, 1]) {
        const month = ((p.month - 1 + shift + 12) % 12) + 1;
        const year = p.year + Math.floor((p.month - 1 + shift) / 12);
        if (!(day >= 1 && day <= daysInMonth(year, month))) continue;
        const d = dayNumber(year, month, day);
        const cost = d >= pub ? d - pub : 2 * (pub - d);
        if (cost < bestCost) [best, bestCost] = [{ year, month }, cost];
      }
      return best && { ...best, day };
    },
  },
  {
    // October 14, 2025, Oct. 14 2025, 14 October 2025; 三月 17, 2023 (translated pages keep the
    // English order with a Chinese month name)
    form: 'ymd',
    re: new RegExp(
      `\\b(?:${EN_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b|\\b(\\d{1,2})\\s+(?:${EN_MONTH})\\.?,?\\s+(\\d{4})\\b|(?<![\\d${CN}])([${CN}]{1,2})月\\s+(\\d{1,2}),\\s*(\\d{4})(?!\\d)`,
      'giu',
    ),
    read: (m) => {
      const name = /[a-z]+/iu.exec(m[0])?.[0].toLowerCase().slice(0, 3);
      const month = name ? EN_MONTHS.indexOf(name) + 1 : parseNumeral(m[5]!);
      return {
        year: Number(m[2] ?? m[4] ?? m[7]),
        month: month || NaN,
        day: Number(m[1] ?? m[3] ?? m[6]),
      };
    },
  },
  {
    // 即日起, 自即日起, 自本公告发布之日起, 自发布日: the publish day.
    form: 'today',
    re: /(?:自|从)?(?:即日|(?:本)?(?:公告|通知|规定|办法)?(?:发布|公布|发出)(?:之)?日(?![期子])|(?:本)?(?:公告|通知)之日)(?:起|开始)?/gu,
    read: (_m, p) => ({ year: p.year, month: p.month, day: p.day }),
  },
  {
    // 本周五, 下周一, 这周六, 下星期三: a weekday of the publish day's week (Monday first) or the next.
    form: 'relative',
    re: /(本|这|下|次)(?:个)?(?:周|星期|礼拜)([一二三四五六日天])/gu,
    read: (m, p) => weekdayOf(p, m[2]!, m[1] === '下' || m[1] === '次' ? 'next-week' : 'this-week'),
  },
  {
    // 2/11(星期三), 2/14~2/22: a month/day written with a slash, only where a weekday or a range
    // says it is a day (1/3 alone is a fraction as often as a date).
    form: 'month-day',
    re: /(?<![\w./-])(\d{1,2})\/(\d{1,2})(?![\w/.])(?=\s*[(（]\s*(?:星期|周|礼拜)|\s*(?:~|至|到|-)\s*(?:\d{1,2}\/\d{1,2}(?![\w/])|[(（]))|(?<=\d{1,2}\/\d{1,2}\s*(?:~|至|到|-)\s*)(\d{1,2})\/(\d{1,2})(?![\w/.])/gu,
    read: (m) => ({ year: null, month: Number(m[1] ?? m[3]), day: Number(m[2] ?? m[4]) }),
  },
  {
    // 周二起, 星期五开始: a bare weekday that starts something is the next such day from the
    // publish day on (the day itself when it is that weekday); 每周二 is no date.
    form: 'relative',
    re: /(?<![每上本这下次逢个])(?:周|星期|礼拜)([一二三四五六日天])(?=\s*(?:起|开始))/gu,
    read: (m, p) => weekdayOf(p, m[1]!, 'next'),
  },
  {
    // 10/6終止合約, 至6/7, 6/3前: a month/day with a slash that a cue word next to it makes a day.
    form: 'month-day',
    re: /(?<=(?:至|到|于|在|自|从|截至|截止|延长至|延至)\s*)(\d{1,2})\/(\d{1,2})(?![\w/.])|(?<![\w./-])(\d{1,2})\/(\d{1,2})(?![\w/.])(?=\s*(?:起|前|开始|之前|以前|止|为止|之后|以后|日|号|终止|结束|停止|关闭|下线|暂停|恢复|截止|到期))/gu,
    read: (m) => ({ year: null, month: Number(m[1] ?? m[3]), day: Number(m[2] ?? m[4]) }),
  },
  {
    // 115/2/3, 113/01/10: Taiwan's ROC year with slashes (115 is 2026).
    form: 'numeric',
    re: /(?<![\w./-])(1\d{2})\/(\d{1,2})\/(\d{1,2})(?![\w/])/gu,
    read: (m) => ({ year: Number(m[1]) + 1911, month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // 10/31/2020 on Microsoft's translated pages: month/day/year (day/month when the first is over 12).
    form: 'numeric',
    re: /(?<![\w./-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\w/])/gu,
    read: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      return a > 12 ? { year: Number(m[3]), month: b, day: a } : { year: Number(m[3]), month: a, day: b };
    },
  },
  {
    // 今日, 今天, 明日, 明天, 后天 (次日 is resolved against the date before it, in findDates)
    form: 'relative',
    re: /(?<![昨前])(今日|今天|明日|明天|后天|次日)/gu,
    read: (m, p) => {
      const shift = { 今日: 0, 今天: 0, 明日: 1, 明天: 1, 后天: 2, 次日: 1 }[m[1]!] ?? 0;
      const w = addDays(p, shift);
      return { year: w.year, month: w.month, day: w.day };
    },
  },
];

// Labels that may sit between a date and its time, or after it: they are not times.
const LABEL = `(?:${S}(?:[(（]${S}(?:北京时间|UTC|GMT|周|星期|礼拜|初|十|廿)[^()（）\\n]{0,14}[)）]|[(（]${S}\\d{1,2}${S}[日号]${S}[)）]|北京时间|(?:周|星期|礼拜)[一二三四五六日天]|(?:UTC|GMT)(?:/GMT)?${S}\\+${S}0?8(?::?00)?))*`;
const TIME =
  `${S}T?(?:(凌晨|早上|早晨|上午|中午|正午|下午|傍晚|晚上|晚间|夜间|晚)${S})?` +
  `(?:(\\d{1,2})${S}:${S}(\\d{2})(?:${S}:${S}(\\d{2})(?:\\.\\d{1,9})?)?` +
  `|(\\d{1,2}|[${CN}]{1,3})${S}[点时](?![间候段区长效击])(?:${S}(?:(\\d{1,2}|[${CN}]{1,3})${S}分(?:${S}(\\d{1,2}|[${CN}]{1,3})${S}秒)?|(半)))?(?:${S}整)?` +
  `|(零点|零时|午夜))`;
const TIME_AT = new RegExp(`${LABEL}${TIME}${LABEL}`, 'uy');
const LABEL_AT = new RegExp(LABEL, 'uy');
const RANGE_SEP = new RegExp(`${S}(?:起至|起到|至|到|—{1,2}|-|~|–)${S}`, 'uy');
const DAY_ONLY = new RegExp(`(${N})${S}[日号]`, 'uy');

interface Clock {
  end: number;
  hour: number;
  minute: number;
  second: number;
}

function readTime(text: string, at: number): Clock | null {
  TIME_AT.lastIndex = at;
  const m = TIME_AT.exec(text);
  if (!m) return null;
  const [, period, hh, mm, ss, cnHour, cnMinute, cnSecond, half, zero] = m;
  let hour: number;
  let minute = 0;
  let second = 0;
  if (zero) {
    hour = zero === '午夜' ? 24 : 0;
  } else if (hh !== undefined) {
    hour = Number(hh);
    minute = Number(mm);
    second = ss === undefined ? 0 : Number(ss);
  } else {
    hour = parseNumeral(cnHour!);
    minute = half ? 30 : cnMinute === undefined ? 0 : parseNumeral(cnMinute);
    second = cnSecond === undefined ? 0 : parseNumeral(cnSecond);
  }
  // 下午3点 is 15:00, 晚上12点 is 24:00; 中午12点 stays 12:00 and 中午1点 is 13:00.
  if (period && /下午|傍晚|晚/.test(period) && hour < 12) hour += 12;
  else if (period && /晚/.test(period) && hour === 12) hour = 24;
  else if (period && /中午|正午/.test(period) && hour < 11) hour += 12;
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)) return null;
  // 24:00 is a real time in notices (the end of a day); anything past it is not.
  if (hour === 24 && (minute !== 0 || second !== 0)) return null;
  return { end: at + m[0].length, hour, minute, second };
}

function skipLabels(text: string, at: number): number {
  LABEL_AT.lastIndex = at;
  const m = LABEL_AT.exec(text);
  return m ? at + m[0].length : at;
}

function rawDates(text: string, published: WallTime): Raw[] {
  const all: Raw[] = [];
  for (const { form, re, read } of FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const got = read(m, published);
      if (got && Number.isInteger(got.month))
        all.push({ index: m.index, end: m.index + m[0].length, form, ...got });
    }
  }
  // Earliest first, longest first at the same offset; a match inside a kept one is dropped.
  all.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: Raw[] = [];
  for (const raw of all) {
    const last = kept[kept.length - 1];
    if (last && raw.index < last.end) continue;
    kept.push(raw);
  }
  return kept;
}

const monthDayKey = (month: number, day: number) => `${month}-${day}`;

/**
 * The year of a date written without one, and whether it is the text's own (a written day's, or
 * the date's before it): the year that puts it nearest the publish day, a day
 * before it counting twice a day after (notices announce what is coming, and look back only a
 * little: 原定于2月1日 in a notice of 2月10日). A day the same text also writes with its year
 * takes that year (a notice says 2023年2月8日 once and 2月8日 afterwards; a repost's publish day
 * may be a guess), unless that year lies a year back while the nearest lies close: 即將於12月31日
 * 終止 beside a statistic 較106年12月31日 is this December's.
 */
function resolveYear(
  month: number,
  day: number,
  published: WallTime,
  known: Map<string, number[]>,
  context: WallTime | null,
): { year: number; fromText: boolean } {
  const pub = dayNumber(published.year, published.month, published.day);
  const cost = (year: number) => {
    const d = dayNumber(
      year,
      month,
      day === 0 ? daysInMonth(year, month) : Math.min(day, daysInMonth(year, month)),
    );
    return d >= pub ? d - pub : 2 * (pub - d);
  };
  const nearest = (years: number[]) => years.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  const near = nearest([published.year - 1, published.year, published.year + 1]);
  const same = known.get(monthDayKey(month, day));
  if (same !== undefined) {
    const written = nearest(same);
    return { year: cost(written) > 2 * 300 && cost(near) < 180 ? near : written, fromText: true };
  }
  if (context === null) return { year: near, fromText: false };
  // The year of the date written before it (2014年10月31日起至…, 11月14日停止收件), or the next
  // when the day would fall before that date; unless that lies half a year before the publish day.
  const sameYear = dayNumber(
    context.year,
    month,
    Math.max(1, Math.min(day, daysInMonth(context.year, month))),
  );
  // (A day before the date written above it is in the next year only when that is also nearer the
  // publish day: a report's own dateline, 2016年11月2日, is followed by the 10月20日 it reports.)
  const year =
    sameYear < dayNumber(context.year, context.month, context.day) &&
    cost(context.year + 1) < cost(context.year)
      ? context.year + 1
      : context.year;
  return cost(year) > 2 * 180 ? { year: near, fromText: false } : { year, fromText: year !== near };
}

function wall(year: number, month: number, day: number, clock?: Clock): WallTime {
  return {
    year,
    month,
    day: day === 0 ? daysInMonth(year, month) : day,
    hour: clock?.hour ?? 0,
    minute: clock?.minute ?? 0,
    second: clock?.second ?? 0,
  };
}

const compareWall = (a: WallTime, b: WallTime) => wallToIso(a).localeCompare(wallToIso(b));

/**
 * Every date phrase in `text` (normalised), in order, with years resolved against `published`.
 * Never throws on any input; a phrase that is no real day (2月30日) is not a date.
 */
export function findDates(text: string, published: WallTime): DateMention[] {
  const raws = rawDates(text, published);
  const known = new Map<string, number[]>();
  for (const r of raws) {
    if ((r.form === 'ymd' || r.form === 'numeric') && r.year !== null)
      known.set(monthDayKey(r.month, r.day), [...(known.get(monthDayKey(r.month, r.day)) ?? []), r.year]);
  }
  const byIndex = new Map(raws.map((r) => [r.index, r]));
  const consumed = new Set<Raw>();
  const mentions: DateMention[] = [];
  /** The last date whose year the text wrote. */
  let context: WallTime | null = null;

  for (const r of raws) {
    if (consumed.has(r)) continue;
    let { year, month, day } = r;
    if (r.form === 'relative' && text.startsWith('次日', r.index)) {
      // 次日: the day after the date just before it (…24:00的次日, 3月1日及次日), or after the
      // publish day in 公告发布次日; anything else (到期次日) is no date we can know.
      const prev = mentions[mentions.length - 1];
      const gap = prev ? text.slice(prev.end, r.index) : '';
      if (prev && gap.length <= 6 && !/[。;\n]/u.test(gap)) {
        const next = addDays({ ...prev.at, hour: 0, minute: 0, second: 0 }, 1);
        ({ year, month, day } = next);
      } else if (!/(?:发布|公布|发出)(?:之|的)?$/u.test(text.slice(Math.max(0, r.index - 4), r.index))) {
        continue;
      }
    }
    // Written, or written for the same day elsewhere in the text.
    const resolved = year === null ? resolveYear(month, day, published, known, context) : null;
    const yearGiven = year !== null || resolved!.fromText;
    // A year the text writes in digits or numerals (去年9月 is the publish day's, not the text's).
    const written =
      year !== null &&
      r.form !== 'today' &&
      r.form !== 'relative' &&
      r.form !== 'day' &&
      !/^(?:今|本|明|次|去)/u.test(text.slice(r.index, r.end));
    year ??= resolved!.year;
    if (!validDay(year, month, day === 0 ? 1 : day)) continue;

    let end = r.end;
    let clock: Clock | null = null;
    if (r.form !== 'today' && r.form !== 'month') {
      clock = readTime(text, end);
      end = clock ? clock.end : skipLabels(text, end);
    }
    const at = wall(year, month, day, clock ?? undefined);

    let until: WallTime | undefined;
    RANGE_SEP.lastIndex = end;
    const sep = r.form === 'today' ? null : RANGE_SEP.exec(text);
    if (sep) {
      const after = end + sep[0].length;
      const second = byIndex.get(after);
      DAY_ONLY.lastIndex = after;
      const dayOnly = second ? null : DAY_ONLY.exec(text);
      if (second && second.form !== 'today' && second.form !== 'relative') {
        // 至2026年4月30日 / 至4月30日 (a year-less end follows the start's year, or the next one)
        const y2 = second.year ?? (second.month < month ? year + 1 : year);
        if (validDay(y2, second.month, second.day === 0 ? 1 : second.day)) {
          const t2 = readTime(text, second.end);
          until = wall(y2, second.month, second.day, t2 ?? undefined);
          end = t2 ? t2.end : second.end;
          consumed.add(second);
        }
      } else if (dayOnly) {
        // 3月1日至31日: the end shares the start's month.
        const d2 = parseNumeral(dayOnly[1]!);
        if (validDay(year, month, d2)) {
          const t2 = readTime(text, after + dayOnly[0].length);
          until = wall(year, month, d2, t2 ?? undefined);
          end = t2 ? t2.end : after + dayOnly[0].length;
        }
      } else if (clock) {
        // 10:00~18:00 on the same day.
        const t2 = readTime(text, after);
        if (t2) {
          until = wall(year, month, day, t2);
          end = t2.end;
        }
      }
    }
    if (until && compareWall(until, at) <= 0) until = undefined;

    if (written) context = at;
    mentions.push({
      index: r.index,
      end,
      dateEnd: r.end,
      form: r.form,
      at: normalizeWall(at),
      ...(until ? { until: normalizeWall(until) } : {}),
      yearGiven,
    });
  }
  return mentions;
}
