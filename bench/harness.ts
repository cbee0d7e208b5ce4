// Runs inside the benchmark page (bundled by bench/run.ts with esbuild): the same scanner, matcher
// and highlights the content script uses, timed with performance.now().
import { Matcher } from '../utils/page/matcher.ts';
import { Flagger } from '../utils/page/flagger.ts';
import { badgeViews, flaggable, matchEntries, type PageProduct } from '../utils/page/watched.ts';
import { Highlights } from '../components/page/highlights.ts';
import { makeTranslator, mergeParts } from '../utils/i18n/catalog.ts';
import zhCommon from '../locales/zh_CN/common.json';
import zhPage from '../locales/zh_CN/page.json';

const t = makeTranslator({ zh_CN: mergeParts([zhCommon, zhPage]) }, 'zh_CN');

/** The baseline of part 2: one indexOf pass per name. */
function naiveFind(text: string, terms: readonly string[]): number {
  let count = 0;
  for (const term of terms) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) count++;
  }
  return count;
}

const PRODUCTS = [
  '家居百货解决方案',
  '行业优选解决方案',
  '跨境专供解决方案',
  '消费品解决方案',
  '工业品解决方案',
  '大客方案',
  '找工厂解决方案',
];

/** Rows naming a watched product: one in `every` (set by the runner; 0: none). */
let every = 20;
export function setWatchedEvery(n: number): void {
  every = n;
}

/** One plan-report row: a row, 6 cells and a button (8 elements; 8,000 rows ≈ 64,000 elements). */
function row(i: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = 'next-table-row';
  // Watched names (the first three) in one row of `every`, other solutions elsewhere.
  const product = every > 0 && i % every === 0 ? PRODUCTS[(i / every) % 3]! : PRODUCTS[3 + (i % 4)]!;
  const cells = [`推广计划 ${i}`, product, String(1000 + i), `¥${(i % 997) + 0.5}`, String(i % 40)];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const td = document.createElement('td');
  const renew = document.createElement('button');
  renew.className = 'next-btn';
  renew.textContent = '续费';
  td.append(renew);
  tr.append(td);
  return tr;
}

let tbody: HTMLTableSectionElement;

export function buildTable(rows: number): number {
  document.body.replaceChildren();
  const table = document.createElement('table');
  table.className = 'next-table';
  tbody = document.createElement('tbody');
  for (let i = 0; i < rows; i++) tbody.append(row(i));
  table.append(tbody);
  document.body.append(table);
  return document.getElementsByTagName('*').length;
}

export function bareWalk(): number {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  const ms = performance.now() - t0;
  if (chars < 0) throw new Error('unreachable');
  return ms;
}

let flagger: Flagger;

/** The content script's full scan; `marks: false` leaves out the highlights (cost breakdown). */
export function fullScan(products: PageProduct[], marks = true): { ms: number; flags: number } {
  const list = flaggable(products);
  const t0 = performance.now();
  const view = badgeViews(list, Date.now(), t);
  const matcher = new Matcher(matchEntries(list));
  highlights?.clear();
  highlights = new Highlights(document);
  const h = highlights;
  flagger = new Flagger(matcher, (el, record) => {
    if (marks) h.set(el, record?.occurrences.map((o) => ({ ...o, urgency: view(o.entry).urgency })) ?? null);
  });
  flagger.scanAll(document.body);
  const ms = performance.now() - t0;
  return { ms, flags: document.querySelectorAll('[data-sunset-flag]').length };
}

let highlights: Highlights | undefined;

export function appendAndScan(count: number, start: number): number {
  const added: Node[] = [];
  for (let i = 0; i < count; i++) {
    const r = row(start + i);
    tbody.append(r);
    added.push(r);
  }
  const t0 = performance.now();
  flagger.scanChanged(added);
  return performance.now() - t0;
}

/** All text of the page, per text node, for the matcher-only comparison. */
function texts(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push((n as Text).data);
  return out;
}

export function matcherGrowth(sizes: number[]): { names: number; naiveMs: number; oneMs: number }[] {
  const all = texts();
  const result = [];
  for (const size of sizes) {
    const names = [...PRODUCTS];
    for (let i = 0; names.length < size; i++) names.push(`测试产品${i}号解决方案`);
    const list = names.slice(0, size);
    let t0 = performance.now();
    let naive = 0;
    for (const text of all) naive += naiveFind(text, list);
    const naiveMs = performance.now() - t0;
    t0 = performance.now();
    const m = new Matcher(list.map((name) => ({ name, terms: [] })));
    let one = 0;
    for (const text of all) one += m.find(text).length;
    const oneMs = performance.now() - t0;
    if (naive !== one) throw new Error(`matchers disagree at ${size} names: ${naive} vs ${one}`);
    result.push({ names: size, naiveMs, oneMs });
  }
  return result;
}
