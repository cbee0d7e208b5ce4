// From announcement text to a structured result (issue 6): dates become milestones by their
// cue words, then products, replacements, the grandfather clause and the kind. Pure and
// browser-safe (the extension may run it on the page a merchant reads): no Node APIs, the
// publish date is passed in, and every failure is a returned error, never a throw.
import * as v from 'valibot';
import type { Action } from '../notice/schema.ts';
import { actionsIn, classifyDate, mainAction } from './cues.ts';
import { findDates, parsePublished, wallToIso, type DateMention } from './dates.ts';
import { detectKind, extractGrandfather, extractProducts, extractReplacements } from './products.ts';
import { ExtractionSchema, type ExtractedMilestone, type Extraction } from './schema.ts';
import { foldWidth, sentenceSpans, spanAt, spanIndexAt, type Span } from './text.ts';

/** Larger input is refused: announcements are a few kilobytes, and the CLI reads it whole. */
export const MAX_INPUT_BYTES = 1024 * 1024;

export type ExtractResult = { ok: true; value: Extraction } | { ok: false; error: string };

const MAX_PHRASE = 300;
const SOON_WITHOUT_DATE =
  /即将(?:正式)?(?:下线|停止|关闭|下架|停售|退市)|将(?:陆续|逐步)?(?:下线|停售|下架)/u;

interface Planned {
  mention: DateMention;
  actions: Action[];
  sentence: Span;
  /** Where the sentence naming the product is: the date, or the 届时 sentence that named the action. */
  productAt: number;
}

/** The nearest non-empty line above the date's line, when the date is near its line's start. */
function lineAbove(text: string, index: number): string {
  // Bounded look-back: a text of one long line must not cost a scan to its start per date.
  const from = Math.max(0, index - 40);
  const near = text.slice(from, index).lastIndexOf('\n');
  if (near === -1) return '';
  const newline = from + near;
  let end = newline;
  for (let tries = 0; end > 0 && tries < 3; tries++) {
    const windowStart = Math.max(0, end - 200);
    const start = windowStart + text.slice(windowStart, end).lastIndexOf('\n') + 1;
    const line = text.slice(start, end).trim();
    if (line !== '') return line;
    end = start - 1;
  }
  return '';
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
    const at = text.slice(s.start, s.end).indexOf('届时');
    if (at !== -1) return { actions: actionsIn(text.slice(s.start + at, s.end)), index: s.start + at };
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

function plan(
  text: string,
  mentions: DateMention[],
  sentences: Span[],
): { planned: Planned[]; previous: Map<Planned, string> } {
  const planned: Planned[] = [];
  const previous = new Map<Planned, string>();
  let pendingPrevious: string | null = null;
  const main = mainAction(text);
  mentions.forEach((m, i) => {
    const sentence = spanAt(sentences, m.index) ?? { start: m.index, end: m.end };
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const beforeStart = prev && prev.end > sentence.start ? prev.end : sentence.start;
    const afterEnd = next && next.index < sentence.end ? next.index : sentence.end;
    const role = classifyDate({
      before: text.slice(beforeStart, m.index),
      after: text.slice(m.end, Math.max(m.end, afterEnd)),
      lineAbove: lineAbove(text, m.index),
      phrase: text.slice(m.index, m.dateEnd),
    });
    if (role.role === 'none') return;
    if (role.role === 'previous') {
      pendingPrevious = wallToIso(m.start);
      return;
    }
    let actions: Action[] = [];
    let productAt = m.index;
    if (role.role === 'milestone') {
      actions = role.actions;
    } else {
      const then = atThatTime(text, sentences, sentence);
      if (then && then.actions.length > 0) {
        actions = then.actions;
        productAt = then.index;
      }
    }
    if (actions.length === 0 && role.role === 'scheduled' && role.label !== null) {
      const fromLabel = actionsIn(role.label).filter((a) => a !== 'migrate');
      actions = fromLabel.length > 0 ? fromLabel : [main];
    }
    if (actions.length === 0) return;
    const entry = { mention: m, actions, sentence, productAt };
    planned.push(entry);
    if (pendingPrevious !== null && actions.some((a) => a !== 'migrate')) {
      previous.set(entry, pendingPrevious);
      pendingPrevious = null;
    }
  });
  return { planned, previous };
}

function productFor(products: string[], phrase: string): string | undefined {
  if (products.length === 1) return products[0];
  const named = products.filter((p) => phrase.includes(p));
  return named.length === 1 ? named[0] : undefined;
}

function extractUnchecked(original: string, publishedDay: string): Extraction {
  const published = parsePublished(publishedDay)!;
  const text = foldWidth(original);
  const sentences = sentenceSpans(text);
  const mentions = findDates(text, published);
  const { planned, previous } = plan(text, mentions, sentences);

  const kind = detectKind(
    text,
    planned.flatMap((p) => p.actions),
  );
  const products = extractProducts(
    text,
    planned.map((p) => ({
      index: p.productAt,
      retires: p.actions.some((a) => a === 'retire' || a === 'no-new-orders'),
    })),
    kind,
  ).map((name) => name.slice(0, 200));

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
    for (const action of p.actions) {
      add({
        ...(product ? { product } : {}),
        action,
        at: wallToIso(p.mention.start),
        ...(prev && action !== 'migrate' ? { previous: prev } : {}),
        text: phrase,
      });
      // A range: the start is the cutoff, and the end is when the change completes.
      if (p.mention.rangeEnd) {
        add({ ...(product ? { product } : {}), action, at: wallToIso(p.mention.rangeEnd), text: phrase });
      }
    }
  }
  if (milestones.length === 0 && kind !== 'policy' && kind !== 'info') {
    const soon = sentences.find((s) => SOON_WITHOUT_DATE.test(text.slice(s.start, s.end)));
    if (soon) {
      const phrase = phraseOf(original, soon);
      const product = productFor(products, phrase);
      // Announced without a date: the milestone exists, its date is unknown, and none is invented.
      milestones.push({ ...(product ? { product } : {}), action: 'retire', at: null, text: phrase });
    }
  }
  milestones.sort((a, b) => (a.at ?? '9999').localeCompare(b.at ?? '9999'));

  return {
    kind,
    products,
    replacements: extractReplacements(text).map((name) => name.slice(0, 200)),
    grandfather: extractGrandfather(original),
    milestones,
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
    value = extractUnchecked(text, published);
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
