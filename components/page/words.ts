// The on-page UI's words (locales/*/common.json and page.json), in the merchant's language. The
// background sends them with `watched/list` (entrypoints/background/messages.ts): the content
// script, which runs on every backend page, then carries no catalog of either language (issue 16
// item 7: ≤ 20 kB gzip; both catalogs were 1.1 kB of it). The content script imports only the
// type: this module, its catalogs and their checks stay in the background.
import zhCommon from '../../locales/zh_CN/common.json';
import zhPage from '../../locales/zh_CN/page.json';
import enCommon from '../../locales/en/common.json';
import enPage from '../../locales/en/page.json';
import {
  DEFAULT_LANG,
  mergeParts,
  resolveLang,
  type Lang,
  type Messages,
  type Words,
} from '../../utils/i18n/catalog.ts';

const catalogs: Record<Lang, Messages> = {
  zh_CN: mergeParts([zhCommon, zhPage]),
  en: mergeParts([enCommon, enPage]),
};

/** The words for a language setting (`auto`: the page's browser language); Chinese where `lang` has none. */
export function pageWords(setting: 'auto' | Lang, browserLanguage: string | undefined): Words {
  const lang = resolveLang(setting, browserLanguage);
  return { lang, messages: { ...catalogs[DEFAULT_LANG], ...catalogs[lang] } };
}
