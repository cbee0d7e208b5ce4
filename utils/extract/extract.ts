// From announcement text to a structured result (issues 6 and 19): the grammar finds every date
// (dates.ts), the classifier decides which are milestones and of what (rules.ts), then products,
// replacements, the grandfather clause and the kind. Pure and browser-safe (the capture script
// runs it on the page a merchant reads): no Node APIs, the publish date is passed in, and every
// failure is a returned error, never a throw. Rules read a normalised copy of the text of the same
// length (normalize.ts), so offsets, phrases and names are cut from the text as given; a repost's
// reading glosses (發(fā)布) are cut first, and the offsets put back afterwards (withoutGlosses).
import * as v from 'valibot';
import type { Action } from '../notice/schema.ts';
import {
  daysInMonth,
  findDates,
  normalizeWall,
  parsePublished,
  wallToIso,
  type DateMention,
  type WallTime,
} from './dates.ts';
import { tableColumns } from './lists.ts';
import { GLOSS } from './text.ts';
import { normalizeText } from './normalize.ts';
import { detectKind, extractGrandfather, extractNames } from './products.ts';
import { actionsIn, classifyDate, mainAction, soonIn, thenAt, type Decision } from './rules.ts';
import { ExtractionSchema, type ExtractedDate, type ExtractedMilestone, type Extraction } from './schema.ts';
import { lineOf, lineStarts, sentenceSpans, spanAt, spanIndexAt, type Span } from './text.ts';

/** Larger input is refused: announcements are a few kilobytes, and the CLI reads it whole. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type ExtractResult = { ok: true; value: Extraction } | { ok: false; error: string };

const MAX_PHRASE = 300;

interface Planned {
  mention: DateMention;
  actions: Action[];
  sentence: Span;
  /** Where the sentence naming the product is: the date, or the 届时 sentence that named the action. */
  productAt: number;
  /** Set when no words of its own say what happens (将于3月1日…): the notice's main action. */
  assumed?: true;
}

/** The nearest non-empty line above the date's line, when the date is near its line's start. */
function lineAbove(text: string, index: number): string {
  // Bounded look-back: a text of one long line must not cost a scan to its start per date.
  const from = Math.max(0, index - 40);
  const near = text.slice(from, index).lastIndexOf('\n');
  if (near === -1) return '';
  let end = from + near;
  for (let tries = 0; end > 0 && tries < 3; tries++) {
    const windowStart = Math.max(0, end - 200);
    const start = windowStart + text.slice(windowStart, end).lastIndexOf('\n') + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') return line;
    end = start - 1;
  }
  return '';
}

/**
 * The text before `index` on its line, when the line starts within 40 characters; undefined
 * deeper in a line (bounded: a text of one long line must not cost a scan to its start per date).
 */
function linePrefix(text: string, index: number): string | undefined {
  const from = Math.max(0, index - 40);
  const near = text.slice(from, index).lastIndexOf('\n');
  if (near !== -1) return text.slice(from + near + 1, index);
  return from === 0 ? text.slice(0, index) : undefined;
}

/** A 届时 ("at that time") sentence following a date that named no action itself. */
function atThatTime(
  text: string,
  sentences: Span[],
  from: Span,
): { actions: Action[]; index: number } | null {
  const i = spanIndexAt(sentences, from.start);
  if (i === -1) return null;
  for (const s of sentences.slice(i, i + 3)) {
    const at = thenAt(text.slice(s.start, s.end));
    if (at !== -1)
      return { actions: actionsIn(text.slice(s.start + at, s.end)).actions, index: s.start + at };
  }
  return null;
}

/** The sentence around `at`, cut to a window around it when the sentence is long. */
function phraseOf(original: string, sentence: Span, at = sentence.start): string {
  const half = MAX_PHRASE / 2;
  const start =
    sentence.end - sentence.start <= MAX_PHRASE ? sentence.start : Math.max(sentence.start, at - half);
  const end = Math.min(sentence.end, start + MAX_PHRASE);
  const phrase = original.slice(start, end).trim();
  return `${start > sentence.start ? '…' : ''}${phrase}${end < sentence.end ? '…' : ''}`;
}

// Two dates joined by 和/及/、 share what is said before the first and after the second:
// 将于3月1日和3月15日分两批下线.
// So do the ends of a range the grammar read as two dates (即日起至3月31日止,旧版仍可使用).
const JOINED = /^\s*(?:和|及|以及|与|、|或|,|起?(?:至|到))\s*$/u;

