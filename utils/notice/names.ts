// Which product names can be watched on a page (issue 16 item 4): the one rule the page matcher
// and `feed check` share. A feed name of 「方」 flagged 495 cells and held an unrelated product's
// 立即订购; one made only of a zero-width space flagged 43. A name is watchable when, after NFKC
// and with invisible characters removed, it has at least 3 characters, holds a letter (not only
// digits or punctuation) and is not a generic word of the backend (the list below).

/**
 * Characters that take no room on screen: soft hyphen, zero-width space / joiners, direction
 * marks and embeddings, word joiner and invisible operators, variation selectors, BOM, Hangul
 * fillers. A regular-expression class; page text is matched through them (utils/page/matcher.ts).
 */
export const INVISIBLE_CLASS =
  '[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0]';
// Combining marks (U+034F, variation selectors) are listed one by one on purpose: each is removed.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'g');

/**
 * Words every page of the backend shows: a name made of one of them alone would flag whole pages.
 * Compared after `normalizeName`, case-insensitively.
 */
export const GENERIC_NAMES: readonly string[] = [
  '解决方案',
  '方案',
  '套餐',
  '推广',
  '服务',
  '产品',
  '营销',
  '数字营销',
  '广告',
  '计划',
  '推广计划',
  '订购',
  '续订',
  '立即订购',
  '工具',
  '账户',
  '店铺',
  '商品',
  '活动',
  '阿里巴巴',
  '1688',
  '1688数字营销',
  'p4p',
];
const GENERIC = new Set(GENERIC_NAMES.map((n) => n.toLowerCase()));

/** NFKC, invisible characters removed, every run of white space (NBSP too) one space, trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

export type NameProblem = 'too-short' | 'no-letter' | 'generic';

/** Why `raw` cannot be watched, or null when it can. */
export function nameProblem(raw: string): NameProblem | null {
  const name = normalizeName(raw);
  if ([...name.replace(/ /g, '')].length < 3) return 'too-short';
  if (!/\p{L}/u.test(name)) return 'no-letter';
  if (GENERIC.has(name.toLowerCase())) return 'generic';
  return null;
}

/** The name as the page matcher searches for it, or null when it cannot be watched. */
export function watchableName(raw: string): string | null {
  return nameProblem(raw) ? null : normalizeName(raw);
}

/** The reason in words, for publishers (`feed check`). */
export const NAME_PROBLEM_TEXT: Record<NameProblem, string> = {
  'too-short': 'is shorter than 3 visible characters',
  'no-letter': 'holds only digits or punctuation',
  generic: 'is a generic word of the backend (utils/notice/names.ts GENERIC_NAMES)',
};
