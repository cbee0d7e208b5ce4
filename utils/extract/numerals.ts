// Chinese numerals as announcements write them in dates: 二〇二三 (digit by digit, for years),
// 十七, 二十, 三十一 (for months and days). Nothing larger is needed for a calendar date.

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Character class source (for RegExp) of the numerals a date may be written in. */
export const CN_NUMERAL_CLASS = '〇零一二两三四五六七八九十';

/**
 * The value of `text` written in Arabic digits or Chinese numerals, or NaN when it is neither.
 * Years are read digit by digit (二〇二三 → 2023); anything with 十 is read positionally.
 */
export function parseNumeral(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '' || ![...trimmed].every((c) => c === '十' || c in DIGITS)) return NaN;
  const ten = trimmed.indexOf('十');
  if (ten === -1) {
    return [...trimmed].reduce((acc, c) => acc * 10 + (DIGITS[c] ?? NaN), 0);
  }
  if (trimmed.indexOf('十', ten + 1) !== -1) return NaN;
  const before = trimmed.slice(0, ten);
  const after = trimmed.slice(ten + 1);
  if (before.length > 1 || after.length > 1) return NaN;
  const tens = before === '' ? 1 : (DIGITS[before] ?? NaN);
  const ones = after === '' ? 0 : (DIGITS[after] ?? NaN);
  return tens * 10 + ones;
}