/** The text around each date, each bounded by its neighbours and its sentence. */
function contexts(text: string, mentions: DateMention[], sentences: Span[]) {
  const windows = mentions.map((m, i) => {
    const sentence = spanAt(sentences, m.index) ?? { start: m.index, end: m.end };
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const beforeStart = prev && prev.end > sentence.start ? prev.end : sentence.start;
    const afterEnd = next && next.index < sentence.end ? next.index : sentence.end;
    let after = text.slice(m.end, Math.max(m.end, afterEnd));
    // In a table row the date's cell ends at the next |: the 详细资料 cell is not about it.
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (text.slice(lineStart, m.index).includes('|') || /^\s*\|/u.test(after)) {
      const bar = after.indexOf('|');
      if (bar !== -1) after = after.slice(0, bar);
    }
    return { sentence, before: text.slice(beforeStart, m.index), after };
  });
  for (let i = windows.length - 2; i >= 0; i--) {
    if (JOINED.test(windows[i]!.after)) windows[i]!.after = windows[i + 1]!.after;
  }
  for (let i = 1; i < windows.length; i++) {
    if (JOINED.test(windows[i]!.before)) windows[i]!.before = windows[i - 1]!.before;
  }
  return windows;
}

/** Rows that say something stops for good, as against maintenance ending. */
const STOP_RULES = new Set([
  'action:retire',
  'action:ends',
  'action:no-new-orders',
  'action:authorization-ends',
]);

interface Plan {
  /** The mentions, a year moved forward where the text says they are to come. */
  mentions: DateMention[];
  planned: Planned[];
  previous: Map<Planned, string>;
  decisions: { milestone: boolean; rules: string[] }[];
}

const dayCount = (w: WallTime) => Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;

/** Whether `w` falls on a day before the publish day. */
const beforeDay = (w: WallTime, p: WallTime) =>
  w.year * 10000 + w.month * 100 + w.day < p.year * 10000 + p.month * 100 + p.day;

/**
 * A year-less date the grammar placed before the publish day, which the text says is still to
 * come (将于12月底…, in a notice of February): the next year's. A day only a fortnight back stays:
 * a page that repeats a notice a few days late (将于12月23日关闭, answered on 12月26日) is dated
 * after the fact, and a year on is the worse guess.
 */
function forward(m: DateMention, rules: string[], published: WallTime): DateMention {
  if (m.yearGiven || !beforeDay(m.at, published) || dayCount(published) - dayCount(m.at) <= 14) return m;
  if (!rules.some((r) => /^(?:future|start|deadline):/u.test(r)) || rules.some((r) => r.startsWith('past:')))
    return m;
  const next = (w: WallTime) =>
    normalizeWall({ ...w, year: w.year + 1, day: Math.min(w.day, daysInMonth(w.year + 1, w.month)) });
  return { ...m, at: next(m.at), ...(m.until ? { until: next(m.until) } : {}) };
}

