// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Matcher } from '../../../utils/page/matcher.ts';
import { FLAG_ATTR, Flagger, changedBlocks } from '../../../utils/page/flagger.ts';
import { scanText } from '../../../utils/page/scan.ts';
import { setPage as page } from './fixtures.ts';

const matcher = new Matcher([
  { name: '家居百货解决方案', terms: ['家居百货方案'] },
  { name: '跨境专供解决方案', terms: [] },
  { name: '行业优选解决方案', terms: [] },
]);

const flags = () =>
  [...document.querySelectorAll(`[${FLAG_ATTR}]`)].map((el) => `${el.tagName}:${el.getAttribute(FLAG_ATTR)}`);

beforeEach(() => page(''));

describe('scanText', () => {
  it.each([
    ['<table><tr><td>家居百货解决方案</td><td>12</td></tr></table>', ['TD:家居百货解决方案']],
    ['<table><tr><td><span>家居百货</span>解决方案</td></tr></table>', ['TD:家居百货解决方案']],
    ['<div class="next-card-title"><b>行业</b><i>优选</i>解决方案</div>', ['DIV:行业优选解决方案']],
    ['<p>订购<a href="#">家居百货方案</a>请注意</p>', ['A:家居百货解决方案']],
    ['<ul><li>跨境专供</li><li>跨境专供解决方案</li></ul>', ['LI:跨境专供解决方案']],
    // A block boundary splits the text: not one name.
    ['<div>家居百货<div>解决方案</div></div>', []],
    ['<td>跨境专供</td>', []],
    ['<div><script>var x="家居百货解决方案"</script><textarea>家居百货解决方案</textarea></div>', []],
    // Text that opens no name is read without asking for its block; what follows still is.
    ['<table><tr><td>推广计划 12<span>家居百货</span>解决方案</td></tr></table>', ['TD:家居百货解决方案']],
    [
      '<table><tr><td>推广<b>计划</b></td><td>家居百货<i>解决方案</i></td></tr></table>',
      ['TD:家居百货解决方案'],
    ],
    ['<table><tr><td>推广计划</td><td>跨境专供</td><td>解决方案</td></tr></table>', []],
    // Script text ends the run: a name is not read across it.
    ['<table><tr><td>家居百货<script>x = 1</script>解决方案</td></tr></table>', []],
    ['<div><script>家居百货</script>解决方案</div>', []],
    ['<div>12<textarea>家居百货解决方案</textarea>跨境专供解决方案</div>', ['DIV:跨境专供解决方案']],
    [
      '<p>家居百货解决方案、跨境专供解决方案</p><p>行业优选解决方案</p>',
      ['P:家居百货解决方案', 'P:跨境专供解决方案', 'P:行业优选解决方案'],
    ],
  ])('%s', (html, expected) => {
    page(html);
    const found = scanText(document.body, matcher);
    expect(found.map((f) => `${f.element.tagName}:${matcher.entries[f.entry]!.name}`)).toEqual(expected);
  });
});

