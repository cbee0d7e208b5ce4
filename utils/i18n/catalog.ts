// UI text lives in `locales/<lang>/<part>.json` (Chrome's messages.json format), one file per
// part of the extension so parts can grow without editing one shared file. The build merges
// them into `_locales/<lang>/messages.json` (see wxt.config.ts); pages import just the parts
// they need, and the content script is sent its part in one language by the background
// (components/page/words.ts), so a user-chosen language works without browser.i18n (which only
// follows the browser's language).

export const LANGS = ['zh_CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh_CN';

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;
export type Catalogs = Record<Lang, Messages>;
/** A surface's messages in one language (the page's, as the background sends them). */
export interface Words {
  lang: Lang;
  messages: Messages;
}

/** Merges part files into one catalog per language; a key defined twice is a bug. */
export function mergeParts(parts: Messages[]): Messages {
  const merged: Messages = {};
  for (const part of parts) {
    for (const [key, entry] of Object.entries(part)) {
      if (key in merged) throw new Error(`message key "${key}" is defined twice`);
      merged[key] = entry;
    }
  }
  return merged;
}

/** The UI language for a setting (`auto` follows the browser's UI language). */
export function resolveLang(setting: 'auto' | Lang, browserLang: string | undefined): Lang {
  if (setting !== 'auto') return setting;
  return browserLang && !browserLang.toLowerCase().startsWith('zh') ? 'en' : 'zh_CN';
}

export interface Translate {
  (key: string, ...substitutions: (string | number)[]): string;
  /**
   * The language it speaks: the phrase tables of utils/notice/phrases.ts are chosen by it
   * (issue 18). Absent on a bare stand-in function, which then gets zh_CN's phrases.
   */
  readonly lang?: Lang;
}

/** The BCP 47 tag for Intl formatting in each UI language. */
export const LOCALE_TAG: Record<Lang, string> = { zh_CN: 'zh-CN', en: 'en-US' };

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** CLDR plural category of `n` in `lang` (English: one / other; Chinese: always other). */
export function pluralOf(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(LOCALE_TAG[lang])));
  return rules.select(n);
}

/**
 * Looks a key up in the chosen language, then zh_CN, then returns the key itself (visible,
 * never blank). Substitutes Chrome-style `$1`…`$9` and named `$placeholder$` entries.
 * Plurals (issue 18: no 「1 more products」, no 「hour(s)」): when the first substitution is a
 * number and the catalog has `<key>_<category>` for its plural category (`_one` in English),
 * that message is used; the plain key is the `other` form.
 */
export function makeTranslator(catalogs: Partial<Catalogs>, lang: Lang): Translate {
  const translate = (key: string, ...subs: (string | number)[]): string => {
    const count = subs[0];
    const plural =
      typeof count === 'number' ? catalogs[lang]?.[`${key}_${pluralOf(lang, count)}`] : undefined;
    const entry = plural ?? catalogs[lang]?.[key] ?? catalogs[DEFAULT_LANG]?.[key];
    if (!entry) return key;
    const values = subs.map(String);
    const named = (name: string): string => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content ? content.replace(/\$(\d)/g, (_, i: string) => values[Number(i) - 1] ?? '') : '';
    };
    return entry.message
      .replace(/\$([A-Za-z_][A-Za-z0-9_]*)\$/g, (_, name: string) => named(name))
      .replace(/\$(\d)/g, (_, i: string) => values[Number(i) - 1] ?? '')
      .replace(/\$\$/g, '$');
  };
  return Object.assign(translate, { lang });
}

/**
 * A surface's translator: the part catalogs it bundles, in the language the user chose
 * (`auto` follows the browser). Popup, options, page and notifications all come through here.
 */
export function translatorFor(
  catalogs: Partial<Catalogs>,
  setting: 'auto' | Lang,
  browserLang: string | undefined,
): { t: Translate; lang: Lang; locale: string } {
  const lang = resolveLang(setting, browserLang);
  return { t: makeTranslator(catalogs, lang), lang, locale: LOCALE_TAG[lang] };
}
