import { describe, expect, it } from 'vitest';
import { Matcher, naiveFind } from '../../../utils/page/matcher.ts';

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
