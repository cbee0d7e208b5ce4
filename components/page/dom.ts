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

const inert = new WeakMap<Document, Document>();

/**
 * `<tag>` with an open shadow root styled with `css`, safe from a page that defined a custom
 * element of that name first (issue 16). In Chromium a content script's `createElement` runs the
 * page's constructor, which may attach a closed shadow root, disable shadows or throw; so the
 * host is made in a document with no custom element registry, given its shadow root there, and
 * only then adopted. A page's definition may still upgrade it when it is inserted: that
 * constructor's own `attachShadow` then fails in the page's world, and ours stays. Every host of
 * ours (layer, badge, banner, card, guard) is made here; a badge inside our layer's shadow root
 * is in the document's registry too. The shadow root is styled with one shared constructed sheet
 * per document when possible.
 */
export function hostWith(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  let plain = inert.get(doc);
  if (!plain) inert.set(doc, (plain = doc.implementation.createHTMLDocument('')));
  const host = plain.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  doc.adoptNode(host);
  return { host, root: styled(root, css, doc) };
}

function styled(root: ShadowRoot, css: string, doc: Document): ShadowRoot {
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
