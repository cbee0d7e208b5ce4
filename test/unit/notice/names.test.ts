// The one rule of watchable names (issue 16 item 4), and `feed check` reporting it to publishers.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkNotices } from '../../../feed/check.ts';
import { nameProblem, normalizeName, watchableName } from '../../../utils/notice/names.ts';

describe('watchable names', () => {
  it.each([
    ['方', 'too-short'],
    ['\u200B', 'too-short'],
    ['跨\u200B境', 'too-short'],
    ['1688', 'no-letter'],
    ['１６８８', 'no-letter'],
    ['2023-02-17', 'no-letter'],
    ['解决方案', 'generic'],
    ['解\u00AD决方案', 'generic'],
    ['数字营销', 'generic'],
    ['P4P', 'generic'],
    ['家居百货解决方案', null],
    ['大客方案', null],
    ['Deal Pro', null],
    ['品牌宝 图片制作', null],
  ])('%j → %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });

  it('normalizes the way page text is compared: NFKC, no invisible characters, one space', () => {
    expect(normalizeName('跨境\u200B专供解决\u00AD方案')).toBe('跨境专供解决方案');
    expect(normalizeName(' Ｄｅａｌ\u00A0\u00A0Pro ')).toBe('Deal Pro');
    expect(watchableName('方')).toBeNull();
    expect(watchableName('家居百货\uFEFF方案')).toBe('家居百货方案');
  });
});

describe('feed check on names the extension would not watch', () => {
  it('names the file, field and reason of each', () => {
    const dir = fileURLToPath(new URL('../../fixtures/notices-bad/unwatchable-name', import.meta.url));
    const result = checkNotices(dir);
    expect(result.code).toBe(1);
    const lines = result.output.split('\n');
    const file = path.join(path.relative(process.cwd(), dir), 'names.md');
    expect(lines.slice(0, 4)).toEqual([
      `${file}: products.0.name: "方" is shorter than 3 visible characters`,
      `${file}: products.0.aliases.0: "\u200B" is shorter than 3 visible characters`,
      `${file}: products.0.aliases.1: "解决方案" is a generic word of the backend (utils/notice/names.ts GENERIC_NAMES)`,
      `${file}: products.0.aliases.2: "１６８８" holds only digits or punctuation`,
    ]);
    expect(lines.at(-1)).toBe('feed check: 4 problem(s) in 1 file(s)');
  });
});
