// <sunset-watch-layer>: ONE overlay of ours for every badge (issue 16 item 1). A fixed host the
// size of the viewport, appended to <html>, that takes no pointer events and clips what it holds,
// so nothing of it enters the page's flow or scroll area. A badge is placed beside its name only
// where there is room: in its own box, after the name's text, over nothing but that box's empty
// background (hit-tested, so a locked column, an overlay, a control or text over it is seen), and
// inside every box that clips it. Elsewhere the name's highlight and its card carry the words.
// Badges follow inner scroll containers (a virtual table's body) by being placed again in the
// next frame after any scroll, and exist only for names on screen.
import { hostWith } from './dom.ts';

export const LAYER_TAG = 'sunset-watch-layer';

const LAYER_CSS = `:host{all:initial;position:fixed!important;inset:0!important;pointer-events:none!important;overflow:hidden!important;z-index:2147483644!important;contain:strict}
sunset-watch-badge{position:absolute;left:0;top:0;margin:0;pointer-events:auto}
.stop{all:initial;position:absolute;left:0;top:0;opacity:0;border-radius:3px;pointer-events:none}.stop:focus-visible{opacity:1;outline:2px solid #2563eb;outline-offset:2px}`;

/** Space kept between a name's text and its badge, and around the badge. */
const GAP = 4;

export interface BadgeSpot {
  x: number;
  y: number;
}

/** Where a name's box ends: a badge is never placed outside the cell, item or control holding it. */
const UNIT = 'td, th, li, button, a, label, [role]';

/**
 * The boxes whose empty space a badge may use, nearest first: the nearest element that is not laid
 * out inline, then a few of its ancestors (a title shrink-wrapped in an inline-block has its room in
 * its parent) up to the cell, item or control it is in, and never one much taller than the name.
 */
function boxesOf(el: Element, lineHeight: number, view: Window): Element[] {
  const out: Element[] = [];
  for (let at: Element | null = el; at && out.length < 3; at = at.parentElement) {
    if (at === el.ownerDocument.body) break;
    const display = view.getComputedStyle(at).display;
    if (display === 'inline' || display === 'contents') continue;
    if (out.length && at.getBoundingClientRect().height > Math.max(3 * lineHeight, lineHeight + 40)) break;
    out.push(at);
    if (at.matches(UNIT)) break;
  }
  return out;
}

/** The visible part of `el`'s box: clipped by every ancestor that clips (overflow not visible). */
function clipOf(el: Element, view: Window): { left: number; top: number; right: number; bottom: number } {
  const r = el.getBoundingClientRect();
  const clip = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  const style = view.getComputedStyle(el);
  clip.right -= parseFloat(style.paddingRight) || 0;
  for (let at = el.parentElement; at && at !== el.ownerDocument.documentElement; at = at.parentElement) {
    const s = view.getComputedStyle(at);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const a = at.getBoundingClientRect();
    clip.left = Math.max(clip.left, a.left);
    clip.top = Math.max(clip.top, a.top);
    clip.right = Math.min(clip.right, a.right);
    clip.bottom = Math.min(clip.bottom, a.bottom);
  }
  clip.right = Math.min(clip.right, view.innerWidth);
  clip.bottom = Math.min(clip.bottom, view.innerHeight);
  clip.left = Math.max(clip.left, 0);
  clip.top = Math.max(clip.top, 0);
  return clip;
}

/**
 * Where a badge of `width`×`height` fits after the name (`text`, the range of its occurrence) in
 * the name's box, or null when there is no room. Reads layout only (run all placements, then
 * write them).
 */
export function findSpot(
  flagged: Element,
  text: Range,
  width: number,
  height: number,
  view: Window,
): BadgeSpot | null {
  const rects = text.getClientRects();
  const line = rects[rects.length - 1];
  if (!line || line.width === 0) return null;
  for (const box of boxesOf(flagged, line.height, view)) {
    const spot = spotIn(box, text, line, width, height, view);
    if (spot) return spot;
  }
  return null;
}

