// A tiny element builder for the on-page UI. Children that are strings become text nodes, so feed
// text can only ever be text; attributes are set one by one (links are checked by the caller with
// utils/page/links.ts before they get here). Plain DOM keeps the content script small.
export type Child = Node | string | null | undefined | false;

export function h(
  doc: Document,
  tag: string,
  attrs: Record<string, string | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

/** An open shadow root styled with `css` (one shared constructed sheet per document when possible). */
export function shadowWith(host: Element, css: string): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  const doc = host.ownerDocument;
  let byCss = sheets.get(doc);
  if (!byCss) sheets.set(doc, (byCss = new Map()));
  let sheet = byCss.get(css);
  if (sheet === undefined) {
    try {
      const view = doc.defaultView as (Window & { CSSStyleSheet?: typeof CSSStyleSheet }) | null;
      sheet = view?.CSSStyleSheet ? new view.CSSStyleSheet() : null;
      sheet?.replaceSync(css);
    } catch {
      sheet = null;
    }
    byCss.set(css, sheet);
  }
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return root;
    } catch {
      // Fall through to a <style> element.
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return root;
}

/** An https link that opens in a new tab and gives the target page no handle on this one. */
export function link(
  doc: Document,
  href: string,
  text: string,
  attrs: Record<string, string> = {},
): HTMLElement {
  return h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer', ...attrs }, text);
}
