// Finds watched names in a page's text. Text is read per block: the text nodes under one
// non-inline element are fed to the matcher as one stream, so `<span>家居百货</span>解决方案`
// inside one cell is still one name. Text is visited in document order, except that a block whose
// whole text holds no watched term is passed over unread (`TextScan.nextText`); the extension's
// own UI lives in shadow roots, which the scan never enters.
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
export const SKIP_SELECTOR = [...SKIP].join(',');
/** `TextScan.nextText`: a block with text was passed over (its text would have ended the run). */
const PASSED = 0;
/**
 * A level of the scan is in an element with this many child elements or more: its blocks are
 * worth asking whether their `textContent` may hold a name. Fewer, and one of them most likely
 * holds the name its parent held, so reading its whole text again would be wasted (on a page
 * whose body > table > tbody each hold everything, that was three copies of all its text).
 */
export const WIDE_CHILDREN = 3;
const WIDE = 1;
/** The element holds no script, style… (see SKIP), so neither do the blocks in it. */
const PLAIN = 2;
/** Whether the element holds any was asked (PLAIN tells the answer). */
const ASKED = 4;

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
export function scanText(
  root: Node,
  matcher: Matcher,
  out: Found[] = [],
  wideChildren = WIDE_CHILDREN,
): Found[] {
  new TextScan(root, matcher, out, wideChildren).run();
  return out;
}

/**
 * `scanText` that can stop and go on later: `run(budget)` returns false when it paused, and the
 * next `run` goes on from the text node it stopped after. It pauses only where no name is open,
 * so a name is never read half before and half after a pause (the page may change in between).
 */
