// The options page's link to the feed's calendar.ics subscription (issue 5, item 7): the same
// milestones as the feed, with their dates, for any calendar app that subscribes to a URL.
import enReminders from '../locales/en/reminders.json';
import zhReminders from '../locales/zh_CN/reminders.json';
import { makeTranslator, type Lang } from '../utils/i18n/catalog.ts';
import { calendarUrlFor } from '../utils/reminders/calendar.ts';

const catalogs = { zh_CN: zhReminders, en: enReminders };

export function CalendarSubscribe({ feedUrl, lang }: { feedUrl: string; lang: Lang }) {
  const url = calendarUrlFor(feedUrl);
  if (!url) return null;
  const t = makeTranslator(catalogs, lang);
  return (
    <p class="hint calendar-subscribe">
      <a href={url} target="_blank" rel="noopener noreferrer">
        {t('rem_calendar_subscribe')}
      </a>{' '}
      <code>{url}</code>
    </p>
  );
}
