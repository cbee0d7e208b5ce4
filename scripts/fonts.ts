// The demo's screenshots show Chinese: without a CJK font Chromium draws empty boxes (issue 18,
// item 5). fontconfig's own list says whether one is installed.
import { execFileSync } from 'node:child_process';

export const CJK_FONT_HINT = 'apt-get install -y fonts-noto-cjk';

/** Font families that cover Chinese, as fontconfig lists them ('' when none, or no fontconfig). */
export function listChineseFonts(): string {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

/** Why the demo cannot draw Chinese, or null when a CJK font is installed. */
export function cjkFontProblem(list: () => string = listChineseFonts): string | null {
  if (list().trim() !== '') return null;
  return (
    `没有找到中文字体，截图中的中文会显示成方框。请先安装：${CJK_FONT_HINT}\n` +
    `No font for Chinese was found (fc-list :lang=zh), so screenshots would show empty boxes. Install one: ${CJK_FONT_HINT}`
  );
}
