// One length-preserving normalisation before any rule looks at a notice (issue 19): full-width
// ASCII and odd spaces folded, 〇's look-alike ○ made 〇, and traditional characters made
// simplified (截止, 繳費, 平臺 in an otherwise simplified notice) with opencc-js rather than a
// hand table. Every character stays one UTF-16 unit for one, so an offset into the normalised
// text is the same offset into what the merchant reads: dates, phrases and names are sliced
// from the original. Browser-safe (no Node API): the capture script runs this on rule.1688.com.
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

// Only these three dictionaries (≈ 21 kB gzip with opencc's core): Taiwan and Hong Kong variant
// forms to OpenCC's traditional standard (為 → 爲), then traditional characters to simplified.
// OpenCC's phrase table (TSPhrases, 4.6 kB gzip) only chooses between simplified forms by
// context (乾淨 → 干净 but 乾隆); over the whole training corpus it changes one character (瞭解),
// in no cue word, date or name, so the capture script does not carry it. The regional word
// tables (支援 → 支持, 資料 → 数据) would add 12 kB gzip for a few cue words, so the cue tables
// name those few themselves (rules.ts, names.ts). Entries that would change a text's length are
// dropped. The conversion is one-way by nature (著 → 着 also hits simplified 显著); that is
// harmless here because rules match on the normalised text and output is cut from the original.

let converter: ConverterFunction | null = null;

/**
 * Simplified characters a variant table would change: Taiwan's table reads 么 as the variant of
 * 幺, which turns a simplified 什么 into 什幺. Over every character the tables map to, this is
 * the only one the two stages do not bring back to itself.
 */
const KEEP = new Set(['么']);

/**
 * Entries whose replacement has another UTF-16 length (mostly rare astral characters) are
 * dropped, and those that would change a character of KEEP.
 */
function sameLength(dict: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from !== undefined && to !== undefined && from.length === to.length && !KEEP.has(from))
      out.push([from, to]);
  }
  return out;
}

function toSimplified(text: string): string {
  // Built on first use (≈ 13 ms): a page that is no announcement never pays for it.
  converter ??= ConverterFactory(
    [sameLength(HKVariantsRev), sameLength(TWVariantsRev)],
    [sameLength(TSCharacters)],
  );
  const out = converter(text);
  // Cannot happen with the filtered tables; if it ever does, offsets matter more than 繁體.
  return out.length === text.length ? out : text;
}

/** Full-width ASCII (！–～), the ideographic and no-break spaces, and ○ for 〇, one for one. */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0) out += ' ';
    else if (code === 0x25cb || code === 0x25ef) out += '〇';
    else out += text[i];
  }
  return out;
}

/** The text every rule reads: same length as `text`, offsets shared. */
export function normalizeText(text: string): string {
  return toSimplified(foldWidth(text));
}
