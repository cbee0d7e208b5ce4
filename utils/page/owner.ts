// What an order control orders, decided per control, nearest first (issue 22 item 1; issue 16
// item 3): its own label (「订购 X」), its item (menu item, list item), its row (with the row's
// copies in Fusion's locked tables, and a tree row's parents), then the card, drawer, dialog,
// form or wizard around it, where what was chosen counts before what is written. An overlay or
// the page is never the owner of everything inside it.
import { choicesIn, chosenText, flowOf, routeOf, type Choices, type FlowMemory } from './choices.ts';
import { labelNamesObject, normalizeLabel, parentOf, type OrderControl } from './order.ts';

export interface OwnerEnv {
  /** The watched product names found in a text. */
  names(text: string): string[];
  memory: FlowMemory;
  location: { pathname: string; hash: string };
}

const ITEM = '[role="menuitem"], [role="option"], [role="treeitem"], [role="listitem"], li, .next-menu-item';
const ROW = 'tr, [role="row"], .next-table-row';
const CONTAINER =
  '.next-card, .card, .next-dialog, .next-drawer, [role="dialog"], [role="alertdialog"], form, [role="form"], .next-form';
const OVERLAY = '.next-overlay-wrapper';
/** More text than this is a page, not a part that owns a control (issue 22: never the page). */
const MAX_OWNER_TEXT = 2000;

/** The nearest element matching `selector`, across shadow boundaries, below `stop`. */
function closestComposed(el: Element, selector: string, stop: string = OVERLAY): Element | null {
  for (let a: Element | null = el; a; a = parentOf(a)) {
    if (a.localName === 'body' || a.matches(stop)) return null;
    if (a.matches(selector)) return a;
  }
  return null;
}

/** Whether a part of the page says something besides the control's own label. */
function saysMore(text: string, label: string): boolean {
  return /\p{L}/u.test(normalizeLabel(text).replace(label, ''));
}

/** A Fusion table's outer element: locked columns are inner `.next-table`s of it. */
function tableRoot(row: Element): Element | null {
  const table = row.closest('.next-table');
  if (table?.matches('.next-table-lock-left, .next-table-lock-right'))
    return table.parentElement?.closest('.next-table') ?? table;
  return table;
}

/**
 * A row's key across the copies Fusion renders for locked columns (@alifd/next 1.27: each cell
 * carries `data-next-table-row`, its row index; the rows themselves carry nothing); `data-row-key`
 * where a table sets one; else its index in its table section.
 */
function rowKey(row: Element): string {
  const key = row.getAttribute('data-row-key');
  if (key !== null) return `k${key}`;
  const cell = row.querySelector('[data-next-table-row]');
  if (cell) return `r${cell.getAttribute('data-next-table-row')}`;
  return `i${(row as HTMLTableRowElement).sectionRowIndex ?? -1}`;
}

/** The row and its copies in the same table (the main table and its locked left and right parts). */
export function rowCopies(row: Element): Element[] {
  const root = tableRoot(row);
  if (!root) return [row];
  const key = rowKey(row);
  const copies = [...root.querySelectorAll(ROW)].filter((r) => tableRoot(r) === root && rowKey(r) === key);
  return copies.length ? copies : [row];
}

function levelOf(row: Element): number {
  const level = /next-table-row-level-(\d+)/.exec(row.className)?.[1] ?? row.getAttribute('aria-level');
  return level ? Number(level) : 0;
}

/** A tree table's row's parent row: the nearest row above it one level up. */
function parentRow(row: Element): Element | null {
  const level = levelOf(row);
  if (!level) return null;
  for (let r = row.previousElementSibling; r; r = r.previousElementSibling)
    if (r.matches(ROW) && levelOf(r) < level) return r;
  return null;
}

function textOf(els: Element[]): string {
  return els.map((el) => chosenText(el)).join('\n');
}

/** Watched names chosen in the flow; `null` when it holds no choice of a product at all. */
function chosenNames(choices: Choices, env: OwnerEnv): string[] | null {
  const chosen = env.names([...choices.values()].flat().join('\n'));
  if (chosen.length) return chosen;
  // A group that lists a watched product among its options is the product choice: what is
  // chosen there (not retiring) decides.
  for (const group of choices.keys()) if (env.names(group).length) return [];
  return null;
}

/**
 * The watched product names a control orders; empty when it orders none of them. A plain step
 * (下一步, 确认) counts only where the flow's choice is a retiring product.
 */
export function orderedNames(hit: OrderControl, env: OwnerEnv): string[] {
  const { control, label, kind } = hit;
  const own = env.names(label);
  if (own.length) return own;
  if (kind === 'order') {
    const item = closestComposed(control, ITEM);
    if (item && saysMore(chosenText(item), label)) return env.names(chosenText(item));
    const row = closestComposed(control, ROW);
    if (row) {
      const names = env.names(textOf(rowCopies(row)));
      const parent = names.length ? null : parentRow(row);
      return parent ? env.names(textOf(rowCopies(parent))) : names;
    }
  }
  const container = closestComposed(control, CONTAINER) ?? shadowHostOf(control);
  const flow = flowOf(control);
  // A card of its own (not holding the flow) decides by what it shows.
  const base = !flow ? container : container && container.contains(flow) ? container : flow;
  if (base) {
    const choices: Choices = flow ? env.memory.note(flow, routeOf(env.location)) : new Map();
    if (base !== flow) for (const [group, texts] of choicesIn(base)) choices.set(group, texts);
    const chosen = chosenNames(choices, env);
    if (chosen?.length || kind === 'step') return chosen ?? [];
    if (chosen) return [];
    // No product was chosen here: the part's own text names it (a card, a drawer's title, a
    // confirm step's summary).
    const text = chosenText(base);
    return text.length <= MAX_OWNER_TEXT && saysMore(text, label) ? env.names(text) : [];
  }
  if (kind === 'order' && !labelNamesObject(label)) {
    // A bare 「续订」 in a dropdown belongs to what opened the dropdown (a row's 更多操作).
    const trigger = triggerOf(control);
    if (trigger) return orderedNames({ control: trigger, label, kind }, env);
  }
  return [];
}

/** The host of the page's own web component the control sits in (its shadow root is its part). */
function shadowHostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root.nodeType === 11 ? (root as ShadowRoot).host : null;
}

/** The control that opened the overlay `el` sits in: the open popup trigger outside overlays. */
function triggerOf(el: Element): Element | null {
  if (!el.closest(OVERLAY)) return null;
  const open = [...el.ownerDocument.querySelectorAll('[aria-haspopup][aria-expanded="true"]')];
  return open.reverse().find((t) => !t.closest(OVERLAY)) ?? null;
}
