// Seeded random pages and a plain oracle for `scanText` (utils/page/scan.ts), shared by the unit
// test (happy-dom) and the e2e test that runs the same check in Chromium. The oracle splits the
// page's text into runs at every element that is not inline (script and textarea too, whose text
// is left out), searches each run's whole text and maps each hit back to the element holding it.
import { Matcher } from '../../../utils/page/matcher.ts';

export const matcher = new Matcher([
  { name: '家居百货解决方案', terms: ['家居百货方案'] },
  { name: '跨境专供解决方案', terms: [] },
  { name: 'Deal Pro', terms: [] },
  // Starts with a digit: numbers ending in 1 or 16 leave it open at the end of their text.
  { name: '1688买家旺旺', terms: [] },
]);

/** Pieces that open, close, hold or almost hold a name, and text that has nothing to do with one. */
const PIECES = [
  '家居',
  '百货',
  '解决方案',
  '家居百货',
  '方案',
  '跨境专供',
  '家居百货解决方案',
  'Deal',
  ' Pro',
  'Deal Pro',
  '推广计划 12',
  '推广计划 1',
  '1016',
  '688买家旺旺',
  '¥3.50',
  '、',
  ' ',
  // Invisible on screen: the same name to a merchant.
  '家居\u200B百货',
  '解\u00AD决方案',
  'Deal\u00A0Pro',
];
const INLINE = ['span', 'b', 'a', 'i'];
const BLOCKS = ['div', 'p', 'td', 'li'];
const SKIPPED = ['script', 'textarea'];

export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function build(parent: Element, random: () => number, depth: number): void {
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const r = random();
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    if (r < 0.5 || depth > 3) parent.append(document.createTextNode(pick(PIECES)));
    else if (r < 0.7) {
      const el = document.createElement(pick(INLINE));
      parent.append(el);
      build(el, random, depth + 1);
    } else if (r < 0.9) {
      const el = document.createElement(pick(BLOCKS) === 'td' ? 'div' : pick(BLOCKS));
      parent.append(el);
      build(el, random, depth + 1);
    } else {
      const el = document.createElement(pick(SKIPPED));
      el.textContent = pick(PIECES);
      parent.append(el);
    }
  }
}

/** The page's text as runs: text nodes, with a break at every element that is not inline. */
function runs(node: Node, out: (Text | null)[]): (Text | null)[] {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out.push(child as Text);
    else if (child.nodeType !== 1) continue;
    else if (INLINE.includes((child as Element).localName)) runs(child, out);
    else {
      out.push(null);
      if (!SKIPPED.includes((child as Element).localName)) runs(child, out);
      out.push(null);
    }
  }
  return out;
}

export function oracle(root: Element): string[] {
  const groups: Text[][] = [[]];
  for (const token of runs(root, [])) {
    if (token) groups.at(-1)!.push(token);
    else if (groups.at(-1)!.length) groups.push([]);
  }
  const out: string[] = [];
  for (const nodes of groups) {
    const starts: number[] = [];
    let text = '';
    for (const n of nodes) {
      starts.push(text.length);
      text += n.data;
    }
    const at = (offset: number): Text => nodes[starts.findLastIndex((s) => s <= offset)]!;
    for (const hit of matcher.find(text)) {
      const last = at(hit.end - 1);
      let el = at(hit.start).parentElement;
      while (el && !el.contains(last)) el = el.parentElement;
      out.push(`${el!.localName}#${el!.id}:${hit.entry}`);
    }
  }
  return out;
}