function spotIn(
  box: Element,
  text: Range,
  line: DOMRect,
  width: number,
  height: number,
  view: Window,
): BadgeSpot | null {
  const clip = clipOf(box, view);
  const x = line.right + GAP;
  const y = Math.max(clip.top, Math.min(line.top + (line.height - height) / 2, clip.bottom - height));
  if (x < clip.left || x + width + GAP > clip.right || y < clip.top || y + height > clip.bottom) return null;
  // Nothing of the box itself after the name on that line (more text, an icon, a control).
  const rest = text.cloneRange();
  rest.setStart(text.endContainer, text.endOffset);
  rest.setEndAfter(box.lastChild ?? box);
  for (const r of rest.getClientRects())
    if (r.width > 0 && r.left < x + width + GAP && r.right > x && r.top < y + height && r.bottom > y)
      return null;
  // Nothing over that space but the box's own background (or an ancestor's): no locked column,
  // no overlay, no control, no text of another element. Our layer (its badges) is seen through.
  const doc = box.ownerDocument;
  for (const [px, py] of [
    [x + 1, y + height / 2],
    [x + width / 2, y + 1],
    [x + width / 2, y + height - 1],
    [x + width - 1, y + height / 2],
  ] as const) {
    const hit = doc.elementsFromPoint(px, py).find((el) => el.localName !== LAYER_TAG);
    if (!hit || !hit.contains(box)) return null;
  }
  return { x: Math.round(x), y: Math.round(y) };
}

/** The layer host and its shadow root, created on first use. */
export class Layer {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;

  constructor(doc: Document) {
    ({ host: this.host, root: this.root } = hostWith(doc, LAYER_TAG, LAYER_CSS));
    doc.documentElement.append(this.host);
  }

  remove(): void {
    this.host.remove();
  }
}

/** Page elements a floating box of ours must not cover: controls, and anything holding text. */
const CONTROLS =
  'a[href], button, input, select, textarea, label, summary, [role], [tabindex], [onclick], [contenteditable], img, svg, video, canvas, iframe';

/** True when `el`, hit at some point, is empty background there (no control, no text of its own). */
function isBackground(el: Element): boolean {
  if (el === el.ownerDocument.documentElement || el === el.ownerDocument.body) return true;
  if (el.closest(CONTROLS)) return false;
  for (const child of el.childNodes)
    if (child.nodeType === 3 && /\S/.test((child as Text).data)) return false;
  return true;
}

export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly Corner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
export const CORNER_MARGIN = 12;
const GRID = 24;

/** The rectangle of a box of `width`×`height` in `corner` of the viewport. */
export function cornerRect(corner: Corner, width: number, height: number, view: Window): DOMRect {
  const left = corner.endsWith('left') ? CORNER_MARGIN : view.innerWidth - CORNER_MARGIN - width;
  const top = corner.startsWith('top') ? CORNER_MARGIN : view.innerHeight - CORNER_MARGIN - height;
  return new DOMRect(left, top, width, height);
}

/**
 * The first corner where a box of `width`×`height` would cover no page control and no text (a grid
 * of hit tests over it, our own elements seen through), or null when every corner would.
 */
export function freeCorner(doc: Document, width: number, height: number, order = CORNERS): Corner | null {
  const view = doc.defaultView;
  if (!view) return null;
  for (const corner of order) {
    const r = cornerRect(corner, width, height, view);
    let free = true;
    // A grid of points no more than GRID px apart: a page's floating button is wider than that.
    const cols = Math.ceil(r.width / GRID) + 1;
    const rows = Math.ceil(r.height / GRID) + 1;
    for (let i = 0; i < cols && free; i++)
      for (let j = 0; j < rows && free; j++) {
        const x = r.left + 2 + ((r.width - 4) * i) / (cols - 1);
        const y = r.top + 2 + ((r.height - 4) * j) / (rows - 1);
        const hit = doc.elementsFromPoint(x, y).find((el) => !el.localName.startsWith('sunset-watch-'));
        if (hit && !isBackground(hit)) free = false;
      }
    if (free) return corner;
  }
  return null;
}