describe('Flagger', () => {
  /** What the listener was told last, per element: the names and their occurrences. */
  function recording(): { told: Map<Element, string[] | null>; f: Flagger } {
    const told = new Map<Element, string[] | null>();
    const f = new Flagger(matcher, (el, record) =>
      told.set(
        el,
        record
          ? record.occurrences.map((o) => `${matcher.entries[o.entry]!.name}@${o.startOffset}-${o.endOffset}`)
          : null,
      ),
    );
    return { told, f };
  }

  it('flags once, tells where each name is, and is idempotent', () => {
    page(
      '<table><tr><td id="a">家居百货解决方案</td></tr></table><p>请改用<span id="s">行业优选解决方案</span>。</p>',
    );
    const { told, f } = recording();
    f.scanAll(document.body);
    f.scanAll(document.body);
    expect(flags()).toEqual(['TD:家居百货解决方案', 'SPAN:行业优选解决方案']);
    expect(told.get(document.getElementById('a')!)).toEqual(['家居百货解决方案@0-8']);
    expect(told.get(document.getElementById('s')!)).toEqual(['行业优选解决方案@0-8']);
    expect([...f.entriesOnPage()].sort()).toEqual([0, 2]);
  });

  it('scans added rows only, and takes a flag down when its text goes', () => {
    page('<table><tbody id="b"><tr><td>普通方案</td></tr></tbody></table>');
    const { told, f } = recording();
    f.scanAll(document.body);
    expect(flags()).toEqual([]);
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.append(document.createElement('span'), '解决方案');
    td.firstChild!.textContent = '跨境专供';
    tr.append(td);
    document.getElementById('b')!.append(tr);
    expect(f.scanChanged([tr])).toEqual([tr]);
    expect(flags()).toEqual(['TD:跨境专供解决方案']);
    expect(told.get(td)).toEqual(['跨境专供解决方案@0-4']);
    const tail = td.childNodes[1]!;
    tail.textContent = '方案';
    f.scanChanged([tail]);
    expect(flags()).toEqual([]);
    expect(told.get(td)).toBeNull();
  });

  it('never flags or rescans what the merchant edits', () => {
    page('<div contenteditable="true" id="e"><p>草稿</p></div><p id="p">家居百货解决方案</p>');
    const { f } = recording();
    f.scanAll(document.body);
    expect(flags()).toEqual(['P:家居百货解决方案']);
    const editor = document.getElementById('e')!;
    const typed = document.createTextNode('家居百货解决方案');
    editor.firstElementChild!.append(typed);
    expect(f.scanChanged([typed, editor.firstElementChild!])).toEqual([]);
    f.scanAll(document.body);
    expect(flags()).toEqual(['P:家居百货解决方案']);
  });

  it('a batch looks only inside its blocks: flags elsewhere stay, flags the page removed are forgotten', () => {
    page(
      '<table><tbody><tr id="a"><td>家居百货解决方案</td></tr><tr id="b"><td>行业优选解决方案</td></tr>' +
        '<tr id="c"><td>跨境专供解决方案</td></tr></tbody></table>',
    );
    const { f } = recording();
    f.scanAll(document.body);
    expect([...f.entriesOnPage()].sort()).toEqual([0, 1, 2]);
    const b = document.getElementById('b')!;
    b.firstElementChild!.firstChild!.textContent = '普通方案';
    document.getElementById('c')!.remove();
    f.scanChanged([b.firstElementChild!.firstChild!]);
    expect(flags()).toEqual(['TD:家居百货解决方案']);
    expect([...f.entriesOnPage()]).toEqual([0]);
    expect(f.size).toBe(1);
  });

  it('clear() leaves the page as it was', () => {
    const html = '<div class="next-card"><div class="next-card-title">家居百货解决方案</div></div>';
    page(html);
    const { f } = recording();
    f.scanAll(document.body);
    expect(document.body.innerHTML).not.toBe(html);
    f.clear();
    expect(document.body.innerHTML).toBe(html);
  });
});

describe('changedBlocks', () => {
  it('keeps the outermost blocks and ignores the extension’s own nodes', () => {
    page('<table><tr id="r"><td id="c"><span id="s">x</span></td></tr></table>');
    const r = document.getElementById('r')!;
    const c = document.getElementById('c')!;
    const s = document.getElementById('s')!;
    const own = document.createElement('sunset-watch-badge');
    c.append(own);
    expect(changedBlocks([s, c, r, own])).toEqual([r]);
    expect(changedBlocks([s.firstChild!])).toEqual([c]);
    expect(changedBlocks([own])).toEqual([]);
  });

  it('leaves out nodes in an editor', () => {
    page('<div contenteditable><p id="p">x</p></div>');
    expect(changedBlocks([document.getElementById('p')!.firstChild!])).toEqual([]);
  });
});
