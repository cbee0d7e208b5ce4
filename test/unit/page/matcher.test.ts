import { describe, expect, it } from 'vitest';
import { Matcher } from '../../../utils/page/matcher.ts';
import { rng } from './scan-pages.ts';

/** Seeded whole numbers below `n`, for the property tests. */
function picker(seed: number): (n: number) => number {
  const random = rng(seed);
  return (n) => Math.floor(random() * n);
}

const matcher = new Matcher([
  { name: '家居百货解决方案', terms: ['家居百货方案'] },
  { name: '行业优选解决方案', terms: [] },
  { name: '跨境专供解决方案', terms: [] },
  { name: '大客方案', terms: [] },
  { name: 'P4P Classic', terms: ['p4p pro'] },
]);

const names = (text: string) => matcher.find(text).map((h) => `${matcher.entries[h.entry]!.name}@${h.start}`);

describe('Matcher', () => {
  it.each([
    ['家居百货解决方案', ['家居百货解决方案@0']],
    ['订购家居百货方案吧', ['家居百货解决方案@2']],
    ['家居百货解决方案、行业优选解决方案', ['家居百货解决方案@0', '行业优选解决方案@9']],
    // Only the start of a name: not flagged.
    ['跨境专供', []],
    ['家居百货', []],
    ['', []],
    ['P4P Classic 推广', ['P4P Classic@0']],
    ['p4p classic', ['P4P Classic@0']],
    ['P4P  Pro', ['P4P Classic@0']],
    // Latin names are whole words only.
    ['xp4p classic', []],
    ['p4p classics', []],
    ['[p4p pro]', ['P4P Classic@1']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    // Invisible on screen, so the same name to a merchant (issue 16 item 4).
    ['跨境\u200B专供解决方案', 0, 9],
    ['跨境专供解决\u00AD方案', 0, 9],
    ['跨\u200B境\u200C专\u200D供\u2060解\uFEFF决方案', 0, 13],
    ['订购 P4P\u00A0Classic', 3, 14],
  ])('through invisible characters: %j', (text, start, end) => {
    expect(matcher.find(text).map((h) => [h.start, h.end])).toEqual([[start, end]]);
  });

  it('searches only watchable names and aliases (utils/notice/names.ts)', () => {
    const m = new Matcher([
      { name: '方', terms: ['\u200B', '解决方案', '1688'] },
      { name: '家居百货解决方案', terms: ['方案'] },
    ]);
    expect(m.size).toBe(1);
    expect(m.find('解决方案 方 1688 方案 家居百货解决方案').map((h) => h.entry)).toEqual([1]);
    expect(new Matcher([{ name: '方', terms: [] }]).find('方'.repeat(50))).toEqual([]);
  });

  it('the first entry naming a term wins; the longest term where several start at one place', () => {
    const m = new Matcher([
      { name: '甲乙丙丁', terms: [] },
      { name: '甲乙丙', terms: [] },
      { name: '甲乙丙丁', terms: ['乙丙丁戊'] },
    ]);
    expect(m.find('甲乙丙丁').map((h) => [h.entry, h.term])).toEqual([[0, '甲乙丙丁']]);
    expect(m.find('甲乙丙戊').map((h) => [h.entry, h.term])).toEqual([[1, '甲乙丙']]);
  });

  it('regular-expression characters in a name are literal', () => {
    const m = new Matcher([{ name: 'Deal Pro (a.b)', terms: ['C++ [x]'] }]);
    expect(m.find('deal pro (A.B) c++ [X]')).toHaveLength(2);
    expect(m.find('Deal Pro (aXb) C [x]')).toHaveLength(0);
  });

  it('matches nothing for an empty list', () => {
    expect(new Matcher([]).find('家居百货解决方案')).toEqual([]);
    expect(new Matcher([]).mayHold.test('家居百货解决方案')).toBe(false);
  });
});

describe('Matcher.mayHold (the scan passes over a block whose whole text it does not match)', () => {
  it('never rejects text the matcher finds a name in (seeded random text)', () => {
    const pieces = ['家居百货', '方案', '解决方案', '\u200B', 'P4P', ' Classic', 'x', ' ', '行业优选'];
    const pick = picker(11);
    let held = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = pick(8); n >= 0; n--) text += pieces[pick(pieces.length)];
      if (!matcher.find(text).length) continue;
      held++;
      expect(matcher.mayHold.test(text), JSON.stringify(text)).toBe(true);
    }
    expect(held).toBeGreaterThan(100);
  });

  it('half a name is no name', () => {
    expect(matcher.mayHold.test('家居百货')).toBe(false);
    expect(matcher.mayHold.test('行 1 家居百货方案 ¥3')).toBe(true);
  });
});
