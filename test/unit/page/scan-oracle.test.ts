// @vitest-environment happy-dom
// scanText walks the page by runs of text and passes over blocks whose whole text holds no name.
// Checked here against a plain oracle on seeded random pages and on hand-written cases: split the
// page's text into runs at every element that is not inline (script, textarea…: their text left
// out), search each run's whole text, map each hit back to the element holding it.
import { describe, expect, it } from 'vitest';
import { scanText } from '../../../utils/page/scan.ts';
import { build, matcher, oracle, rng } from './scan-pages.ts';

/** Scans `html` and checks the finds (element:entry) against `expected` and against the oracle. */
function scanMatchesOracle(html: string, expected: string[]): void {
  document.body.replaceChildren();
  const root = document.createElement('div');
  document.body.append(root);
  // Test fixture markup written here, never feed text.
  root.innerHTML = html; // eslint-disable-line no-unsanitized/property
  const found = scanText(root, matcher).map((f) => `${f.element.localName}:${f.entry}`);
  expect(found).toEqual(expected);
  if (!html.includes('contenteditable'))
    expect(found).toEqual(oracle(root).map((x) => x.replace(/#[^:]*/, '')));
}

describe('a Latin name does not start inside a longer word, across inline elements', () => {
  it.each([
    ['<p>12<b>Deal Pro</b></p>', []],
    ['<p>12 <b>Deal Pro</b></p>', ['b:2']],
    // Script text ends the run: what follows it starts afresh.
    ['<p>12<script>x</script><b>Deal Pro</b></p>', ['b:2']],
    ['<div>12<p>Deal Pro</p></div>', ['p:2']],
    ['<p><i>订购</i>Deal Pro</p>', ['p:2']],
  ])('%s → %j', scanMatchesOracle);
});

describe('a name goes on across inline elements of its block only', () => {
  it.each([
    ['<p>推广计划 1<b>688买家旺旺</b></p>', ['p:3']],
    ['<p><b>推广计划 1</b>688买家旺旺</p>', ['p:3']],
    ['<p>1<script>x</script>688买家旺旺</p>', []],
    ['<table><tr><td>1</td><td>688买家旺旺</td></tr></table>', []],
    ['<div>1<p>688买家旺旺</p></div>', []],
    ['<div><b>1</b><p>688买家旺旺</p></div>', []],
    ['<div>家居<span>百货</span>解决方案</div>', ['div:0']],
    ['<div>家居<span>x</span>百货解决方案</div>', []],
    // Any element that is not inline ends the run, empty or not (it starts a new line).
    ['<div>家居<p>x</p>百货解决方案</div>', []],
    ['<div>家居<p></p>百货解决方案</div>', []],
    ['<div>家居<br>百货解决方案</div>', []],
    ['<div>家居<p><script>x</script></p>百货解决方案</div>', []],
  ])('%s → %j', scanMatchesOracle);
});

describe('text matched through characters that take no room on screen (item 4)', () => {
  it.each([
    ['<p>跨境\u200B专供解决\u00AD方案</p>', ['p:1']],
    ['<p>家居百货<span>\u200B</span>解决方案</p>', ['p:0']],
    ['<p>订购 Deal\u00A0Pro</p>', ['p:2']],
    ['<p>\uFEFF家居百货方案</p>', ['p:0']],
  ])('%j → %j', scanMatchesOracle);
});

describe('what the merchant edits is never read (item 5)', () => {
  it.each([
    ['<div contenteditable>家居百货解决方案</div>', []],
    ['<div contenteditable="plaintext-only"><p>家居百货解决方案</p></div>', []],
    ['<div contenteditable="false">家居百货解决方案</div>', ['div:0']],
    ['<p>家居百货解决方案<textarea>家居百货解决方案</textarea></p>', ['p:0']],
  ])('%s → %j', scanMatchesOracle);
});

describe('blocks passed over by their whole text, and what is still read among them', () => {
  it.each([
    ['<ul><li>无</li><li>deal pro</li><li>其他</li><li>DEAL PRO 1</li></ul>', ['li:2', 'li:2']],
    ['<table><tr><td>推广计划 1</td></tr><tr><td>688买家旺旺</td></tr></table>', []],
    ['<div><p>甲</p><p>乙</p><p>丙</p><span>家居</span>百货解决方案</div>', ['div:0']],
    ['<div><p>甲</p><p>乙</p><p></p>家居百货解决方案</div>', ['div:0']],
    ['<div><p>甲</p><p>乙</p><p>丙</p>百货解决方案<p>家居百货解决方案</p></div>', ['p:0']],
    ['<div><p>甲</p><p>乙</p><p>丙</p><p>家居<script>x</script>百货解决方案</p><p>丁</p></div>', []],
    ['<div>12<p><script>x</script></p>Deal Pro<p>甲</p><p>乙</p></div>', ['div:2']],
    [
      `<ul>${'<li>无</li>'.repeat(100)}<li>1688买家旺旺</li>${'<li>无</li>'.repeat(40)}<li>deal pro</li></ul>`,
      ['li:3', 'li:2'],
    ],
  ])('%s → %j', scanMatchesOracle);
});

describe('scanText agrees with a plain oracle', () => {
  it.each(Array.from({ length: 60 }, (_, i) => i + 1))('seed %i', (seed) => {
    const random = rng(seed);
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    build(root, random, 0);
    let id = 0;
    for (const el of root.querySelectorAll('*')) el.id = `e${id++}`;
    const found = scanText(root, matcher).map((f) => `${f.element.localName}#${f.element.id}:${f.entry}`);
    expect(found).toEqual(oracle(root));
  });

  it('the seeds cover pages with names, split names and none', () => {
    let withHits = 0;
    for (let seed = 1; seed <= 60; seed++) {
      document.body.replaceChildren();
      const root = document.createElement('div');
      document.body.append(root);
      build(root, rng(seed), 0);
      if (scanText(root, matcher).length) withHits++;
    }
    expect(withHits).toBeGreaterThan(10);
    expect(withHits).toBeLessThan(60);
  });
});
