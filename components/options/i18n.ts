// The options page's words: options text, common words, and the popup's (feed errors are
// worded the same on both pages).
import zhCommon from '../../locales/zh_CN/common.json';
import zhOptions from '../../locales/zh_CN/options.json';
import zhPopup from '../../locales/zh_CN/popup.json';
import enCommon from '../../locales/en/common.json';
import enOptions from '../../locales/en/options.json';
import enPopup from '../../locales/en/popup.json';
import { mergeParts, translatorFor, type Lang } from '../../utils/i18n/catalog.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhOptions, zhPopup]),
  en: mergeParts([enCommon, enOptions, enPopup]),
};

export const optionsTranslator = (setting: 'auto' | Lang, browserLanguage: string | undefined) =>
  translatorFor(catalogs, setting, browserLanguage);
