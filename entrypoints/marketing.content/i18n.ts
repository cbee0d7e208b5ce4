// The page UI's words: the shared countdown words plus the page part, in the user's language.
import zhCommon from '../../locales/zh_CN/common.json';
import zhPage from '../../locales/zh_CN/page.json';
import enCommon from '../../locales/en/common.json';
import enPage from '../../locales/en/page.json';
import { mergeParts, translatorFor, type Lang } from '../../utils/i18n/catalog.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhPage]),
  en: mergeParts([enCommon, enPage]),
};

export const pageTranslator = (setting: 'auto' | Lang, browserLanguage: string | undefined) =>
  translatorFor(catalogs, setting, browserLanguage);
