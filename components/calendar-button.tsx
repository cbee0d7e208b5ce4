// 加入日历 beside a milestone in the popup: downloads that milestone as an .ics file with
// alarms at the user's lead times (utils/reminders/calendar.ts builds it; nothing is sent
// anywhere). Undated milestones get no button.
import type { Translate } from '../utils/i18n/catalog.ts';
import type { Milestone, Notice, Product } from '../utils/notice/schema.ts';
import { icsFileName, milestoneIcs } from '../utils/reminders/calendar.ts';

export interface CalendarButtonProps {
  notice: Notice;
  product: Product;
  milestone: Milestone;
  leadMinutes: readonly number[];
  t: Translate;
}

/** Saves text as a file through a temporary object URL and an <a download>. */
export function downloadText(doc: Document, text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked on the next turn: the click has handed the blob to the download by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

export function CalendarButton({ notice, product, milestone, leadMinutes, t }: CalendarButtonProps) {
  if (milestone.at === null || !notice.sunset) return null;
  const onClick = async (event: MouseEvent) => {
    // Read before the await: currentTarget is cleared once the event has been dispatched.
    const doc = (event.currentTarget as HTMLElement | null)?.ownerDocument ?? document;
    const ics = await milestoneIcs(notice, product, milestone, leadMinutes);
    if (ics) downloadText(doc, ics, icsFileName(product, milestone), 'text/calendar');
  };
  return (
    <button type="button" class="calendar-button" title={t('rem_calendar_hint')} onClick={onClick}>
      {t('rem_calendar')}
    </button>
  );
}
