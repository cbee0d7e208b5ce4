// `npm run demo` refuses to draw Chinese without a CJK font, and says how to get one (issue 18, item 5).
import { describe, expect, it } from 'vitest';
import { CJK_FONT_HINT, cjkFontProblem } from '../../../scripts/fonts.ts';

describe('cjkFontProblem', () => {
  it('names the package to install when fontconfig lists no Chinese font', () => {
    const problem = cjkFontProblem(() => '');
    expect(problem).toContain(CJK_FONT_HINT);
    expect(CJK_FONT_HINT).toBe('apt-get install -y fonts-noto-cjk');
    expect(problem).toContain('方框');
  });

  it('is satisfied by any font that covers Chinese', () => {
    expect(cjkFontProblem(() => 'Noto Sans CJK SC\n')).toBeNull();
  });
});
