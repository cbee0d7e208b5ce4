// Reading an announcement page (issue 19 item 3): which element holds the article, its text with
// line breaks where the page breaks lines, its title and the day it was published. Pure: the
// document is passed in, nothing is changed, and nothing depends on a class name (backend-notes.md:
// rely on page text, not on brittle class names): rule.1688.com is not described anywhere we
// could read, and it is a page other people redesign.
//
// The article is found by where the text is. Starting from <body>, the reader steps into the
// child element that holds most (70%) of the current element's text, counting no link text
// (menus, breadcrumbs, "related" lists and footers are mostly links) and nothing in nav, header,
// footer, aside or form; it stops at an element whose text is spread over several children (the
// article's paragraphs), or at a paragraph-level element (p, li, table, …), so a long first
// paragraph never cuts off the rest. A block that is mostly links is a list page, not an article.

import { toBeijingIso } from '../notice/time.ts';

const SKIP_TEXT = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'INPUT',
]);
/** Page chrome: never the article, and not counted towards where the article is. */
const CHROME = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'MENU', 'DIALOG']);
/** Elements the reader does not step into: their text belongs together. */
const PARAGRAPH = new Set([
  'P',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TD',
  'TH',
  'PRE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SPAN',
  'A',
  'B',
  'STRONG',
  'EM',
  'I',
  'U',
  'FONT',
  'SMALL',
  'LABEL',
  'CODE',
]);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
  'CAPTION',
]);

/** A child holding at least this share of its parent's text is where the article continues. */
const DOMINANT = 0.7;
/** Less article text than this is no article. */
export const MIN_ARTICLE_CHARS = 60;
/** A block whose text is more than this share link text is a list of links, not an article. */
const MAX_LINK_SHARE = 0.5;

/** Ours (`<sunset-watch-*>`): never read as the page's text. */
const isOwn = (el: Element) => el.localName.startsWith('sunset-watch-');

function hiddenByAttribute(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

const visibleChars = (text: string) => text.replace(/\s+/g, '').length;

interface Counts {
  text: number;
  links: number;
}

/**
 * Characters of text under each element, and of link text: one walk over the text nodes, each
 * adding its length to every ancestor up to `root`. Text in skipped or chrome subtrees counts
 * for nothing.
 */
function countText(root: Element): Map<Element, Counts> {
  const counts = new Map<Element, Counts>();
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const chain: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const n = visibleChars(node.nodeValue ?? '');
    if (n === 0) continue;
    chain.length = 0;
    let link = false;
    let skipped = false;
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (SKIP_TEXT.has(el.tagName) || CHROME.has(el.tagName) || isOwn(el) || hiddenByAttribute(el)) {
        skipped = true;
        break;
      }
      if (el.tagName === 'A') link = true;
      chain.push(el);
      if (el === root) break;
    }
    if (skipped) continue;
    for (const el of chain) {
      let c = counts.get(el);
      if (!c) counts.set(el, (c = { text: 0, links: 0 }));
      c.text += n;
      if (link) c.links += n;
    }
  }
  return counts;
}

/** Text outside links: what decides where the article is. */
const prose = (c: Counts | undefined) => (c ? c.text - c.links : 0);

/** The element holding the article's text, or null when the page holds no article. */
export function findArticle(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const counts = countText(body);
  let current: Element = body;
  for (;;) {
    const total = prose(counts.get(current));
    let best: Element | null = null;
    let bestProse = 0;
    for (const child of current.children) {
      const p = prose(counts.get(child));
      if (p > bestProse) {
        best = child;
        bestProse = p;
      }
    }
    if (!best || PARAGRAPH.has(best.tagName) || bestProse < DOMINANT * total) break;
    current = best;
  }
  const c = counts.get(current);
  if (!c || prose(c) < MIN_ARTICLE_CHARS || c.links > MAX_LINK_SHARE * c.text) return null;
  return current;
}

/**
 * The text of `root` as lines (no empty ones): a line break around every block and at <br>, table rows as
 * `| cell | cell |` lines (the extractor reads a date's column header from such tables), runs
 * of spaces collapsed outside <pre>. Script, style, hidden elements and ours are left out.
 */
