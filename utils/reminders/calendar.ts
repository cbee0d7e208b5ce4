// 加入日历 (issue 5, item 7): one milestone as an .ics file, alarms at the user's lead times.
// Built with the feed's own builder (utils/calendar/), so the event's UID is the one the feed's
// calendar.ics subscription carries for it: importing both never makes a duplicate.
import { milestoneEvents } from '../calendar/events.ts';
import type { Milestone, Notice, Product } from '../notice/schema.ts';

/** The notice cut down to this one product and milestone (event identity is unchanged). */
function only(notice: Notice, product: Product, milestone: Milestone): Notice | null {
  if (!notice.sunset || milestone.at === null) return null;
  return {
    ...notice,
    sunset: { ...notice.sunset, products: [{ ...product, milestones: [milestone] }] },
  };
}

/** The .ics text for one dated milestone, or null for an undated one. */
export async function milestoneIcs(
  notice: Notice,
  product: Product,
  milestone: Milestone,
  leadMinutes: readonly number[],
): Promise<string | null> {
  const single = only(notice, product, milestone);
  if (!single) return null;
  // Loaded on the click that needs it: ical-generator is the larger part of the popup's and the
  // options page's code otherwise (the 40 kB budget of issue 8).
  const { buildCalendar } = await import('../calendar/ics.ts');
  const leads = [...new Set(leadMinutes.filter((m) => Number.isInteger(m) && m >= 0))].sort((a, b) => b - a);
  return buildCalendar(milestoneEvents([single]), { name: notice.title, leadsMinutes: leads });
}

/** A file name that every OS accepts: the product and the date, nothing else. */
export function icsFileName(product: Product, milestone: Milestone): string {
  const date = milestone.at ? milestone.at.slice(0, 10) : 'undated';
  const name = product.name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'milestone';
  return `sunset-${name}-${milestone.action}-${date}.ics`;
}

/**
 * The feed's calendar subscription next to its feed (feed/ serves and builds `calendar.ics`
 * beside `feed.xml`), or null for a URL that cannot be parsed.
 */
export function calendarUrlFor(feedUrl: string): string | null {
  try {
    const url = new URL(feedUrl);
    url.pathname = url.pathname.endsWith('/feed.xml')
      ? url.pathname.replace(/feed\.xml$/, 'calendar.ics')
      : new URL('calendar.ics', url).pathname;
    url.search = '';
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
