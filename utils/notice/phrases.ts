// The words for what happens to a product, per action and state, written for each language
// (issue 18, item 2). Not one template with slots: 「$1 即将$2」 gave 「数字营销用户资格 即将新规生效」
// and 「停止新订购 已停止新订购」. Each action has its own phrase ahead, today and once passed; the
// ways phrases are combined (a date, a product, a list) are the language's grammar, below.
// The phrases themselves are UI text, in locales/<lang>/common.json (`action_<action>_<slot>`),
// so the content script is sent them in one language with its other words (issue 16 item 7);
// the grammar is code, because English needs Intl (plurals, lists, dates) and both languages
// need a word order of their own. It is chosen by the translator's language (`t.lang`).
import type { Lang, Translate } from '../i18n/catalog.ts';
import { LOCALE_TAG, pluralOf } from '../i18n/catalog.ts';
import type { Action } from './schema.ts';

/**
 * Where a milestone stands: still ahead; passed earlier today (Beijing date: 「今天起停止新订购」);
 * passed before today. A milestone later today is `ahead` (「即将下线」 beside 「今天 11:43」).
 */
export const STATES = ['ahead', 'today', 'passed'] as const;
export type State = (typeof STATES)[number];

/**
 * The slots each action is written in (locales/<lang>/common.json): `name` beside its date
 * (停止新订购: 12月5日停止新订购 · new orders stop: … on Dec 5), still to come (即将停止新订购 · new
 * orders stop soon), earlier today (今天起停止新订购 · no new orders from today), done (已停止新订购
 * · no longer orderable), announced without a date (停止新订购的日期待定).
 */
export const SLOTS = ['name', ...STATES, 'undated'] as const;
export type Slot = (typeof SLOTS)[number];

/** An action's phrase in one slot: 「即将停止新订购」 (message `action_no_new_orders_ahead`). */
export function actionWord(t: Translate, action: Action, slot: Slot): string {
  return t(`action_${action.replace(/-/g, '_')}${slot === 'name' ? '' : `_${slot}`}`);
}

/** 2 for 「剩 2 天」: a number and its unit, in one language. */
type Unit = 'day' | 'hour' | 'minute';

