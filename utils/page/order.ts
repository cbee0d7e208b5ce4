// Which clicks are orders or renewals, and which part of the page (row, card, dialog) the
// control belongs to: the product named there is the one being ordered.

/** Words on controls that buy or renew something. */
export const ORDER_WORDS = ['订购', '续订', '购买', '续费', '开通', '下单', '充值'] as const;
/** Longer labels are sentences or links to records (查看订购记录 …), not the control itself. */
const MAX_LABEL = 12;
const NOT_ORDER = ['记录', '详情', '说明', '查看', '取消'];

const CONTROL =
  'button, a, [role="button"], [role="menuitem"], .next-btn, .next-menu-item, input[type="button"], input[type="submit"]';

/** Containers that own a control, nearest first wins (issue 4: same row, card or dialog). */
export const OWNER = 'tr, .next-table-row, .next-card, .next-dialog, .next-overlay-wrapper, [role="dialog"]';

function labelOf(el: Element): string {
  const input = el as HTMLInputElement;
  const raw = el.tagName === 'INPUT' ? input.value : (el.textContent ?? '');
  return raw.replace(/\s+/g, '');
}

export function isOrderLabel(label: string): boolean {
  const text = label.replace(/\s+/g, '');
  if (!text || text.length > MAX_LABEL) return false;
  if (NOT_ORDER.some((w) => text.includes(w))) return false;
  return ORDER_WORDS.some((w) => text.includes(w));
}

/** The order/renewal control a click landed on, or null. */
export function orderControlOf(target: EventTarget | null): Element | null {
  if (!target || (target as Node).nodeType !== 1) {
    const parent = (target as Node | null)?.parentElement ?? null;
    if (!parent) return null;
    target = parent;
  }
  const control = (target as Element).closest(CONTROL);
  if (!control || (control as HTMLButtonElement).disabled) return null;
  return isOrderLabel(labelOf(control)) ? control : null;
}

/** The row, card or dialog that owns the control; null when it stands alone. */
export function ownerOf(control: Element): Element | null {
  return control.closest(OWNER);
}
