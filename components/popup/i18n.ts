// The popup's words: common words (actions, countdown), popup text and the reminders part
// (its calendar button renders inside the popup), in the language the user chose.
import zhCommon from '../../locales/zh_CN/common.json';
import zhPopup from '../../locales/zh_CN/popup.json';
import zhReminders from '../../locales/zh_CN/reminders.json';
import enCommon from '../../locales/en/common.json';
import enPopup from '../../locales/en/popup.json';
import enReminders from '../../locales/en/reminders.json';
import { mergeParts, translatorFor, type Lang } from '../../utils/i18n/catalog.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhPopup, zhReminders]),
  en: mergeParts([enCommon, enPopup, enReminders]),
};

export const popupTranslator = (setting: 'auto' | Lang, browserLanguage: string | undefined) =>
  translatorFor(catalogs, setting, browserLanguage);