export class TextScan {
  /**
   * Where the scan is: at each level of the elements it went into, the next child to visit, and
   * the walker over the text of an inline or skipped element (whose text is read in full).
   */
  private readonly next: (Node | null)[] = [];
  /** Per level of `next`: what is known of the element that level is in (WIDE, PLAIN, ASKED bits). */
  private readonly level: number[] = [];
  private sub: TreeWalker | null = null;
  private readonly doc: Document;
  private block: Element | null = null;
  private state = 0;
  private offset = 0;
  // Reused between blocks: a page has tens of thousands of them and almost none holds a name.
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly hits: RawHit[] = [];
  private done = false;
  /** Text nodes since the clock was last read, and whether `nextCandidate` skipped any. */
  private since = 0;
  private skipped = false;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    readonly out: Found[] = [],
    /** WIDE_CHILDREN; tests set 0 to have every block asked (the finds are the same either way). */
    private readonly wideChildren = WIDE_CHILDREN,
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    if (matcher.size === 0) this.done = true;
    // Like a TreeWalker's, the walk covers what is under `root`, not `root` itself.
    else {
      this.next.push(root.firstChild);
      this.level.push(levelOf(root, 0, wideChildren));
    }
  }

  /**
   * False when the text node the scan paused after has left `root` since: the walker would end
   * there, so going on would miss the rest. (Start a new scan instead.)
   */
  canResume(): boolean {
    if (this.done) return true;
    const root = this.root;
    if (this.sub && !root.contains(this.sub.currentNode)) return false;
    return this.next.every((at) => !at || root.contains(at));
  }

  /**
   * The next text node in document order, as a TreeWalker over `root` would give it, except that
   * a block element (no inline element) among many siblings (WIDE_CHILDREN) whose whole text
   * holds no watched term (`Matcher.mayHold`, run natively over its `textContent`) is passed over
   * unread: a name cannot cross its edges, and none is inside it, provided no script, style… in
   * it could split one. A page's rows mostly hold none, so most of its text nodes never get a JS
   * wrapper. Returns PASSED for such a block when it has text (the walker would have ended the
   * run there), null at the end. `open`: a name may be open in the run so far.
   */
  private nextText(open: boolean): Text | null | typeof PASSED {
    const next = this.next;
    for (;;) {
      if (this.sub) {
        const text = this.sub.nextNode() as Text | null;
        if (text) return text;
        this.sub = null;
      }
      const top = next.length - 1;
      if (top < 0) return null;
      const node = next[top];
      if (!node) {
        next.pop();
        this.level.pop();
        continue;
      }
      next[top] = node.nextSibling;
      const type = node.nodeType;
      if (type === 3) return node as Text;
      // hasChildNodes: no JS wrapper for a first child that may never be read.
      if (type !== 1 || !node.hasChildNodes()) continue;
      const tag = (node as Element).localName;
      if (INLINE.has(tag) || SKIP.has(tag)) {
        // 4 = NodeFilter.SHOW_TEXT (the constant is not a global in every test environment).
        this.sub = this.doc.createTreeWalker(node, 4);
        continue;
      }
      const level = this.level[top]!;
      if (level & WIDE) {
        const text = node.textContent!;
        // A script or style inside would put its text into `textContent` (and could split a name
        // there): such a block is read node by node. Whether any is inside need not be asked
        // when no name could be split there (`mayHoldCut`), unless a name is open: a block whose
        // only text is script text does not end the run, as passing over it would.
        if (
          text &&
          !this.matcher.mayHold.test(text) &&
          ((!open && !this.matcher.mayHoldCut.test(text)) ||
            this.plainAt(top, node.parentNode!) ||
            !hasSkipped(node))
        )
          return PASSED;
      }
      next.push(node.firstChild);
      this.level.push(levelOf(node as Element, level, this.wideChildren));
    }
  }

  /**
   * Whether the element of level `top` (`el`) holds no script, style…: asked once per element,
   * and only when a block in it could not be ruled out by its text alone (on a 30,000-row table
   * the query walks every node: ~15 ms, most of it for nothing).
   */
  private plainAt(top: number, el: Node): boolean {
    const level = this.level[top]!;
    if (level & PLAIN) return true;
    if (level & ASKED) return false;
    const plain = !hasSkipped(el);
    this.level[top] = level | ASKED | (plain ? PLAIN : 0);
    return plain;
  }

  /** Scans until the end (true) or until the budget is spent (false: call again to go on). */
  run(budget?: ScanBudget): boolean {
    if (this.done) return true;
    const { matcher, nodes, starts, hits } = this;
    // The loop keeps its state in locals (this is the hot path) and saves it when it pauses.
    let { block, state, offset } = this;

    for (;;) {
      let node: Text | null;
      let text: string;
      if (state === 0 && nodes.length === 0) {
        // Nothing is pending, so which block this text belongs to cannot matter unless the text
        // itself starts a name. Most text does not: skip it (see `nextCandidate`); feed the rest
        // alone first, and only when it opens a name or holds one ask for its parent (in the
        // content script's isolated world each parent asked for is a new JS wrapper).
        const next = this.nextCandidate(budget);
        // After skipped text the next text starts a fresh stream, as it would in any block.
        if (this.skipped) block = null;
        if (next === undefined) {
          this.block = block;
          this.state = state;
          this.offset = offset;
          return false;
        }
        if (!next) break;
        node = next;
        text = node.data;
        // No name in it, and none left open that the next text could go on with.
        const open = matcher.feed(text, 0, 0, hits);
        if (hits.length === 0 && (open === 0 || endsBlock(node))) {
          block = null;
          continue;
        }
        hits.length = 0;
      } else {
        const next = this.nextText(true);
        if (next === null) break;
        if (next === PASSED) {
          // As a walker would at the passed block's first text: the run ends there.
          this.endRun(block);
          state = 0;
          offset = 0;
          block = null;
          continue;
        }
        node = next;
        text = node.data;
      }
      const parent = node.parentElement;
      if (!parent) continue;
      const tag = parent.localName;
      if (SKIP.has(tag)) continue;
      const nodeBlock = INLINE.has(tag) ? blockOf(parent) : parent;
      if (nodeBlock !== block) {
        this.endRun(block);
        state = 0;
        offset = 0;
        block = nodeBlock;
      }
      state = matcher.feed(text, state, offset, hits);
      if (state !== 0 || hits.length !== 0 || nodes.length !== 0) {
        // A name may be open or found: keep what is needed to map it back to elements.
        nodes.push(node);
        starts.push(offset);
      }
      offset += text.length;
    }
    this.endRun(block);
    this.done = true;
    return true;
  }

  /** Ends the current run (the text of one block read so far): reports its finds, keeps nothing. */
  private endRun(block: Element | null): void {
    const { hits, nodes, starts } = this;
    if (hits.length) report(this.matcher, nodes, starts, hits, this.out, block, this.doc);
    hits.length = 0;
    nodes.length = 0;
    starts.length = 0;
  }

  /**
   * Walks on to the next text node that may start a name, skipping those that cannot (no
   * character a name starts with, `Matcher.mayStart`: fed alone they would leave the matcher at
   * its root with no hit). This is the hot loop of a scan, and kept small so that it runs
   * optimised early in a page's first scan. Returns null at the end, or undefined when the budget
   * is spent (the clock is read every `budget.every` text nodes).
   */
  private nextCandidate(budget: ScanBudget | undefined): Text | null | undefined {
    const mayStart = this.matcher.mayStart;
    const every = budget?.every ?? 128;
    let since = this.since;
    let skipped = false;
    for (;;) {
      if (budget && ++since >= every) {
        since = 0;
        if (budget.now() >= budget.deadline) {
          this.since = since;
          this.skipped = skipped;
          return undefined;
        }
      }
      const node = this.nextText(false);
      if (node === PASSED) {
        skipped = true;
        continue;
      }
      if (!node || mayStart.test(node.data)) {
        this.since = since;
        this.skipped = skipped;
        return node;
      }
      skipped = true;
    }
  }
}