function plan(text: string, found: DateMention[], sentences: Span[], published: WallTime): Plan {
  const mentions = [...found];
  const planned: Planned[] = [];
  const previous = new Map<Planned, string>();
  const decisions: Plan['decisions'] = [];
  let pendingPrevious: string | null = null;
  const main = mainAction(text);
  // The header of a date's column when it sits in a pipe table (| 变更 | 生效日期 |): the header
  // labels every date below it.
  const inTable = tableColumns(text.split('\n'));
  const starts = lineStarts(text);
  const columnOf = (index: number) => {
    const line = lineOf(starts, index);
    return inTable(line, index - starts[line]!);
  };
  const windows = contexts(text, mentions, sentences);
  mentions.forEach((mention, i) => {
    let m = mention;
    const { sentence, before, after } = windows[i]!;
    const decision: Decision = classifyDate({
      before,
      after,
      lineAbove: lineAbove(text, m.index),
      ...columnOf(m.index),
      age: dayCount(published) - dayCount(m.at),
      phrase: text.slice(m.index, m.dateEnd),
      ...(text.length - m.end <= 80 ? { tail: text.slice(m.end) } : {}),
      linePrefix: linePrefix(text, m.index),
    });
    const record = { milestone: false, rules: decision.rules };
    decisions.push(record);
    m = mentions[i] = forward(m, decision.rules, published);
    if (decision.role === 'none') return;
    if (decision.role === 'previous') {
      pendingPrevious = wallToIso(m.at);
      return;
    }
    let actions: Action[] = [];
    let productAt = m.index;
    let assumed = false;
    if (decision.role === 'milestone') {
      actions = decision.actions;
    } else {
      const then = atThatTime(text, sentences, sentence);
      if (then && then.actions.length > 0) {
        actions = then.actions;
        productAt = then.index;
        record.rules = [...record.rules, 'then:届时'];
      } else if (decision.label !== null) {
        const fromLabel = actionsIn(decision.label).actions.filter((a) => a !== 'migrate');
        actions = fromLabel.length > 0 ? fromLabel : [main];
      } else if (decision.rules.some((r) => r.startsWith('start:') || r.startsWith('deadline:'))) {
        // A change starts at the date, or something is due by it, and no verb says what: the
        // notice's main action (自2026年3月1日起,平台将对…进行调整).
        actions = [main];
      } else if (decision.rules.some((r) => r.startsWith('future:'))) {
        // Something is to happen at the date (Pi 拍錢包將於 2025 年 12 月 1 日更新「Autopass 快速通」,
        // 邮递服务将于明日起恢复) and no verb of the table says what: the notice's main action, but
        // the sentence names nothing that retires.
        actions = [main];
        assumed = true;
      }
    }
    if (actions.length === 0) {
      record.rules = [...record.rules, 'no-action'];
      return;
    }
    record.milestone = true;
    const entry: Planned = { mention: m, actions, sentence, productAt, ...(assumed ? { assumed } : {}) };
    planned.push(entry);
    if (pendingPrevious !== null && actions.some((a) => a !== 'migrate')) {
      previous.set(entry, pendingPrevious);
      pendingPrevious = null;
    }
  });
  // The end of maintenance beside a later stop is a step on the way, not a milestone (README).
  const stops = planned.filter((p) => decisionOf(p).rules.some((r) => STOP_RULES.has(r)));
  const kept = planned.filter((p) => {
    const record = decisionOf(p);
    const maintenanceOnly =
      record.rules.includes('action:maintenance-ends') && !record.rules.some((r) => STOP_RULES.has(r));
    if (!maintenanceOnly || !stops.some((q) => wallToIso(q.mention.at) > wallToIso(p.mention.at)))
      return true;
    record.milestone = false;
    record.rules = [...record.rules, 'not:maintenance-before-stop'];
    return false;
  });
  // A day whose action is only the notice's main one (将于3月1日进行升级) stands in for a schedule
  // the text does not give; beside days whose own words say what happens, it is none.
  if (kept.some((p) => !p.assumed)) {
    for (const p of kept.filter((q) => q.assumed)) {
      const record = decisionOf(p);
      record.milestone = false;
      record.rules = [...record.rules, 'not:assumed-beside-named'];
    }
    return { mentions, planned: kept.filter((p) => !p.assumed), previous, decisions };
  }
  return { mentions, planned: kept, previous, decisions };

  function decisionOf(p: Planned) {
    return decisions[mentions.findIndex((m) => m.index === p.mention.index)]!;
  }
}

function productFor(products: string[], phrase: string): string | undefined {
  if (products.length === 1) return products[0];
  const named = products.filter((p) => phrase.includes(p));
  return named.length === 1 ? named[0] : undefined;
}

/** A name found in the normalised text, as the original writes it (繁體 stays 繁體). */
function asWritten(original: string, text: string, name: string): string {
  const at = text.indexOf(name);
  return at === -1 ? name : original.slice(at, at + name.length);
}

/**
 * The text without a repost's reading glosses (發(fā)布 is 發布 to every rule), and where each of
 * its characters stands in the text as given; null when it has none.
 */
function withoutGlosses(text: string): { plain: string; at: (i: number) => number } | null {
  // At plain offset cuts[k], the characters after it stand shifts[k] further on in the text.
  const cuts: number[] = [];
  const shifts: number[] = [];
  let plain = '';
  let from = 0;
  for (const m of text.matchAll(GLOSS)) {
    plain += text.slice(from, m.index);
    from = m.index + m[0].length;
    cuts.push(plain.length);
    shifts.push(from - plain.length);
  }
  if (cuts.length === 0) return null;
  plain += text.slice(from);
  const at = (i: number) => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    return i + (lo === 0 ? 0 : shifts[lo - 1]!);
  };
  return { plain, at };
}

/** An extraction from the gloss-free text, its offsets and date phrases put back into the text as given. */
function placed(value: Extraction, original: string, at: (i: number) => number): Extraction {
  // An end is one past its last character: a gloss after that character stays outside.
  const span = (start: number, end: number) => ({ start: at(start), end: at(end - 1) + 1 });
  return {
    ...value,
    dates: value.dates.map((d) => {
      const where = span(d.start, d.end);
      return { ...d, ...where, text: original.slice(where.start, where.end) };
    }),
    milestones: value.milestones.map((m) =>
      m.start === undefined || m.end === undefined ? m : { ...m, ...span(m.start, m.end) },
    ),
  };
}

