// The options page's translator: options text, common words, and the popup's (feed errors are
// worded the same on both pages).
import enCommon from '../../locales/en/common.json';
import enOptions from '../../locales/en/options.json';
import enPopup from '../../locales/en/popup.json';
import zhCommon from '../../locales/zh_CN/common.json';
import zhOptions from '../../locales/zh_CN/options.json';
import zhPopup from '../../locales/zh_CN/popup.json';
import {
  makeTranslator,
  mergeParts,
  resolveLang,
  type Lang,
  type Translate,
} from '../../utils/i18n/catalog.ts';
import type { LanguageSetting } from '../../utils/store/settings.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhOptions, zhPopup]),
  en: mergeParts([enCommon, enOptions, enPopup]),
};

export function optionsTranslator(
  setting: LanguageSetting,
  browserLanguage: string | undefined,
): {
  t: Translate;
  lang: Lang;
} {
  const lang = resolveLang(setting, browserLanguage);
  return { t: makeTranslator(catalogs, lang), lang };
}