/**
 * What the scan needs to know of an element it goes into, given its parent's level bits: whether
 * it is WIDE, and whether it is known PLAIN (inherited from the parent; asked only when needed,
 * see `TextScan.plainAt`).
 */
function levelOf(el: Node, parent: number, wideChildren: number): number {
  return ((el as ParentNode).childElementCount >= wideChildren ? WIDE : 0) | (parent & PLAIN);
}

/**
 * True when nothing under `el` can be a watched name: its whole text holds no term, and no
 * script, style… inside could have split one (one native read instead of a scan of its blocks).
 */
export function holdsNoName(el: Node, matcher: Matcher): boolean {
  const text = el.textContent;
  return !text || (!matcher.mayHold.test(text) && (!matcher.mayHoldCut.test(text) || !hasSkipped(el)));
}

/** True when `node` holds an element whose text is not page text (script, style…; see SKIP). */
function hasSkipped(node: Node): boolean {
  return node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11
    ? (node as ParentNode).querySelector(SKIP_SELECTOR) !== null
    : false;
}

/**
 * True when no text after `node` belongs to its block: it is its parent's last child and the
 * parent is no inline element (a block, or text that is skipped). A name it leaves open ends
 * there (a number ending in the first digit of a name, in a table cell, is the common case).
 */
function endsBlock(node: Text): boolean {
  if (node.nextSibling) return false;
  const parent = node.parentElement;
  return !parent || !INLINE.has(parent.localName);
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
  block: Element | null,
  doc: Document,
): void {
  const base = starts[0] ?? 0;
  const text = nodes.map((n) => n.data).join('');
  const shifted = base ? raw.map((h) => ({ end: h.end - base, term: h.term })) : raw;
  // The character before the run matters only for a Latin name at its start (it must not start
  // inside a longer word), and finding it walks the DOM: asked for only then.
  const head = nodes[0]!;
  for (const hit of matcher.resolve(text, shifted, () => charBefore(head, block, doc))) {
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
