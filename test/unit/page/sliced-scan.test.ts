// @vitest-environment happy-dom
// A full scan in slices (the content script's first scan of a large page): with a fake clock that
// moves on at every read, the scan pauses many times and must flag exactly what the one-shot
// scan flags, also when the page changes between slices and the changed blocks are re-scanned
// afterwards (what the content script does with the mutations it held back).
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../../utils/page/matcher.ts';
import { FLAG_ATTR, Flagger, type SlicedScan } from '../../../utils/page/flagger.ts';
import type { ScanBudget } from '../../../utils/page/scan.ts';
import { setPage as page } from './fixtures.ts';

const matcher = new Matcher([
  { name: '家居百货解决方案', terms: ['家居百货方案'] },
  { name: '跨境专供解决方案', terms: [] },
  { name: 'Deal Pro', terms: [] },
]);

const NAMES = [
  '家居百货解决方案',
  '<span>跨境专供</span>解决方案',
  '<b>家居</b>百货方案',
  '12 <i>Deal Pro</i>',
];

/** Rows with ids; a watched name (some split over inline elements) in one row of three. */
function rows(prefix: string, count: number): string {
  let html = '';
  for (let i = 0; i < count; i++) {
    const name = i % 3 === 0 ? NAMES[(i / 3) % NAMES.length]! : `推广计划 ${i}`;
    html += `<tr id="${prefix}${i}"><td id="${prefix}${i}n">${name}</td><td>¥${i}</td><td><button>续费</button></td></tr>`;
  }
  return html;
}

/** Flags on the page, by the flagged element's id (or its parent's). */
function flags(): string[] {
  return [...document.querySelectorAll(`[${FLAG_ATTR}]`)]
    .map((el) => `${el.id || `${el.parentElement!.id}>${el.localName}`}:${el.getAttribute(FLAG_ATTR)}`)
    .sort();
}

/** What a one-shot scan of the page as it is now (without our flags) flags. */
function oneShot(): string[] {
  const copy = document.body.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll(`[${FLAG_ATTR}]`)) el.removeAttribute(FLAG_ATTR);
  const saved = [...document.body.childNodes];
  document.body.replaceChildren(...copy.childNodes);
  new Flagger(matcher).scanAll(document.body);
  const out = flags();
  document.body.replaceChildren(...saved);
  return out;
}

/** A clock that moves on 1 ms at every read, and a budget of `ms` from now. */
function fakeClock(): (ms: number) => ScanBudget {
  let t = 0;
  const now = (): number => ++t;
  return (ms) => ({ now, deadline: t + ms, every: 1 });
}

/** Runs the scan's slices to the end, calling `between(slice)` after each paused slice. */
function runSlices(scan: SlicedScan, ms: number, between: (slice: number) => void = () => {}): number {
  const budget = fakeClock();
  let slices = 0;
  while (!scan.step(budget(ms))) between(++slices);
  return slices + 1;
}

beforeEach(() => page(''));

describe('a full scan in slices', () => {
  it('pauses many times and flags exactly what the one-shot scan flags', () => {
    page(`<table><tbody>${rows('r', 60)}</tbody></table>`);
    const expected = oneShot();
    expect(expected).toHaveLength(20);
    const scan = new Flagger(matcher).beginScanAll(document.body);
    // A page read one node or two at a time: flags go up only once all text is read.
    let before = -1;
    const slices = runSlices(scan, 3, (slice) => {
      if (slice === 5) before = flags().length;
    });
    expect(slices).toBeGreaterThan(20);
    expect(before).toBe(0);
    expect(flags()).toEqual(expected);
  });

  it('a small page with room in its budget is done in one slice', () => {
    page(`<table><tbody>${rows('r', 6)}</tbody></table>`);
    const scan = new Flagger(matcher).beginScanAll(document.body);
    expect(scan.step(fakeClock()(10_000))).toBe(true);
    expect(flags()).toHaveLength(2);
  });

  it('changes between slices, re-scanned afterwards, leave the one-shot result (none lost, none twice)', () => {
    page(
      `<table><tbody id="top">${rows('a', 30)}</tbody></table><table><tbody id="low">${rows('b', 30)}</tbody></table>`,
    );
    const flagger = new Flagger(matcher);
    // Flags from an earlier scan, some of which go stale while this one runs.
    flagger.scanAll(document.body);
    const scan = flagger.beginScanAll(document.body);
    const changed: Node[] = [];
    runSlices(scan, 4, (slice) => {
      if (slice !== 10) return;
      const top = document.getElementById('top')!;
      // The scan is in the first table by now.
      expect(flags().length).toBeGreaterThan(0);
      // Already read: a new row with a name, a name cell edited away, a plain cell given a name.
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.append(document.createElement('span'), '解决方案');
      td.firstChild!.textContent = '跨境专供';
      tr.append(td);
      top.prepend(tr);
      changed.push(tr);
      const gone = document.getElementById('a0n')!.firstChild!;
      gone.textContent = '已换成别的方案';
      changed.push(gone);
      const plain = document.getElementById('a1n')!.firstChild!;
      plain.textContent = 'Deal Pro';
      changed.push(plain);
      // Not read yet: a flagged row removed, a name added, a name cell emptied.
      document.getElementById('b3')!.remove();
      changed.push(document.getElementById('low')!);
      const added = document.createElement('tr');
      added.append(Object.assign(document.createElement('td'), { textContent: '家居百货解决方案' }));
      document.getElementById('low')!.append(added);
      changed.push(added);
      const emptied = document.getElementById('b6n')!;
      emptied.replaceChildren();
      changed.push(emptied);
    });
    flagger.scanChanged(changed);
    const now = flags();
    expect(now).toEqual(oneShot());
    expect(now).toContain('a1n:Deal Pro');
    expect(now.join()).not.toContain('a0n:');
    expect(now.join()).not.toContain('b3n:');
    expect(now.join()).not.toContain('b6n:');
  });

  it('goes on correctly when the part it paused in is removed, and still flags what the one-shot scan flags', () => {
    page(
      `<table id="first"><tbody>${rows('a', 30)}</tbody></table><table><tbody>${rows('b', 30)}</tbody></table>`,
    );
    const scan = new Flagger(matcher).beginScanAll(document.body);
    runSlices(scan, 4, (slice) => {
      if (slice === 3) document.getElementById('first')!.remove();
    });
    expect(flags()).toEqual(oneShot());
    expect(flags()).toHaveLength(10);
  });
});
