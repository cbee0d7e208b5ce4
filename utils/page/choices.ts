// What a form or flow has chosen (issue 22 items 1–2): checked radios and checkboxes, selected
// options, the selected tile (aria-checked, aria-selected, Fusion's `checked`/`selected`
// classes), a Fusion Select's shown value; and the text of a part of the page without the
// options nobody chose, so a Radio.Group listing a retiring product next to the chosen one does
// not name it. A choice made on an earlier step is remembered per flow until the flow is left.
import { normalizeLabel, parentOf } from './order.ts';

/** A chosen value's group (its radio group, select, list) by that group's whole text, and the chosen texts. */
export type Choices = Map<string, string[]>;

const CHOSEN =
  'input[type="radio"], input[type="checkbox"], option, [aria-checked="true"], [aria-selected="true"], ' +
  '.checked, .selected, .is-checked, .is-selected, .next-selected, .next-select-values';
const GROUP =
  '[role="radiogroup"], [role="group"], [role="listbox"], [role="tablist"], [role="grid"], select, fieldset, ' +
  '.next-radio-group, .next-checkbox-group, ul, ol';
const OPTION =
  'label, [role="radio"], [role="checkbox"], [role="option"], [role="tab"], li, .next-radio-wrapper, .next-checkbox-wrapper';
/** Only so much of a group's text is its key: a list of options, not a page. */
const GROUP_KEY = 2000;

/** Whether an element is an option that was not chosen (its text names nothing being ordered). */
export function isUnchosen(el: Element): boolean {
  if (el.getAttribute('aria-checked') === 'false' || el.getAttribute('aria-selected') === 'false')
    return true;
  if (el.localName === 'option') return !(el as HTMLOptionElement).selected;
  const cls = el.classList;
  if (cls.contains('next-radio-wrapper') || cls.contains('next-checkbox-wrapper'))
    return !cls.contains('checked');
  if (el.localName === 'label') {
    const input = el.querySelector<HTMLInputElement>('input[type="radio"], input[type="checkbox"]');
    if (input) return !input.checked;
  }
  return false;
}

const SKIP = new Set(['script', 'style', 'template']);

/** The text of `root` (and of open shadow roots in it) without unchosen options, scripts, styles or our own elements. */
export function chosenText(root: Element | ShadowRoot): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue;
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIP.has(el.localName) || el.localName.startsWith('sunset-watch-') || isUnchosen(el)) continue;
        walk(el);
      }
    }
    if ((node as Element).shadowRoot) walk((node as Element).shadowRoot!);
  };
  walk(root);
  return out;
}

/**
 * A chosen value's group, by the group's text (its options), so the same group re-rendered on a
 * later visit of the step is the same group. A Fusion Select shows only its value: its form
 * item's label, without the value, is its key.
 */
function groupKey(option: Element, text: string): string {
  if (option.classList.contains('next-select-values')) {
    const item = option.closest('.next-form-item') ?? option.closest('.next-select') ?? option;
    return `select:${normalizeLabel(item.textContent ?? '').replace(text, '')}`;
  }
  const group = option.parentElement?.closest(GROUP) ?? option.parentElement ?? option;
  return normalizeLabel(group.textContent ?? '').slice(0, GROUP_KEY);
}

function isChosen(el: Element): boolean {
  if (el.localName === 'input') return (el as HTMLInputElement).checked;
  if (el.localName === 'option') return (el as HTMLOptionElement).selected;
  // `.checked` on Fusion's inner span of a radio, too: the option around it is what was chosen.
  return true;
}

/** The chosen values inside `root`, by group. */
export function choicesIn(root: Element): Choices {
  const out: Choices = new Map();
  for (const el of root.querySelectorAll(CHOSEN)) {
    if (!isChosen(el)) continue;
    const option = el.closest(OPTION) ?? el;
    const text = normalizeLabel(
      option.localName === 'option' ? (option.textContent ?? '') : chosenText(option),
    );
    if (!text) continue;
    const key = groupKey(option, text);
    const texts = out.get(key) ?? [];
    if (!texts.includes(text)) texts.push(text);
    out.set(key, texts);
  }
  return out;
}

const STEP = '.next-step, [aria-current="step"], [role="progressbar"][aria-valuemax]';
const FORM = 'form, [role="form"], .next-form';
/** Menus and navigation are never part of a flow's choice. */
const MENU = '[role="menu"], [role="menubar"], [role="navigation"], nav, .next-menu, .next-nav';

/**
 * The flow a control belongs to: the nearest element holding a wizard's Step (the wizard's
 * container), else its form. Never the page itself, never for a menu item.
 */
export function flowOf(el: Element): Element | null {
  const doc = el.ownerDocument;
  const steps = [...doc.querySelectorAll(STEP)];
  let form: Element | null = null;
  for (let a: Element | null = el; a; a = parentOf(a)) {
    if (a.localName === 'body' || a.localName === 'html') break;
    if (a.matches(MENU)) return null;
    if (!form && a.matches(FORM)) form = a;
    if (steps.some((s) => a!.contains(s))) return a;
  }
  return form;
}

/** The route a flow lives on: a single-page app's `#!/path` without its query, or the path. */
export function routeOf(location: { pathname: string; hash: string }): string {
  return location.pathname + location.hash.replace(/\?.*$/, '');
}

/**
 * Choices made in each flow, kept while the flow is on the page and the route is the same: the
 * last step's submit is then held for the product chosen on the first (issue 22 item 2).
 */
export class FlowMemory {
  private readonly flows = new WeakMap<Element, { route: string; choices: Choices }>();

  /** What the flow shows chosen now, merged over what it had chosen on steps no longer shown. */
  note(flow: Element, route: string): Choices {
    const now = choicesIn(flow);
    const kept = this.flows.get(flow);
    const merged: Choices = kept && kept.route === route ? new Map(kept.choices) : new Map();
    for (const [group, texts] of now) merged.set(group, texts);
    this.flows.set(flow, { route, choices: merged });
    return merged;
  }
}
