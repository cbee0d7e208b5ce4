// The page UI's words: the shared countdown words plus the page part, in the user's language.
import zhCommon from '../../locales/zh_CN/common.json';
import zhPage from '../../locales/zh_CN/page.json';
import enCommon from '../../locales/en/common.json';
import enPage from '../../locales/en/page.json';
import {
  makeTranslator,
  mergeParts,
  resolveLang,
  type Lang,
  type Translate,
} from '../../utils/i18n/catalog.ts';

export function pageTranslator(setting: 'auto' | Lang, browserLang: string | undefined): Translate {
  const catalogs = { zh_CN: mergeParts([zhCommon, zhPage]), en: mergeParts([enCommon, enPage]) };
  return makeTranslator(catalogs, resolveLang(setting, browserLang));
}
