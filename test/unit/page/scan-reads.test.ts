// @vitest-environment happy-dom
// What a scan reads, not only what it finds (the finds are checked in scan-oracle.test.ts): rows
// that cannot hold a name are passed over with one `textContent` each, their text nodes never
// read one by one, and an element holding everything (body > table > tbody) is not asked for all
// of its text on the way down.
import { afterEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../../utils/page/matcher.ts';
import { scanText } from '../../../utils/page/scan.ts';

const matcher = new Matcher([{ name: '家居百货解决方案', terms: [] }]);

/** Wraps the getter `name` where `sample`'s prototype chain defines it; records each `this`. */
function recordGetter(sample: object, name: string): { seen: unknown[]; restore: () => void } {
  let proto: object | null = Object.getPrototypeOf(sample) as object | null;
  while (proto && !Object.getOwnPropertyDescriptor(proto, name))
    proto = Object.getPrototypeOf(proto) as object;
  if (!proto) throw new Error(`no getter ${name}`);
  const owner = proto;
  const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
  const seen: unknown[] = [];
  Object.defineProperty(owner, name, {
    ...descriptor,
    get(this: unknown) {
      seen.push(this);
      return descriptor.get!.call(this);
    },
  });
  return { seen, restore: () => Object.defineProperty(owner, name, descriptor) };
}

const restores: (() => void)[] = [];
afterEach(() => restores.splice(0).forEach((restore) => restore()));

function table(rows: number, named: number): HTMLTableSectionElement {
  document.body.replaceChildren();
  const tbody = document.createElement('tbody');
  for (let i = 0; i < rows; i++) {
    const tr = document.createElement('tr');
    for (const text of [
      `推广计划 ${i}`,
      i === named ? '家居百货解决方案' : '消费品解决方案',
      String(1000 + i),
    ]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tbody.append(tr);
  }
  const el = document.createElement('table');
  el.append(tbody);
  document.body.append(el);
  return tbody;
}

describe('a scan reads little of what cannot hold a name', () => {
  it('reads the text nodes of the one row naming a product, and each other row once as a whole', () => {
    const tbody = table(60, 17);
    const data = recordGetter(document.createTextNode(''), 'data');
    const whole = recordGetter(tbody, 'textContent');
    restores.push(data.restore, whole.restore);

    const found = scanText(document.body, matcher);

    expect(found.map((f) => f.element.textContent)).toEqual(['家居百货解决方案']);
    const named = tbody.children[17]!;
    const textsRead = new Set(data.seen);
    expect([...textsRead].every((node) => named.contains(node as Node))).toBe(true);
    expect(textsRead.size).toBeGreaterThan(0);
    // body, table and tbody hold the name too: reading their whole text would be wasted.
    const asked = new Set(whole.seen);
    for (const el of [document.body, document.querySelector('table'), tbody])
      expect(asked.has(el)).toBe(false);
    for (const row of tbody.children) expect(asked.has(row)).toBe(true);
  });

  it('asks whether a table holds script or style only when a row could hide a name split by it', () => {
    const tbody = table(60, 17);
    const queried: unknown[] = [];
    const query = Element.prototype.querySelector;
    Element.prototype.querySelector = function (this: Element, selectors: string) {
      queried.push(this);
      return query.call(this, selectors);
    } as typeof query;
    restores.push(() => (Element.prototype.querySelector = query));
    const named = tbody.children[17]!;
    const outsideNamedRow = (): unknown[] => queried.filter((el) => !named.contains(el as Node));

    expect(scanText(document.body, matcher).map((f) => f.element.textContent)).toEqual(['家居百货解决方案']);
    // No other row holds 家 and then 案 (the name's first and last characters): cutting script
    // text out of it cannot make the name, so nothing walks the table's nodes looking for script.
    expect(outsideNamedRow()).toEqual([]);

    // Rows holding 商家 … 解决方案 could: now it is asked, once for the whole table.
    const rows = [...tbody.children].slice(30, 40);
    for (const row of rows) row.firstElementChild!.textContent = '商家';
    queried.length = 0;
    expect(scanText(document.body, matcher)).toHaveLength(1);
    expect(outsideNamedRow()).toEqual([tbody]);

    // With a script in the table, each such row is asked on its own (and the table still once).
    tbody.children[50]!.firstElementChild!.append(document.createElement('script'));
    queried.length = 0;
    expect(scanText(document.body, matcher)).toHaveLength(1);
    expect(outsideNamedRow()).toEqual([tbody, ...rows]);
  });
});