interface LanguageWords {
  unit(unit: Unit, n: number): string;
  /** 「剩 3 天 5 小时」 from 「3 天」「5 小时」. */
  left(parts: string[]): string;
  underAMinute: string;
  today: string;
  tomorrow: string;
  /** 「12月5日」 / 「2027年1月5日」 · "Dec 5" / "Jan 5, 2027". */
  date(p: DateParts, withYear: boolean): string;
  /** 「2026年12月5日 09:41」 · "Dec 5, 2026, 09:41". */
  dateTime(p: DateParts): string;
  /** 「今天 11:43」 · "today, 11:43" (alone) or "today at 11:43" (in a sentence). */
  relTime(rel: string, time: string, inSentence: boolean): string;
  /** A calendar date inside a sentence: "on Dec 5"; Chinese needs no word. */
  on(date: string): string;
  beijing(when: string): string;
  /** 「12月5日停止新订购」 · "new orders stop on Dec 5" (`when` already said for a sentence). */
  dated(when: string, names: string[]): string;
  /** 「跨境专供解决方案 已停止新订购」 · "跨境专供解决方案: no longer orderable". */
  titled(product: string, phrase: string): string;
  /**
   * Which of several actions still ahead says "soon", once for all of them: 即将 leads a Chinese
   * list (「即将停止新订购、历史方案不可查看」, not 「…、历史方案即将不可查看」); "soon" ends an English one.
   */
  soonOnce: 'first' | 'last';
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A date as said in a short phrase: relative (今天 11:43) or a calendar date (12月5日). */
export interface When {
  rel?: 'today' | 'tomorrow';
  /** HH:MM, with rel. */
  time: string;
  parts: DateParts;
  withYear: boolean;
}

// No break inside a countdown or between 今天 and its time (issue 18, item 1): the spaces are
// no-break spaces; HTML surfaces also put the countdown in a nowrap element, since Chinese may
// break between any two characters.
const NBSP = '\u00a0';
const two = (n: number) => String(n).padStart(2, '0');
/** 「09:41」: a wall-clock time, as every date in words shows it. */
export const hhmm = (p: Pick<DateParts, 'hour' | 'minute'>) => `${two(p.hour)}:${two(p.minute)}`;

/** One spacing rule for Chinese: a space between a digit or Latin letter and a Chinese character. */
function zhJoin(a: string, b: string): string {
  if (!a || !b) return a + b;
  const edge = /[0-9A-Za-z]$/.test(a) || /^[0-9A-Za-z]/.test(b);
  return edge ? `${a} ${b}` : a + b;
}

const ZH: LanguageWords = {
  unit: (unit, n) => `${n}${NBSP}${{ day: '天', hour: '小时', minute: '分钟' }[unit]}`,
  left: (parts) => `剩${NBSP}${parts.join(NBSP)}`,
  underAMinute: `不到${NBSP}1${NBSP}分钟`,
  today: '今天',
  tomorrow: '明天',
  date: (p, withYear) => `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日`,
  dateTime: (p) => `${p.year}年${p.month}月${p.day}日${NBSP}${hhmm(p)}`,
  relTime: (rel, time) => `${rel}${NBSP}${time}`,
  on: (date) => date,
  beijing: (when) => `${when}（北京时间）`,
  dated: (when, names) => zhJoin(when, names.join('、')),
  titled: (product, phrase) => `${product} ${phrase}`,
  soonOnce: 'first',
};

const EN_UNITS: Record<Unit, [one: string, other: string]> = {
  day: ['day', 'days'],
  hour: ['hour', 'hours'],
  minute: ['minute', 'minutes'],
};

function enFormat(options: Intl.DateTimeFormatOptions): (p: DateParts) => string {
  // Made on first use, not at load: the content script loads this module on every backend page.
  let format: Intl.DateTimeFormat | undefined;
  // The parts are already Beijing wall-clock time: format them as UTC so no zone shifts them.
  return (p) =>
    (format ??= new Intl.DateTimeFormat(LOCALE_TAG.en, { ...options, timeZone: 'UTC' })).format(
      Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute),
    );
}
const enDate = enFormat({ month: 'short', day: 'numeric' });
const enDateYear = enFormat({ month: 'short', day: 'numeric', year: 'numeric' });
const enDateTime = enFormat({
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const EN: LanguageWords = {
  unit: (unit, n) => `${n}${NBSP}${EN_UNITS[unit][pluralOf('en', n) === 'one' ? 0 : 1]}`,
  left: (parts) => `${parts.join(NBSP)}${NBSP}left`,
  underAMinute: `under${NBSP}a${NBSP}minute${NBSP}left`,
  today: 'today',
  tomorrow: 'tomorrow',
  date: (p, withYear) => (withYear ? enDateYear(p) : enDate(p)),
  dateTime: enDateTime,
  relTime: (rel, time, inSentence) => (inSentence ? `${rel} at${NBSP}${time}` : `${rel},${NBSP}${time}`),
  on: (date) => `on ${date}`,
  beijing: (when) => `${when} Beijing time`,
  dated: (when, names) => `${listOf('en', names)} ${when}`,
  titled: (product, phrase) => `${product}: ${phrase}`,
  soonOnce: 'last',
};

const WORDS: Record<Lang, LanguageWords> = { zh_CN: ZH, en: EN };

/** The phrase tables of the translator's language (tests walk them; surfaces use the functions). */
export function wordsOf(t: Translate | Lang): LanguageWords {
  return WORDS[langOf(t)];
}

function langOf(t: Translate | Lang): Lang {
  return typeof t === 'string' ? t : (t.lang ?? 'zh_CN');
}

/**
 * A date in words. Short: 「今天 11:43」「明天 09:00」「12月5日」 · "today, 11:43", "Dec 5". Long
 * adds the time and says Beijing time: 「2026年12月5日 09:41（北京时间）」 · "Dec 5, 2026, 09:41
 * Beijing time". In a sentence English says "on Dec 5", "today at 11:43".
 */
export function whenText(
  words: LanguageWords,
  when: When,
  {
    long = false,
    sentence = false,
    zone = long,
  }: { long?: boolean; sentence?: boolean; zone?: boolean } = {},
): string {
  let text: string;
  if (when.rel)
    text = words.relTime(when.rel === 'today' ? words.today : words.tomorrow, when.time, sentence);
  else {
    text = long ? words.dateTime(when.parts) : words.date(when.parts, when.withYear);
    if (sentence) text = words.on(text);
  }
  return zone ? words.beijing(text) : text;
}

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(lang: Lang, type: Intl.ListFormatType): Intl.ListFormat {
  const key = `${lang}:${type}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(LOCALE_TAG[lang], { type })));
  return format;
}

/** 「A、B、C」 · "A, B, and C" (or "A, B, or C" for choices such as replacements). */
export function listOf(
  t: Translate | Lang,
  items: readonly string[],
  type: Intl.ListFormatType = 'conjunction',
): string {
  const lang = langOf(t);
  return lang === 'zh_CN' ? items.join('、') : listFormat(lang, type).format(items);
}

/**
 * The separators to put between `n` items rendered as elements (links): 「、」 in Chinese,
 * ", " and " or " in English. Element i is preceded by separators[i] ('' for the first).
 */
export function listSeparators(
  t: Translate | Lang,
  n: number,
  type: Intl.ListFormatType = 'conjunction',
): string[] {
  const lang = langOf(t);
  if (lang === 'zh_CN') return Array.from({ length: n }, (_, i) => (i ? '、' : ''));
  const separators: string[] = [];
  let pending = '';
  for (const part of listFormat(lang, type).formatToParts(Array<string>(n).fill('x'))) {
    if (part.type === 'literal') pending += part.value;
    else {
      separators.push(pending);
      pending = '';
    }
  }
  return separators;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The actions in one state, merged: 「已停止新订购、历史方案已不可查看」 · "no longer orderable and past plans hidden". */
export function actionsPhrase(t: Translate, actions: readonly Action[], state: State | 'undated'): string {
  const list = unique(actions);
  const soon = wordsOf(t).soonOnce === 'first' ? 0 : list.length - 1;
  return listOf(
    t,
    list.map((a, i) => actionWord(t, a, state === 'ahead' && i !== soon ? 'name' : state)),
  );
}

/**
 * The actions beside their date: 「12月5日停止新订购、历史方案不可查看」 · "new orders stop and past
 * plans are hidden on Dec 5"; `long`: 「2026年12月5日 09:41（北京时间）下线」.
 */
export function datedPhrase(t: Translate, actions: readonly Action[], when: When, long = false): string {
  const words = wordsOf(t);
  return words.dated(
    whenText(words, when, { long, sentence: true }),
    unique(actions).map((a) => actionWord(t, a, 'name')),
  );
}

/** The action names alone, merged: 「停止新订购、历史方案不可查看」 · "new orders stop and past plans are hidden". */
export function actionNames(t: Translate, actions: readonly Action[]): string {
  return listOf(
    t,
    unique(actions).map((a) => actionWord(t, a, 'name')),
  );
}

/** A phrase about a product: 「跨境专供解决方案 已停止新订购」 · "跨境专供解决方案: no longer orderable". */
export function titled(t: Translate | Lang, product: string, phrase: string): string {
  return wordsOf(t).titled(product, phrase);
}

/** Capitalizes an English phrase that starts a line ("No longer orderable · …"); Chinese is unchanged. */
export function sentenceStart(t: Translate | Lang, phrase: string): string {
  return langOf(t) === 'en' ? capitalize(phrase) : phrase;
}

/** The separator between the parts of one status line, in both languages. */
export const PART_SEP = ' · ';
