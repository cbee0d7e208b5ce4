// Reading the element nodes rss-parser hands over (xml2js's tree, built with the options in
// XML2JS_OPTIONS: every element an object, its children also in document order under `$$`).
// Everything here walks with an explicit stack, never by recursion: a hostile item 100,000
// elements deep must cost a loop, not the call stack (issue 17 item 3).

/** How parse.ts asks xml2js to build the tree (through rss-parser's `xml2js` option). */
export const XML2JS_OPTIONS = {
  // Children in document order under `$$` as well as by name, text runs as `__text__` children:
  // markup reduced to text keeps its order.
  explicitChildren: true,
  preserveChildrenOrder: true,
  charsAsChildren: true,
  includeWhiteChars: true,
} as const;

/** One element as xml2js builds it with XML2JS_OPTIONS. */
export interface XmlNode {
  /** Attributes by qualified name (`href`, `xml:lang`). */
  $?: Record<string, string>;
  /** All the element's own text, concatenated. */
  _?: string;
  /** Children in document order: elements (with `#name`) and text runs (`#name` `__text__`). */
  $$?: XmlNode[];
  '#name'?: string;
}

const TEXT = '__text__';

/** An element's attribute, or undefined. */
export function attr(node: XmlNode, name: string): string | undefined {
  return node.$?.[name];
}

/** The element's child elements called `name`, in document order. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return (node.$$ ?? []).filter((child) => child['#name'] === name);
}

/** Elements whose edges separate words when markup is reduced to text (HTML's block-level ones). */
const BREAKS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

export interface NodeText {
  text: string;
  /** True when the element held child elements (markup) that were reduced to their text. */
  hadMarkup: boolean;
}

/**
 * The text of an element meant to hold text. Plain text (CDATA included) comes back exactly as
 * written. Child elements (raw markup such as `<b>` in a title) are never kept as markup: their
 * text is joined in document order, block-level elements becoming a space, whitespace collapsed.
 */
export function nodeText(node: XmlNode): NodeText {
  const children = node.$$ ?? [];
  if (children.every((child) => child['#name'] === TEXT)) {
    return { text: children.map((child) => child._ ?? '').join(''), hadMarkup: false };
  }
  const parts: string[] = [];
  // Depth-first in document order; a string on the stack is a word break to emit on the way out.
  const stack: (XmlNode | string)[] = [...children].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next === 'string') {
      parts.push(next);
      continue;
    }
    if (next['#name'] === TEXT) {
      parts.push(next._ ?? '');
      continue;
    }
    const gap = BREAKS.has((next['#name'] ?? '').toLowerCase());
    if (gap) {
      parts.push(' ');
      stack.push(' ');
    }
    const inner = next.$$ ?? [];
    for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]!);
  }
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), hadMarkup: true };
}

/**
 * How many element levels the node holds below itself (0 for text only), counted up to `limit`
 * + 1 and no further, so a very deep node costs no more than a shallow one that is too deep.
 */
export function nestingDepth(node: XmlNode, limit: number): number {
  let deepest = 0;
  const stack: [XmlNode, number][] = [[node, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of current.$$ ?? []) {
      if (child['#name'] !== TEXT) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
