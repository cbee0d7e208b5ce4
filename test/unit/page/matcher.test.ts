import { describe, expect, it } from 'vitest';
import { Matcher, naiveFind } from '../../../utils/page/matcher.ts';
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
  { name: '解决方案', terms: [] },
  { name: 'P4P Classic', terms: ['p4p'] },
]);

const names = (text: string) => matcher.find(text).map((h) => `${matcher.entries[h.entry]!.name}@${h.start}`);

describe('Matcher', () => {
  it.each([
    ['家居百货解决方案', ['家居百货解决方案@0']],
    ['订购家居百货方案吧', ['家居百货解决方案@2']],
    ['家居百货解决方案、行业优选解决方案', ['家居百货解决方案@0', '行业优选解决方案@9']],
    // Longest wins where names overlap: 解决方案 alone is a (short) watched name here.
    ['跨境专供解决方案', ['跨境专供解决方案@0']],
    ['工业品解决方案', ['解决方案@3']],
    // Only the start of a name: not flagged.
    ['跨境专供', []],
    ['家居百货', []],
    ['', []],
    ['P4P Classic 推广', ['P4P Classic@0']],
    ['p4p classic', ['P4P Classic@0']],
    // Latin names are whole words only.
    ['xp4p', []],
    ['p4px', []],
    ['[p4p]', ['P4P Classic@1']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('streams text in pieces, so a name split across nodes is found', () => {
    const raw: { end: number; term: number }[] = [];
    let state = matcher.feed('订购家居', 0, 0, raw);
    state = matcher.feed('百货', state, 4, raw);
    matcher.feed('解决方案', state, 6, raw);
    const hits = matcher.resolve('订购家居百货解决方案', raw);
    expect(hits.map((h) => [h.start, h.end, matcher.entries[h.entry]!.name])).toEqual([
      [2, 10, '家居百货解决方案'],
    ]);
  });

  it('finds overlapping suffixes through fail links', () => {
    const m = new Matcher([
      { name: '甲乙丙丁', terms: [] },
      { name: '乙丙', terms: [] },
      { name: '乙丙戊', terms: [] },
    ]);
    expect(m.find('甲乙丙戊').map((h) => m.entries[h.entry]!.name)).toEqual(['乙丙戊']);
    expect(m.find('子甲乙丙丁子').map((h) => m.entries[h.entry]!.name)).toEqual(['甲乙丙丁']);
    expect(m.find('甲乙丙 乙丙').map((h) => h.start)).toEqual([1, 4]);
  });

  it('matches with an empty list and counts like the naive baseline', () => {
    expect(new Matcher([]).find('家居百货解决方案')).toEqual([]);
    const text = '家居百货解决方案 行业优选解决方案 家居百货解决方案';
    expect(naiveFind(text, ['家居百货解决方案', '行业优选解决方案'])).toBe(3);
    expect(matcher.find(text)).toHaveLength(3);
  });
});

describe('Matcher.mayStart (the scan skips text it does not match, without feeding it)', () => {
  const m = new Matcher([
    { name: '1688买家旺旺', terms: ['买家旺旺'] },
    { name: '家居百货解决方案', terms: ['家居百货方案'] },
    { name: 'Deal Pro', terms: [] },
    { name: '券', terms: [] },
  ]);
  /** What the scan needs: fed alone, does `text` leave the automaton off its root, or hit? */
  const feedOpensOrHits = (text: string): boolean => {
    const hits: { end: number; term: number }[] = [];
    return m.feed(text, 0, 0, hits) !== 0 || hits.length > 0;
  };

  it.each([
    ['推广计划 1', true], // ends in a name's first character: the next text may go on with it
    ['编号 1016', true], // ends in a name's first two
    ['1234', false],
    ['消费品解决方案', false],
    ['家居百货', true],
    ['居百货解决方案', false], // the tail of a name opens nothing
    ['deal', true],
    ['DEAL', true],
    ['ideal', true], // holds "de": fed, then left alone by the word rule
    ['领券', true], // a name of one character
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(m.mayStart.test(text)).toBe(expected);
    if (!expected) expect(feedOpensOrHits(text)).toBe(false);
  });

  it('never rejects text that feeding would open a name in or hit (seeded random text)', () => {
    const alphabet = [...'1688买家旺旺居百货解决方案DealPROpro 券x0'];
    const pick = picker(7);
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = pick(7); n >= 0; n--) text += alphabet[pick(alphabet.length)];
      if (m.mayStart.test(text)) continue;
      rejected++;
      expect(feedOpensOrHits(text), JSON.stringify(text)).toBe(false);
    }
    expect(rejected).toBeGreaterThan(500);
  });

  it('matches nothing for an empty list', () => {
    expect(new Matcher([]).mayStart.test('家居百货解决方案')).toBe(false);
  });
});

describe('Matcher.mayHold (the scan passes over a block whose whole text it does not match)', () => {
  const m = new Matcher([
    { name: '家居百货解决方案', terms: ['家居百货方案'] },
    { name: 'Deal Pro (a.b)', terms: ['C++ [x]'] },
  ]);

  it.each([
    ['行 1 家居百货方案 ¥3', true],
    ['家居百货', false], // half a name is no name
    ['deal pro (A.B)', true],
    ['DEAL PRO (a.b)', true],
    ['Deal Pro (aXb)', false], // regular-expression characters in a name are literal
    ['use c++ [X] here', true],
    ['c [x]', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(m.mayHold.test(text)).toBe(expected);
  });

  it('never rejects text the matcher finds a term in (seeded random text)', () => {
    const pieces = [
      '家居百货',
      '方案',
      '解决方案',
      'Deal Pro',
      'deal PRO',
      ' (a.b)',
      ' (A.B)',
      'C++',
      ' [x]',
      ' [X]',
    ];
    const pick = picker(11);
    let held = 0;
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let n = pick(8); n >= 0; n--) text += pieces[pick(pieces.length)];
      const hits: { end: number; term: number }[] = [];
      m.feed(text, 0, 0, hits);
      if (!hits.length) continue;
      held++;
      expect(m.mayHold.test(text), JSON.stringify(text)).toBe(true);
    }
    expect(held).toBeGreaterThan(100);
  });

  it('matches nothing for an empty list', () => {
    expect(new Matcher([]).mayHold.test('家居百货解决方案')).toBe(false);
  });
});