function extractUnchecked(original: string, publishedDay: string): Extraction {
  const published = parsePublished(publishedDay)!;
  const text = normalizeText(original);
  const sentences = sentenceSpans(text);
  const { mentions, planned, previous, decisions } = plan(
    text,
    findDates(text, published),
    sentences,
    published,
  );

  const kind = detectKind(
    text,
    planned.flatMap((p) => p.actions),
  );
  const names = extractNames(
    text,
    planned.map((p) => ({
      index: p.productAt,
      retires: !p.assumed && p.actions.some((a) => a === 'retire' || a === 'no-new-orders'),
    })),
    // A version written as a date (2021-01-01 版本 API) is part of a name, not a date to drop.
    mentions
      .filter((_, i) => !decisions[i]!.rules.some((r) => r.startsWith('not:version')))
      .map((m) => ({ start: m.index, end: m.end })),
    kind,
  );
  const written = (name: string) => asWritten(original, text, name).slice(0, 200);
  const products = names.products.map(written);

  const milestones: ExtractedMilestone[] = [];
  const seen = new Set<string>();
  const add = (m: ExtractedMilestone) => {
    const key = `${m.action}|${m.at}|${m.product ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    milestones.push(m);
  };
  for (const p of planned) {
    const phrase = phraseOf(original, p.sentence, p.mention.index);
    const product = productFor(products, phrase);
    const prev = previous.get(p);
    const span = { start: p.mention.index, end: p.mention.end };
    for (const action of p.actions) {
      add({
        ...(product ? { product } : {}),
        action,
        at: wallToIso(p.mention.at),
        ...(prev && action !== 'migrate' ? { previous: prev } : {}),
        text: phrase,
        ...span,
      });
      // A range: the start is the cutoff, and the end is when the change completes.
      if (p.mention.until) {
        add({
          ...(product ? { product } : {}),
          action,
          at: wallToIso(p.mention.until),
          text: phrase,
          ...span,
        });
      }
    }
  }
  if (milestones.length === 0 && kind !== 'policy' && kind !== 'info') {
    const soon = sentences.find((s) => soonIn(text.slice(s.start, s.end)));
    if (soon) {
      const phrase = phraseOf(original, soon);
      const product = productFor(products, phrase);
      // Announced without a date: the milestone exists, its date is unknown, and none is invented.
      milestones.push({ ...(product ? { product } : {}), action: 'retire', at: null, text: phrase });
    }
  }
  milestones.sort((a, b) => (a.at ?? '9999').localeCompare(b.at ?? '9999'));

  const dates: ExtractedDate[] = mentions.map((m, i) => ({
    start: m.index,
    end: m.end,
    text: original.slice(m.index, m.end),
    at: wallToIso(m.at),
    ...(m.until ? { until: wallToIso(m.until) } : {}),
    milestone: decisions[i]!.milestone,
    rules: decisions[i]!.rules,
  }));

  const grandfather = extractGrandfather(text);
  return {
    kind,
    products,
    // A replacement replaces what retires: with nothing named retiring (a notice of a rule or of
    // news names none) there is none, whatever follows 使用 (商家可在后台查看).
    replacements: products.length > 0 ? names.replacements.map(written) : [],
    grandfather: grandfather === null ? null : asWritten(original, text, grandfather),
    milestones,
    dates,
  };
}

/**
 * Extracts a notice's structure from its text. `published` is the publish day, YYYY-MM-DD in
 * Beijing; it resolves dates written without a year and 即日起.
 */
export function extractAnnouncement(text: string, published: string): ExtractResult {
  if (parsePublished(published) === null) {
    return {
      ok: false,
      error: `--published must be a real day as YYYY-MM-DD, got ${JSON.stringify(published)}`,
    };
  }
  if (typeof text !== 'string' || text.trim() === '')
    return { ok: false, error: 'the announcement text is empty' };
  if (text.length > MAX_INPUT_BYTES)
    return { ok: false, error: 'the announcement text is longer than 1 MiB' };
  let value: Extraction;
  try {
    const glossed = withoutGlosses(text);
    value = glossed
      ? placed(extractUnchecked(glossed.plain, published), text, glossed.at)
      : extractUnchecked(text, published);
  } catch (error) {
    // A heuristic failing on odd input must not crash the caller (the extension runs this on pages).
    return {
      ok: false,
      error: `could not extract: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const checked = v.safeParse(ExtractionSchema, value);
  if (!checked.success) {
    return {
      ok: false,
      error: `internal: extracted result failed validation: ${checked.issues[0]?.message ?? ''}`,
    };
  }
  return { ok: true, value: checked.output };
}

/** The earliest day something happens (migration deadlines aside): what "cutoff" means in tests and UI. */
export function cutoffDay(extraction: Extraction): string | null {
  const dated = extraction.milestones.filter((m) => m.at !== null);
  const primary = dated.filter((m) => m.action !== 'migrate');
  const pool = primary.length > 0 ? primary : dated;
  const first = pool.map((m) => m.at!).sort()[0];
  return first ? first.slice(0, 10) : null;
}