export function textOf(root: Element): string {
  const out: string[] = [];
  const visit = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      out.push(pre ? value : value.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;
    if (SKIP_TEXT.has(tag) || isOwn(el) || hiddenByAttribute(el)) return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    if (tag === 'TR') out.push('|');
    if (tag === 'TD' || tag === 'TH') out.push(' ');
    const inPre = pre || tag === 'PRE';
    for (const child of el.childNodes) visit(child, inPre);
    if (tag === 'TD' || tag === 'TH') out.push(' |');
    if (block) out.push('\n');
  };
  visit(root, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The article's title: its own heading, else the page's title up to its site suffix. */
export function titleOf(doc: Document, article: Element): string {
  const heading = article.querySelector('h1') ?? doc.querySelector('h1') ?? article.querySelector('h2');
  const fromHeading = heading ? textOf(heading).replace(/\n/g, ' ') : '';
  if (fromHeading) return fromHeading;
  return (doc.title.split(/\s+[-_|–—]\s+/)[0] ?? '').trim();
}

// 2023-02-10 · 2023/2/10 · 2023.02.10 · 2023年2月10日, as a publish date is written.
const DAY = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/u;
const LABELLED = new RegExp(`(?:发布|公告|公示|发表|更新)(?:时间|日期|于)?\\s*[:：]?\\s*${DAY.source}`, 'u');
/** A line that is nothing but a date (and a time, or the author's name before it). */
const DATE_LINE = new RegExp(
  `^[^\\d\\n]{0,20}${DAY.source}(?:\\s*\\d{1,2}[:：]\\d{2}(?::\\d{2})?)?\\s*$`,
  'u',
);

function dayFrom(m: RegExpExecArray | null, offset = 1): string | null {
  if (!m) return null;
  const [y, mo, d] = [Number(m[offset]), Number(m[offset + 1]), Number(m[offset + 2])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The day the page says the article was published, YYYY-MM-DD, or null: its metadata or a
 * <time datetime>, a labelled date (发布时间：…) anywhere on the page, a line of only a date
 * right under the title (a news article's byline), or one at the article's end (an official
 * notice's signature: 1688平台 / 2023年2月10日). A day after `today` (Beijing) is no publish day.
 */
export function publishedDay(doc: Document, article: Element, title: string, today: string): string | null {
  const plausible = (day: string | null) => (day && day >= '2000-01-01' && day <= today ? day : null);
  for (const selector of [
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="publishdate"]',
    'meta[name="pubdate"]',
    'time[datetime]',
  ]) {
    const el = doc.querySelector(selector);
    const value = el?.getAttribute(el.tagName === 'META' ? 'content' : 'datetime') ?? '';
    const day = plausible(dayFrom(DAY.exec(value)));
    if (day) return day;
  }
  const page = doc.body ? textOf(doc.body) : '';
  const labelled = plausible(dayFrom(LABELLED.exec(page)));
  if (labelled) return labelled;
  // Under the title: the first few lines after it.
  const at = title ? page.indexOf(title) : -1;
  if (at !== -1) {
    const under = page
      .slice(at + title.length)
      .split('\n')
      .slice(1, 4);
    for (const line of under) {
      const day = plausible(dayFrom(DATE_LINE.exec(line)));
      if (day) return day;
    }
  }
  const lines = textOf(article).split('\n');
  for (const line of lines.slice(-2).reverse()) {
    const day = plausible(dayFrom(DATE_LINE.exec(line)));
    if (day) return day;
  }
  return null;
}

export interface Article {
  element: Element;
  text: string;
  title: string;
  /** YYYY-MM-DD: as the page says, else today in Beijing. */
  published: string;
  /** Whether `published` was read from the page (else it is today). */
  publishedShown: boolean;
}

/** The page's article, or null when it has none. */
export function readArticle(doc: Document, nowMs: number): Article | null {
  const element = findArticle(doc);
  if (!element) return null;
  const text = textOf(element);
  if (visibleChars(text) < MIN_ARTICLE_CHARS) return null;
  const title = titleOf(doc, element);
  const today = toBeijingIso(nowMs).slice(0, 10);
  const shown = publishedDay(doc, element, title, today);
  return { element, text, title, published: shown ?? today, publishedShown: shown !== null };
}
