// Finds watched names in a page's text (issue 16 item 7). Text is read per run: the text nodes of
// one block joined through inline elements, so `<span>家居百货</span>解决方案` in one cell is one
// name. Any other element (a block, a `<br>`, script, an editor) ends the run, so every run is a
// piece of its block's `textContent`: a block whose whole text the matcher's `mayHold` does not
// match is passed over unread (one native read instead of a JS wrapper per node). The extension's
// own UI lives in shadow roots, which the scan never enters; what the merchant edits is left out.
import type { Matcher } from './matcher.ts';

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
  'label',
]);
/** Text that is not shown as page text, or that the merchant is typing. */
const SKIP = new Set(['script', 'style', 'noscript', 'textarea', 'template', 'title', 'select', 'option']);
/**
 * A block is asked for its whole text only among this many sibling elements or more: with fewer,
 * one of them most likely holds what its parent held (body > #app > table > tbody each hold all of
 * the page's text), and reading it again would be wasted.
 */
const WIDE_CHILDREN = 3;

/** True for the extension's own elements (`<sunset-watch-…>`), which scans and observers ignore. */
export function isOwnNode(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName.startsWith('sunset-watch-');
}

/** An element the merchant edits: `contenteditable` (any value but false) on it. */
export function isEditingHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** The editor `node` is in (an ancestor-or-self editing host), or null. */
export function editorOf(node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest('[contenteditable]:not([contenteditable="false" i])') ?? null;
}

/** Elements whose text a scan leaves out altogether. */
function leftOut(el: Element, alone: ((el: Element) => boolean) | undefined): boolean {
  return SKIP.has(el.localName) || isOwnNode(el) || isEditingHost(el) || (alone?.(el) ?? false);
}

/** One occurrence of a name: where it is in the page's text, and the element holding all of it. */
export interface Found {
  element: Element;
  /** Index of the matcher entry (the product). */
  entry: number;
  start: Text;
  startOffset: number;
  end: Text;
  endOffset: number;
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
  /** Pause at the next block once `now()` has reached this. */
  deadline: number;
  /** Blocks between two clock reads (a clock read costs more than passing over a block). */
  every?: number;
}

export interface ScanOptions {
  /** Elements the page keeps restoring, left alone for a while (entrypoints/marketing.content/page.ts). */
  leftAlone?: (el: Element) => boolean;
}

/** Scans the text under `root` (an element, document or fragment; best a block) and reports each occurrence. */
export function scanText(
  root: Node,
  matcher: Matcher,
  out: Found[] = [],
  options: ScanOptions = {},
): Found[] {
  new TextScan(root, matcher, out, options).run();
  return out;
}

/**
 * `scanText` that can stop and go on later: `run(budget)` returns false when it paused, and the
 * next `run` goes on from there. It pauses only between runs, so a name is never read half before
 * and half after a pause (the page may change in between).
 */
export class TextScan {
  /** The next node to visit; null when done. */
  private next: Node | null;
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private text = '';
  private readonly wide = new Map<ParentNode, boolean>();
  /**
   * Elements holding text that the scan read or passed over by their whole text: they are
   * disjoint, so the page has at least this many text blocks (a name's share of them decides
   * whether it is suspended on the page, item 4).
   */
  blocks = 0;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    readonly out: Found[] = [],
    private readonly options: ScanOptions = {},
  ) {
    const text = matcher.size
      ? (root.nodeType === 9 ? (root as Document).documentElement : root)?.textContent
      : '';
    if (text) this.blocks = 1;
    // Like a TreeWalker's, the walk covers what is under `root`, not `root` itself.
    this.next = text && matcher.mayHold.test(text) ? root.firstChild : null;
  }

  /**
   * Whether `parent` has WIDE_CHILDREN child elements or more: asked once per parent, since the
   * browser counts them one by one (a tbody of 8,000 rows asked once per row was 0.7 s).
   */
  private isWide(parent: ParentNode): boolean {
    let wide = this.wide.get(parent);
    if (wide === undefined) this.wide.set(parent, (wide = parent.childElementCount >= WIDE_CHILDREN));
    return wide;
  }

  /** False when the node the scan would go on from has left `root` since (start a new scan). */
  canResume(): boolean {
    return !this.next || this.root.contains(this.next);
  }

  /** Scans until the end (true) or until the budget is spent (false: call again to go on). */
  run(budget?: ScanBudget): boolean {
    const { root, matcher } = this;
    const alone = this.options.leftAlone;
    let node = this.next;
    const every = budget?.every ?? 32;
    let blocks = 0;
    while (node) {
      let into = false;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data) {
          this.nodes.push(node as Text);
          this.starts.push(this.text.length);
          this.text += data;
        }
      } else if (node.nodeType === 1) {
        const el = node as Element;
        const skipped = leftOut(el, alone);
        if (!skipped && INLINE.has(el.localName)) into = true;
        else {
          this.endRun();
          if (!skipped && el.hasChildNodes()) {
            if (this.isWide(el.parentNode as ParentNode)) {
              const text = el.textContent!;
              if (text) this.blocks++;
              into = text !== '' && matcher.mayHold.test(text);
            } else into = true;
          }
          // Between runs: the place to pause, every so many blocks.
          if (budget && ++blocks % every === 0 && budget.now() >= budget.deadline) {
            this.next = into ? el.firstChild : after(el, root, this);
            return false;
          }
        }
      }
      node = (into && node.firstChild) || after(node, root, this);
    }
    this.endRun();
    this.next = null;
    return true;
  }

  /** Ends the current run (the text of one block read so far): reports its finds, keeps nothing. */
  endRun(): void {
    const { nodes, starts, text } = this;
    if (!nodes.length) return;
    for (const hit of this.matcher.find(text)) {
      const first = nodeAt(starts, hit.start);
      const last = nodeAt(starts, hit.end - 1);
      const element = commonElement(nodes[first]!, nodes[last]!);
      if (element)
        this.out.push({
          element,
          entry: hit.entry,
          start: nodes[first]!,
          startOffset: hit.start - starts[first]!,
          end: nodes[last]!,
          endOffset: hit.end - starts[last]!,
        });
    }
    nodes.length = 0;
    starts.length = 0;
    this.text = '';
  }
}

/** The node after `node`'s subtree in document order within `root`; leaving a block ends the run. */
function after(node: Node, root: Node, scan: TextScan): Node | null {
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at !== node && !INLINE.has((at as Element).localName)) scan.endRun();
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/** True when nothing under `el` can be a watched name: one native read of its whole text. */
export function holdsNoName(el: Node, matcher: Matcher): boolean {
  const text = el.textContent;
  return !text || !matcher.mayHold.test(text);
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
