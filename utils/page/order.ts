// Which controls place an order (issue 4 item 6; issues 16 and 22): the words on them, and how a
// control is recognised whatever its tag. What the control orders is decided in owner.ts.

/**
 * `order`: the word places or renews an order wherever it stands (a button, a link, a menu item).
 * `step`: a plain step of a flow; it counts only inside a flow whose choice is a retiring product
 * (issue 22 item 3), and only as the whole label.
 */
export type OrderKind = 'order' | 'step';

/**
 * Every word the guard reads on a control, by kind. README's table (The order guard) gives a label
 * each word holds; test/unit/page/order.test.ts reads every one of them as its kind.
 */
export const ORDER_WORDS: Readonly<Record<OrderKind, readonly string[]>> = {
  order: [
    '订购',
    '续订',
    '购买',
    '抢购',
    '续费',
    '开通',
    '下单',
    '充值',
    '提交订单',
    '确认订单',
    '支付',
    '付款',
    '结算',
  ],
  step: ['确认', '确定', '提交', '下一步'],
};

/** Labels holding these are records, help or the opposite of an order (取消订购, 关闭自动续费). */
const NOT_ORDER = [
  '记录',
  '详情',
  '说明',
  '查看',
  '取消',
  '关闭',
  '暂停',
  '停止',
  '退订',
  '自动',
  '协议',
  '规则',
  '须知',
  '帮助',
  '明细',
  '发票',
];
/** Longer labels are sentences (本方案支持订购后…), not a control. */
export const MAX_LABEL = 30;
/** A short label may hold its order word anywhere (马上去续费); a longer one starts or ends with it. */
const SHORT_LABEL = 8;
const LEAD = '(?:立即|马上|现在|去|再次|继续|一键|申请|我要|确认)?';
const STRONG = ORDER_WORDS.order;
const STEP = new Set(ORDER_WORDS.step);
const STARTS = new RegExp(`^${LEAD}(?:${STRONG.join('|')})`);

/** A label as compared: no spacing, punctuation, symbols or invisible characters. */
export function normalizeLabel(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
}

/** Whether a (normalized) label places an order, and of which kind. */
export function orderKindOf(label: string): OrderKind | null {
  if (!label || label.length > MAX_LABEL) return null;
  if (NOT_ORDER.some((w) => label.includes(w))) return null;
  if (STEP.has(label)) return 'step';
  if (STARTS.test(label)) return 'order';
  return STRONG.some((w) => label.endsWith(w) || (label.length <= SHORT_LABEL && label.includes(w)))
    ? 'order'
    : null;
}

/** The label a control shows: its text, else what it tells assistive technology. */
export function labelOf(el: Element): string {
  if (el.localName === 'input') {
    const input = el as HTMLInputElement;
    return input.value || el.getAttribute('aria-label') || '';
  }
  const text = el.textContent ?? '';
  if (text.trim()) return text;
  return el.getAttribute('aria-label') || el.getAttribute('title') || '';
}

const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'menuitemradio', 'option', 'tab', 'treeitem']);
const INPUT_CONTROLS = new Set(['button', 'submit', 'image']);

/** Made to be clicked, by its tag, role, focusability, inline handler or Fusion class. */
export function isExplicitControl(el: Element): boolean {
  const name = el.localName;
  if (name === 'button' || name === 'a' || name === 'summary') return true;
  if (name === 'input') return INPUT_CONTROLS.has((el as HTMLInputElement).type);
  const role = el.getAttribute('role');
  if (role && CONTROL_ROLES.has(role)) return true;
  if (el.hasAttribute('onclick')) return true;
  const tabindex = el.getAttribute('tabindex');
  if (tabindex !== null && Number(tabindex) >= 0) return true;
  return el.classList.contains('next-btn') || el.classList.contains('next-menu-item');
}

function isDisabled(el: Element): boolean {
  return (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';
}

/** The parent across shadow boundaries: a shadow root's host. */
export function parentOf(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

export interface OrderControl {
  control: Element;
  /** Its normalized label. */
  label: string;
  kind: OrderKind;
}

/**
 * The order control an event landed on: from the innermost target (inside open shadow roots too)
 * up while the text stays the size of a label. The nearest control by tag, role, tabindex or
 * inline handler decides; failing one, the nearest element the page styled `cursor: pointer`
 * (`<span class="table-action">续订</span>`, issue 16).
 */
export function orderControlAt(start: Element, isPointer: (el: Element) => boolean): OrderControl | null {
  const near: { el: Element; label: string }[] = [];
  for (let el: Element | null = start; el; el = parentOf(el)) {
    if (el.localName === 'body' || el.localName === 'html') break;
    const label = normalizeLabel(labelOf(el));
    if (label.length > MAX_LABEL) break;
    near.push({ el, label });
  }
  const explicit = near.find((n) => isExplicitControl(n.el));
  const found = explicit ?? near.find((n) => orderKindOf(n.label) && isPointer(n.el));
  if (!found || isDisabled(found.el)) return null;
  const kind = orderKindOf(found.label);
  return kind ? { control: found.el, label: found.label, kind } : null;
}

/** `cursor: pointer` as the page styled it. */
export function pointerStyled(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  return !!view && view.getComputedStyle(el).cursor === 'pointer';
}

const FILLER = new RegExp(
  `${LEAD.slice(0, -1)}|${[...STRONG, ...STEP].join('|')}|[0-9一二两三四五六七八九十百千万半]+[个]?(?:年|月|天|日|周|季度|期|次|份)?|元`,
  'g',
);

/** Whether a label names what it orders (订购 消费品解决方案), beyond words such as 立即续费一年. */
export function labelNamesObject(label: string): boolean {
  return /\p{L}/u.test(label.replace(FILLER, ''));
}
