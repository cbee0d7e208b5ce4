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

/**
 * Scans the text under `root` (an element or document) and reports each occurrence with the
 * element that holds it. `root` should be a block (see `blockOf`) so that no name is cut.
 */
export function scanText(root: Node, matcher: Matcher, out: Found[] = []): Found[] {
  if (matcher.size === 0) return out;
  const doc = root.ownerDocument ?? (root as Document);
  // 4 = NodeFilter.SHOW_TEXT (the constant is not a global in every test environment).
  const walker = doc.createTreeWalker(root, 4);
  let block: Element | null = null;
  let state = 0;
  let offset = 0;
  let before = NaN;
  // Reused between blocks: a page has tens of thousands of them and almost none holds a name.
  const nodes: Text[] = [];
  const starts: number[] = [];
  const hits: RawHit[] = [];

  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
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
  return out;
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
