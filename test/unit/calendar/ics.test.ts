// Calendar: one event per dated milestone, stable UIDs, alarms at the lead times, no clock.
import { describe, expect, it } from 'vitest';
import { loadNotices } from '../../../feed/notices.ts';
import { milestoneEvents } from '../../../utils/calendar/events.ts';
import { buildCalendar } from '../../../utils/calendar/ics.ts';
import type { Notice } from '../../../utils/notice/schema.ts';

const { notices } = loadNotices();

/** Unfolds RFC 5545 folded lines and splits the document into its VEVENT blocks. */
function vevents(ics: string): string[] {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return [...unfolded.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map((m) => m[1]!);
}

describe('milestoneEvents', () => {
  const events = milestoneEvents(notices);

  it('makes one event per dated milestone, in time order', () => {
    const dated = notices.flatMap(
      (n) => n.sunset?.products.flatMap((p) => p.milestones.filter((m) => m.at)) ?? [],
    );
    expect(events).toHaveLength(dated.length);
    expect(events).toHaveLength(11);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('skips undated milestones and plain notices', () => {
    expect(events.some((e) => e.guid === '1688-2023-02-buyer-protection-enforcement')).toBe(false);
    expect(events.some((e) => e.action === 'migrate')).toBe(false);
  });

  it('gives stable, distinct UIDs from guid + product + action', () => {
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(
      milestoneEvents([...notices].reverse())
        .map((e) => e.uid)
        .sort(),
    ).toEqual([...uids].sort());
    const moved: Notice[] = notices.map((n) =>
      n.guid === '1688-dm-2023-08-package'
        ? {
            ...n,
            sunset: {
              ...n.sunset!,
              products: n.sunset!.products.map((p) => ({
                ...p,
                milestones: p.milestones.map((m) => ({ ...m, at: '2023-10-01T00:00:00+08:00' })),
              })),
            },
          }
        : n,
    );
    // A moved date is the same event (same UID), so calendars update it instead of adding one.
    expect(
      milestoneEvents(moved)
        .map((e) => e.uid)
        .sort(),
    ).toEqual([...uids].sort());
  });

  it('says what happens, to what, and mentions a postponement', () => {
    const wangwang = events.find((e) => e.guid === '1688-2023-02-buyer-wangwang-postponed');
    expect(wangwang?.summary).toBe('下线：1688买家旺旺');
    expect(wangwang?.description).toContain('原定 2023-02-01 00:00（北京时间）');
    const solutions = events.find((e) => e.product === '家居百货解决方案' && e.action === 'no-new-orders');
    expect(solutions?.summary).toBe('停止新购：家居百货解决方案');
    expect(solutions?.description).toContain('消费品解决方案');
  });
});

describe('buildCalendar', () => {
  const events = milestoneEvents(notices);
  const ics = buildCalendar(events, { name: '测试日历' });

  it('is time-independent: the same input gives the same bytes, DTSTAMP from the notice', () => {
    expect(buildCalendar(events, { name: '测试日历' })).toBe(ics);
    expect(ics).toContain('DTSTAMP:20230816T160000Z');
  });

  it('writes each event at its instant with VALARMs at 7 days, 1 day and 2 hours', () => {
    const blocks = vevents(ics);
    expect(blocks).toHaveLength(11);
    const autoRenew = blocks.find((b) => b.includes('SUMMARY:关闭自动续订：数字营销套餐'));
    expect(autoRenew).toContain('DTSTART:20230905T000000Z');
    expect(autoRenew?.match(/TRIGGER:[^\r\n]+/g)).toEqual(['TRIGGER:-P7D', 'TRIGGER:-P1D', 'TRIGGER:-PT2H']);
    for (const e of events) expect(ics).toContain(`UID:${e.uid}`);
  });

  it('takes other lead times', () => {
    const custom = buildCalendar(events.slice(0, 1), { name: 'x', leadsMinutes: [30] });
    expect(vevents(custom)[0]?.match(/TRIGGER:[^\r\n]+/g)).toEqual(['TRIGGER:-PT30M']);
  });

  it('words an alarm at the cutoff itself as 现在, not 0 天后', () => {
    const atCutoff = vevents(buildCalendar(events.slice(0, 1), { name: 'x', leadsMinutes: [0] }))[0];
    expect(atCutoff).toMatch(/DESCRIPTION:现在：/);
    expect(atCutoff).not.toContain('0 天后');
  });
});
