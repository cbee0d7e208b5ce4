// Runs inside an isolated world of the benchmark page (bundled by bench/cold.ts with esbuild): each
// variant times one cold piece of a content script's first scan, in a world where nothing has run
// before it (every node it touches needs a new JS wrapper, every function is compiled on first
// call), and returns milliseconds.
import { BADGE_CSS } from '../components/page/styles.ts';
import { Matcher } from '../utils/page/matcher.ts';
import { SKIP_SELECTOR, TextScan } from '../utils/page/scan.ts';

const NAMES = ['家居百货解决方案', '行业优选解决方案', '跨境专供解决方案'];
const HOLDS = new RegExp(NAMES.join('|'));

const matcher = (): Matcher => new Matcher(NAMES.map((name) => ({ name, terms: [] })));
const table = (): Element => document.getElementById('rows')!;

function timed(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/** The named rows' second cells (where a badge goes), found before the clock starts. */
function namedCells(): Element[] {
  const out: Element[] = [];
  for (let row = table().firstElementChild; row; row = row.nextElementSibling)
    if (HOLDS.test(row.textContent!)) out.push(row.children[1]!);
  return out;
}

/** A flag and a badge on every named row (1 in 20) as the content script puts them up, or less. */
function badges(kind: 'shadow' | 'plain' | 'flags'): number {
  const cells = namedCells();
  return timed(() => {
    if (kind === 'flags') {
      for (const cell of cells) cell.setAttribute('data-sunset-flag', NAMES[0]!);
      return;
    }
    const host = document.createElement('sunset-watch-badge');
    host.setAttribute('data-product', NAMES[0]!);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'b u-week';
    button.textContent = '2月17日停止新订购 · 剩3天';
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BADGE_CSS);
    for (const cell of cells) {
      cell.setAttribute('data-sunset-flag', NAMES[0]!);
      const badge = host.cloneNode(false) as HTMLElement;
      if (kind === 'shadow') {
        const root = badge.attachShadow({ mode: 'open' });
        root.adoptedStyleSheets = [sheet];
        root.append(button.cloneNode(true));
      } else badge.append(button.cloneNode(true));
      cell.append(badge);
    }
  });
}

export const VARIANTS: Record<string, () => number> = {
  /** The goal's baseline: every text node's .data. */
  bare: () =>
    timed(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
      return chars;
    }),
  /** The least a scan of this page can do: one textContent and one regular expression per row. */
  rows: () =>
    timed(() => {
      let named = 0;
      for (let row = table().firstElementChild; row; row = row.nextElementSibling)
        if (HOLDS.test(row.textContent!)) named++;
      return named;
    }),
  /** That, with the matcher built and the named rows read node by node. */
  'rows+named': () =>
    timed(() => {
      const m = matcher();
      const hits: { end: number; term: number }[] = [];
      for (let row = table().firstElementChild; row; row = row.nextElementSibling) {
        if (!m.mayHold.test(row.textContent!)) continue;
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (m.mayStart.test((n as Text).data)) m.feed((n as Text).data, 0, 0, hits);
      }
    }),
  /** The content script's scan (matcher and TextScan over the body), without flags. */
  scan: () => timed(() => new TextScan(document.body, matcher()).run()),
  /** The same scan run a second time in the same world: no compiling, the rows' wrappers made. */
  'scan-again': () => {
    new TextScan(document.body, matcher()).run();
    return timed(() => new TextScan(document.body, matcher()).run());
  },
  /** The scan after one over a detached 3-row table: its code compiled, the page still cold. */
  'scan-warmed': () => {
    const warm = document.createElement('tbody');
    for (const cells of [['a', NAMES[0]!, 'b'], ['x'], ['y']]) {
      const row = warm.insertRow();
      for (const text of cells) row.insertCell().textContent = text;
    }
    new TextScan(warm, matcher()).run();
    return timed(() => new TextScan(document.body, matcher()).run());
  },
  matcher: () => timed(matcher),
  /** Whether the table holds script, style… (what the scan asks when it must). */
  'skip-query': () => timed(() => table().querySelector(SKIP_SELECTOR)),
  'skip-one-tag': () => timed(() => table().querySelector('script')),
  'skip-is': () => timed(() => table().querySelector(`:is(${SKIP_SELECTOR})`)),
  'skip-per-tag': () => timed(() => SKIP_SELECTOR.split(',').some((tag) => table().querySelector(tag))),
  'badges-shadow': () => badges('shadow'),
  'badges-plain': () => badges('plain'),
  flags: () => badges('flags'),
};
