// A feed document as a small element tree, read with saxes: a strict XML 1.0 parser (it refuses
// what is not well-formed, expands no DTD entities, so a "billion laughs" document is refused
// rather than expanded) that runs in the service worker without Node APIs and is several times
// faster than rss-parser's xml2js + sax on the same text (docs/BENCHMARKS.md, Polling).
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlElement {
  /** The qualified name as written (`sunset:notice`): prefixes are resolved by the caller. */
  name: string;
  attrs: Record<string, string>;
  /** Elements and text (CDATA included), in document order. */
  children: (XmlElement | string)[];
}

/**
 * Parses `text` into its root element. Throws saxes's error (line:column: reason) when the text
 * is not well-formed XML. Comments and processing instructions are dropped.
 */
export function parseXmlTree(text: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const element: XmlElement = { name: tag.name, attrs: tag.attributes, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (value: string): void => {
    // Text outside the root (whitespace only, or saxes has already refused it) is nobody's.
    stack[stack.length - 1]?.children.push(value);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  // A leading byte order mark is the encoding's, not the document's.
  parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The first child element called `name`. */
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child !== 'string' && child.name === name) return child;
  }
  return undefined;
}

/** Every child element called `name`, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string' && child.name === name) out.push(child);
  }
  return out;
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

function collectText(element: XmlElement, out: string[]): void {
  for (const child of element.children) {
    if (typeof child === 'string') out.push(child);
    else {
      const gap = BREAKS.has(child.name.toLowerCase());
      if (gap) out.push(' ');
      collectText(child, out);
      if (gap) out.push(' ');
    }
  }
}

export interface ElementText {
  text: string;
  /** True when the element held child elements (markup) that were reduced to their text. */
  hadMarkup: boolean;
}

/**
 * The text of an element meant to hold text. Plain text comes back exactly as written. Child
 * elements (raw markup such as `<b>` inside a title) are never kept as markup: their text is
 * joined in document order, block-level elements (`<p>`, `<br>`…) becoming a space, and runs of
 * whitespace collapsed.
 */
export function elementText(element: XmlElement): ElementText {
  const { children } = element;
  if (children.length === 1 && typeof children[0] === 'string')
    return { text: children[0], hadMarkup: false };
  let markup = false;
  for (const child of children) {
    if (typeof child !== 'string') {
      markup = true;
      break;
    }
  }
  if (!markup) return { text: children.join(''), hadMarkup: false };
  const parts: string[] = [];
  collectText(element, parts);
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), hadMarkup: true };
}