describe('Matcher.mayHoldCut (text it rejects holds no term, even with characters cut out)', () => {
  const m = new Matcher([
    { name: '家居百货解决方案', terms: ['百货方案'] },
    { name: 'Deal Pro', terms: [] },
    { name: '1688买家旺旺', terms: ['1688旺铺'] },
    { name: '券', terms: [] },
  ]);

  it.each([
    ['推广计划 1', false], // a first character (1) without its term's last after it
    ['消费品解决方案', false], // the tail of a name
    ['商家 1016 报价', false],
    ['家<script>x</script>居百货解决方案', true],
    ['百 x 案', true], // an alias's first and last characters
    ['案 x 百', false], // in the wrong order
    ['1 号旺铺', true],
    ['1 x 铺', true], // a second term starting with 1
    ['d-o', true],
    ['D x O', true],
    ['领券', true], // a name of one character
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(m.mayHoldCut.test(text)).toBe(expected);
  });

  it('never rejects text that holds a term once some of its characters are cut out (seeded random text)', () => {
    const pieces = [
      '家居',
      '百货',
      '解决',
      '方案',
      'Deal',
      'DEAL',
      ' Pro',
      ' pro',
      '1688',
      '买家',
      '旺旺',
      '居',
      '1',
    ];
    const next = picker(5);
    let held = 0;
    let rejected = 0;
    for (let i = 0; i < 5000; i++) {
      // What a walker reads (`kept`), and the element's textContent: the same with script text
      // (any characters) put in between.
      let kept = '';
      let text = '';
      for (let n = next(6); n >= 0; n--) {
        const piece = pieces[next(pieces.length)]!;
        kept += piece;
        text += piece + (next(2) ? '<x>' : '');
      }
      if (!m.mayHoldCut.test(text)) rejected++;
      if (!m.find(kept).length) continue;
      held++;
      expect(m.mayHoldCut.test(text), JSON.stringify([text, kept])).toBe(true);
    }
    expect(held).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('looks past the first first character for the last character (long text too)', () => {
    expect(m.mayHoldCut.test(`${'1'.repeat(100_000)}`)).toBe(false);
    expect(m.mayHoldCut.test(`x${'1'.repeat(100_000)}旺`)).toBe(true);
    expect(m.mayHoldCut.test('案 1 家 x 案')).toBe(true);
  });

  it('matches nothing for an empty list', () => {
    expect(new Matcher([]).mayHoldCut.test('家居百货解决方案')).toBe(false);
  });
});
