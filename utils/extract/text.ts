// Sentence and clause spans, shared by the classifier's windows and the product finder.

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentences: runs between 。 ; ! ? and line breaks (after folding, so ；！？ are covered). An
 * ASCII ! or ? followed by a letter, digit or = & % / is part of a URL, not a sentence end.
 */
export function sentenceSpans(text: string): Span[] {
  return spans(text, /[。;\n]|[!?](?![A-Za-z0-9_=&%/])/gu);
}

/** Clauses inside a range: runs between commas (and the sentence marks). */
export function clauseSpans(text: string, within: Span): Span[] {
  return spans(text.slice(within.start, within.end), /[,。;\n]|[!?](?![A-Za-z0-9_=&%/])/gu).map((s) => ({
    start: s.start + within.start,
    end: s.end + within.start,
  }));
}

function spans(text: string, separator: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  separator.lastIndex = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The index of the span holding `offset` (spans sorted and disjoint), or -1. */
export function spanIndexAt(spansList: Span[], offset: number): number {
  let lo = 0;
  let hi = spansList.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spansList[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The span holding `offset` (spans sorted and disjoint, as sentenceSpans returns them). */
export function spanAt(spansList: Span[], offset: number): Span | undefined {
  return spansList[spanIndexAt(spansList, offset)];
}

/** Trims whitespace and a leading list marker (•, ●, 1., 一、, 1)). */
export function cleanPiece(text: string): string {
  return text
    .trim()
    .replace(/^(?:[•●·▪◦*]|\d{1,2}[.)、]|[一二三四五六七八九十]{1,2}、|\(\d{1,2}\))\s*/u, '')
    .trim();
}

/** Where each line of a text starts. */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The line an offset falls on, given lineStarts. */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A reading gloss a repost adds after a character (中(zhōng)國): cut before any rule reads the text. */
export const GLOSS = /\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\)/gu;
