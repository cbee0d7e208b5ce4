// Finds watched names in a page's text. Text is read per block: the text nodes under one
// non-inline element are fed to the matcher as one stream, so `<span>家居百货</span>解决方案`
// inside one cell is still one name. Only text nodes are visited (a TreeWalker), and the
// extension's own UI lives in shadow roots, which the walker never enters.
import type { Matcher, RawHit } from './matcher.ts';

/** Elements whose text flows into their parent's line: a name may be split across them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'label',
]);
/** Text that is not shown as page text, or that the merchant is typing. */
const SKIP = new Set(['script', 'style', 'noscript', 'textarea', 'template', 'title', 'option']);

/** True for the extension's own elements (`<sunset-watch-…>`), which scans and observers ignore. */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('sunset-watch-');
}

export interface Found {
  /** The element holding the whole occurrence. */
  element: Element;
  /** Index of the matcher entry (the product). */
  entry: number;
}

/** The nearest non-inline ancestor-or-self element: the unit a name may not cross. */
export function blockOf(node: Node): Element | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && INLINE.has(el.localName) && el.parentElement) el = el.parentElement;
  return el;
}

/** When a sliced scan pauses (see `TextScan.run`). */
export interface ScanBudget {
  /** The clock: `performance.now` in the page, a fake one in tests. */
  now: () => number;
  /** Pause at the first point where no name is open once `now()` has reached this. */
  deadline: number;
  /** Text nodes between two clock reads (a clock read costs more than most text nodes). */
  every?: number;
}

/**
 * Scans the text under `root` (an element or document) and reports each occurrence with the
 * element that holds it. `root` should be a block (see `blockOf`) so that no name is cut.
 */
export function scanText(root: Node, matcher: Matcher, out: Found[] = []): Found[] {
  new TextScan(root, matcher, out).run();
  return out;
}

/**
 * `scanText` that can stop and go on later: `run(budget)` returns false when it paused, and the
 * next `run` goes on from the text node it stopped after. It pauses only where no name is open,
 * so a name is never read half before and half after a pause (the page may change in between).
 */
export class TextScan {
  private readonly walker: TreeWalker | null;
  private block: Element | null = null;
  private state = 0;
  private offset = 0;
  private before = NaN;
  // Reused between blocks: a page has tens of thousands of them and almost none holds a name.
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly hits: RawHit[] = [];
  private done = false;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    readonly out: Found[] = [],
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    // 4 = NodeFilter.SHOW_TEXT (the constant is not a global in every test environment).
    this.walker = matcher.size === 0 ? null : doc.createTreeWalker(root, 4);
    if (!this.walker) this.done = true;
  }

  /**
   * False when the text node the scan paused after has left `root` since: the walker would end
   * there, so going on would miss the rest. (Start a new scan instead.)
   */
  canResume(): boolean {
    if (this.done) return true;
    const at = this.walker!.currentNode;
    return at === this.root || this.root.contains(at);
  }

  /** Scans until the end (true) or until the budget is spent (false: call again to go on). */
  run(budget?: ScanBudget): boolean {
    if (this.done) return true;
    const { matcher, nodes, starts, hits, out } = this;
    const walker = this.walker!;
    const doc = this.root.ownerDocument ?? (this.root as Document);
    // The loop keeps its state in locals (this is the hot path) and saves it when it pauses.
    let { block, state, offset, before } = this;
    const every = budget?.every ?? 128;
    let since = 0;

    for (;;) {
      if (budget && ++since >= every && state === 0 && nodes.length === 0) {
        since = 0;
        if (budget.now() >= budget.deadline) {
          this.block = block;
          this.state = state;
          this.offset = offset;
          this.before = before;
          return false;
        }
      }
      const node = walker.nextNode() as Text | null;
      if (!node) break;
      const text = node.data;
      if (state === 0 && nodes.length === 0) {
        // Nothing is pending, so which block this text belongs to cannot matter unless the text
        // itself starts a name. Most text does not: feed it alone first, and only when it opens a
        // name or holds one ask for its parent (in the content script's isolated world each
        // parent asked for is a new JS wrapper, and this is most of a first scan's cost).
        if (matcher.feed(text, 0, 0, hits) === 0 && hits.length === 0) {
          // The next text starts a fresh stream, as it would after this one in any block.
          block = null;
          continue;
        }
        hits.length = 0;
      }
      const parent = node.parentElement;
      if (!parent) continue;
      const tag = parent.localName;
      if (SKIP.has(tag)) continue;
      const nodeBlock = INLINE.has(tag) ? blockOf(parent) : parent;
      if (nodeBlock !== block) {
        if (hits.length) {
          report(matcher, nodes, starts, hits, out, before);
          hits.length = 0;
        }
        nodes.length = 0;
        starts.length = 0;
        state = 0;
        offset = 0;
        block = nodeBlock;
      }
      state = matcher.feed(text, state, offset, hits);
      if (state !== 0 || hits.length !== 0 || nodes.length !== 0) {
        // A name may be open or found: keep what is needed to map it back to elements, and the
        // character before it (a Latin name must not start inside a longer word).
        if (nodes.length === 0) before = charBefore(node, nodeBlock, doc);
        nodes.push(node);
        starts.push(offset);
      }
      offset += text.length;
    }
    if (hits.length) report(matcher, nodes, starts, hits, out, before);
    hits.length = 0;
    nodes.length = 0;
    starts.length = 0;
    this.done = true;
    return true;
  }
}

/**
 * The last character of the text before `node` in the same run (same block, text in script,
 * style… left out), or NaN. Asked only where a name may start, so walking back is rare.
 */
function charBefore(node: Text, block: Element | null, doc: Document): number {
  const back = doc.createTreeWalker(block ?? node.parentNode!, 4);
  back.currentNode = node;
  for (let prev = back.previousNode() as Text | null; prev; prev = back.previousNode() as Text | null) {
    const parent = prev.parentElement;
    if (!parent || SKIP.has(parent.localName)) continue;
    if ((INLINE.has(parent.localName) ? blockOf(parent) : parent) !== block) return NaN;
    if (prev.data.length) return prev.data.charCodeAt(prev.data.length - 1);
  }
  return NaN;
}

function report(
  matcher: Matcher,
  nodes: Text[],
  starts: number[],
  raw: RawHit[],
  out: Found[],
  before: number,
): void {
  const base = starts[0] ?? 0;
  const text = nodes.map((n) => n.data).join('');
  const shifted = base ? raw.map((h) => ({ end: h.end - base, term: h.term })) : raw;
  for (const hit of matcher.resolve(text, shifted, before)) {
    const first = nodeAt(starts, hit.start + base);
    const last = nodeAt(starts, hit.end - 1 + base);
    const element = commonElement(nodes[first]!, nodes[last]!);
    if (element) out.push({ element, entry: hit.entry });
  }
}

function nodeAt(starts: number[], offset: number): number {
  let i = starts.length - 1;
  while (i > 0 && starts[i]! > offset) i--;
  return i;
}

function commonElement(a: Text, b: Text): Element | null {
  let el = a.parentElement;
  while (el && !el.contains(b)) el = el.parentElement;
  return el;
}
