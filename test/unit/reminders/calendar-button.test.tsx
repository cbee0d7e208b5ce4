// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CalendarButton } from '../../../components/calendar-button.tsx';
import zhRem from '../../../locales/zh_CN/reminders.json';
import { milestoneEvents } from '../../../utils/calendar/events.ts';
import { makeTranslator } from '../../../utils/i18n/catalog.ts';
import { calendarUrlFor, icsFileName, milestoneIcs } from '../../../utils/reminders/calendar.ts';
import { bj, notice } from './helpers.ts';

const t = makeTranslator({ zh_CN: zhRem }, 'zh_CN');
const CUTOFF = bj('2023-02-17T00:00:00');
const full = notice('n1', CUTOFF, {
  extraMilestones: [{ action: 'history-hidden', at: bj('2023-03-01T00:00:00') }],
}).notice;
const product = full.sunset!.products[0]!;
const [first, second] = product.milestones as [
  (typeof product.milestones)[0],
  (typeof product.milestones)[0],
];

describe('milestoneIcs', () => {
  it('holds one event for the milestone, with the feed calendar’s UID and one alarm per lead time', async () => {
    const ics = (await milestoneIcs(full, product, second, [10080, 1440, 120, 0]))!;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART:20230228T160000Z');
    const feedUid = milestoneEvents([full]).find((e) => e.action === 'history-hidden')!.uid;
    expect(ics).toContain(`UID:${feedUid}`);
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(4);
    expect(ics).toContain('TRIGGER:-P7D');
  });
  it('follows the chosen lead times', async () => {
    expect((await milestoneIcs(full, product, first, [30]))!.match(/TRIGGER:[^\r\n]*/g)).toEqual([
      'TRIGGER:-PT30M',
    ]);
  });
  it('gives an undated milestone no file', async () => {
    expect(await milestoneIcs(full, product, { action: 'retire', at: null }, [0])).toBeNull();
  });
  it('names the file without path characters', () => {
    expect(icsFileName({ ...product, name: 'a/b: c' }, first)).toBe(
      'sunset-a-b-c-no-new-orders-2023-02-16.ics',
    );
  });
});

describe('<CalendarButton>', () => {
  afterEach(cleanup);
  it('downloads the .ics through an <a download> on click', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    const { getByRole } = render(
      <CalendarButton notice={full} product={product} milestone={first} leadMinutes={[1440]} t={t} />,
    );
    const button = getByRole('button');
    expect(button.textContent).toBe('加入日历');
    fireEvent.click(button);
    // The calendar builder is loaded on the click, so the download follows a moment later.
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked).toEqual([
      { download: 'sunset-家居百货解决方案-no-new-orders-2023-02-16.ics', href: 'blob:test' },
    ]);
    expect(blobs[0]!.type).toBe('text/calendar');
    expect(await blobs[0]!.text()).toContain('TRIGGER:-P1D');
    vi.restoreAllMocks();
  });
  it('renders nothing for an undated milestone', () => {
    const { container } = render(
      <CalendarButton
        notice={full}
        product={product}
        milestone={{ action: 'retire', at: null }}
        leadMinutes={[0]}
        t={t}
      />,
    );
    expect(container.textContent).toBe('');
  });
});

describe('calendarUrlFor', () => {
  it.each([
    ['https://example.com/sunset/feed.xml', 'https://example.com/sunset/calendar.ics'],
    ['http://127.0.0.1:8787/feed.xml?x=1', 'http://127.0.0.1:8787/calendar.ics'],
    ['https://example.com/notices/', 'https://example.com/notices/calendar.ics'],
    ['not a url', null],
  ])('%s → %s', (feed, expected) => {
    expect(calendarUrlFor(feed)).toBe(expected);
  });
});
