// The popup's translator: common words (actions, countdown) + popup text + the reminders part
// (its calendar button renders inside the popup). Language comes from the user's setting.
import enCommon from '../../locales/en/common.json';
import enPopup from '../../locales/en/popup.json';
import enReminders from '../../locales/en/reminders.json';
import zhCommon from '../../locales/zh_CN/common.json';
import zhPopup from '../../locales/zh_CN/popup.json';
import zhReminders from '../../locales/zh_CN/reminders.json';
import {
  makeTranslator,
  mergeParts,
  resolveLang,
  type Lang,
  type Translate,
} from '../../utils/i18n/catalog.ts';
import type { LanguageSetting } from '../../utils/store/settings.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhPopup, zhReminders]),
  en: mergeParts([enCommon, enPopup, enReminders]),
};

export function popupTranslator(
  setting: LanguageSetting,
  browserLanguage: string | undefined,
): {
  t: Translate;
  lang: Lang;
} {
  const lang = resolveLang(setting, browserLanguage);
  return { t: makeTranslator(catalogs, lang), lang };
}

/** The BCP 47 tag for Intl formatting in the chosen language. */
export const LOCALE_TAG: Record<Lang, string> = { zh_CN: 'zh-CN', en: 'en-GB' };
