// @vitest-environment happy-dom
// scanText streams text and asks for a text's block only when the text opens a name (the first
// scan's main cost in the content script). Checked here against a plain oracle on seeded random
// pages: group the text nodes by block (text in script, style… is left out without ending the
// group), search each group's whole text, map each hit back to the element holding it.
import { describe, expect, it } from 'vitest';
import { scanText, WIDE_CHILDREN } from '../../../utils/page/scan.ts';
import { build, matcher, oracle, rng } from './scan-pages.ts';

/**
 * The scan asks a block's `textContent` only in elements with WIDE_CHILDREN child elements or
 * more; with 0 it asks every block. The finds must be the same either way: each case runs both.
 */
const WIDTHS = [WIDE_CHILDREN, 0];

/** Scans `html` and checks the finds (element:entry) against `expected` and against the oracle. */
function scanMatchesOracle(html: string, expected: string[]): void {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  // Test fixture markup written here, never feed text.
  root.innerHTML = html; // eslint-disable-line no-unsanitized/property
  for (const wide of WIDTHS) {
    const found = scanText(root, matcher, [], wide).map((f) => `${f.element.localName}:${f.entry}`);
    expect(found).toEqual(expected);
    expect(found).toEqual(oracle(root).map((x) => x.replace(/#[^:]*/, '')));
  }
}

describe('a Latin name does not start inside a longer word, across inline elements', () => {
  it.each([
    ['<p>12<b>Deal Pro</b></p>', []],
    ['<p>12 <b>Deal Pro</b></p>', ['b:2']],
    ['<p>12<script>x</script><b>Deal Pro</b></p>', []],
    ['<div>12<p>Deal Pro</p></div>', ['p:2']],
    ['<p><i>订购</i>Deal Pro</p>', ['p:2']],
  ])('%s → %j', scanMatchesOracle);
});

describe('a name left open at the end of a text goes on in the next text of its block only', () => {
  it.each([
    ['<p>推广计划 1<b>688买家旺旺</b></p>', ['p:3']],
    ['<p><b>推广计划 1</b>688买家旺旺</p>', ['p:3']],
    ['<p>1<script>x</script>688买家旺旺</p>', ['p:3']],
    ['<table><tr><td>1</td><td>688买家旺旺</td></tr></table>', []],
    ['<div>1<p>688买家旺旺</p></div>', []],
    ['<div><b>1</b><p>688买家旺旺</p></div>', []],
  ])('%s → %j', scanMatchesOracle);
});

describe('a block whose text holds no name is passed over unread, as a walker would end the run there', () => {
  it.each([
    // The passed block has text: the run ends there, as at any block.
    ['<div>家居<p>x</p>百货解决方案</div>', []],
    ['<div>家居<p>家居</p>百货解决方案</div>', []],
    // No text in it: the run goes on through it.
    ['<div>家居<p></p>百货解决方案</div>', ['div:0']],
    ['<div>家居<p><i></i></p>百货解决方案</div>', ['div:0']],
    // Script text is skipped without ending the run, so a block holding some is read.
    ['<div>家居<p><script>x</script></p>百货解决方案</div>', ['div:0']],
    ['<div>家居<p><textarea>家居</textarea></p>百货解决方案</div>', ['div:0']],
    // Inline elements are never passed over: their text joins their block's run.
    ['<div>家居<span>x</span>百货解决方案</div>', []],
    ['<div>家居<span>百货</span>解决方案</div>', ['div:0']],
    // Names in any case, in passed-over company.
    ['<ul><li>无</li><li>deal pro</li><li>其他</li><li>DEAL PRO 1</li></ul>', ['li:2', 'li:2']],
    ['<table><tr><td>推广计划 1</td></tr><tr><td>688买家旺旺</td></tr></table>', []],
  ])('%s → %j', scanMatchesOracle);
});

describe('among blocks passed over, what is not passed over is still read', () => {
  it.each([
    // Inline elements are not passed over: 家居 opens the name that the next text closes.
    ['<div><p>甲</p><p>乙</p><p>丙</p><span>家居</span>百货解决方案</div>', ['div:0']],
    // Text between passed blocks is still read, and an empty block does not end its run.
    ['<div><p>甲</p><p>乙</p><p></p>家居百货解决方案</div>', ['div:0']],
    ['<div><p>甲</p><p>乙</p><p>丙</p>家居<p></p>百货解决方案</div>', ['div:0']],
    ['<div><p>甲</p><p>乙</p><p>丙</p>百货解决方案<p>家居百货解决方案</p></div>', ['p:0']],
    // A later block with script inside (its textContent has the script's text) is read.
    ['<div><p>甲</p><p>乙</p><p>丙</p><p>家居<script>x</script>百货解决方案</p></div>', ['p:0']],
    ['<div><p>甲</p><p>乙</p><p>丙</p><p>家居<script>x</script>百货解决方案</p><p>丁</p></div>', ['p:0']],
    // A block holding only script text is passed over between texts of its parent's run: the
    // character before a Latin name is still the one a walker would give (2: not a whole word).
    ['<div>12<p><script>x</script></p>Deal Pro<p>甲</p><p>乙</p></div>', []],
    ['<div>12 <p><script>x</script></p>Deal Pro<p>甲</p><p>乙</p></div>', ['div:2']],
    // Names far apart among many passed rows.
    [
      `<ul>${'<li>无</li>'.repeat(100)}<li>1688买家旺旺</li>${'<li>无</li>'.repeat(40)}<li>deal pro</li></ul>`,
      ['li:3', 'li:2'],
    ],
  ])('%s → %j', scanMatchesOracle);
});

describe('scanText agrees with a plain oracle', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i', (seed) => {
    const random = rng(seed);
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    build(root, random, 0);
    let id = 0;
    for (const el of root.querySelectorAll('*')) el.id = `e${id++}`;
    for (const wide of WIDTHS) {
      const found = scanText(root, matcher, [], wide).map(
        (f) => `${f.element.localName}#${f.element.id}:${f.entry}`,
      );
      expect(found).toEqual(oracle(root));
    }
  });

  it('the seeds cover pages with names, split names and none', () => {
    let withHits = 0;
    for (let seed = 1; seed <= 40; seed++) {
      document.body.replaceChildren();
      const root = document.createElement('div');
      document.body.append(root);
      build(root, rng(seed), 0);
      if (scanText(root, matcher).length) withHits++;
    }
    expect(withHits).toBeGreaterThan(10);
    expect(withHits).toBeLessThan(40);
  });
});
