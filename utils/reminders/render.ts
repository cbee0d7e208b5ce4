// The words of a planned notification (issue 5, item 5): the product and what happens in the
// title; the date in Beijing time, the countdown and the first replacement in the body. Pure:
// the translator, `now` and the browser's zone come in. Remote text (product names, titles)
// only ever lands in notification text fields, which the browser shows as plain text.
import {
  ACTION_DONE_KEY,
  ACTION_KEY,
  countdown,
  countdownText,
  longDate,
  shortDate,
} from '../notice/countdown.ts';
import { beijingParts, formatInZone, zoneDiffersFromBeijing } from '../notice/time.ts';
import type { Translate } from '../i18n/catalog.ts';
import type { DueItem, PlannedNotification } from './schedule.ts';

export type NotificationButton = 'view' | 'snooze';

export interface RenderedNotification {
  id: string;
  title: string;
  message: string;
  /** Present for a summary (a `list` notification). */
  items?: { title: string; message: string }[];
  /** In order: index 0, 1 as the browser reports button clicks. */
  buttons: NotificationButton[];
}

export interface RenderContext {
  t: Translate;
  now: number;
  /** The browser's zone; the local time is added when it differs from Beijing. */
  timeZone?: string;
  /** BCP 47 locale for the local time, e.g. zh-CN. */
  locale: string;
}

function sameBeijingDay(a: number, b: number): boolean {
  const x = beijingParts(a);
  const y = beijingParts(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

type MilestoneItem = Exclude<DueItem, { type: 'cancelled' }>;

/** Items that are the milestones of one notice at one instant, announced together. */
function oneEvent(items: readonly DueItem[]): MilestoneItem[] | null {
  const first = items[0];
  if (!first || first.type === 'cancelled') return null;
  const same = items.every(
    (i): i is MilestoneItem => i.type === first.type && i.guid === first.guid && i.atMs === first.atMs,
  );
  return same ? (items as MilestoneItem[]) : null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function titleOf(items: readonly DueItem[], ctx: RenderContext): string {
  const { t, now } = ctx;
  const item = items[0]!;
  if (item.type === 'cancelled') return t('rem_title_cancelled', item.noticeTitle);
  const milestones = items as MilestoneItem[];
  const sep = t('rem_list_sep');
  const names = unique(milestones.map((i) => i.product.name)).join(sep);
  const actions = (keys: Record<string, string>) =>
    unique(milestones.map((i) => t(keys[i.action]!))).join(sep);
  if (item.type === 'moved') {
    return t(
      item.atMs > item.fromMs ? 'rem_title_postponed' : 'rem_title_advanced',
      names,
      actions(ACTION_KEY),
      shortDate(t, item.atMs),
    );
  }
  if (now < item.atMs) return t('rem_title_upcoming', names, actions(ACTION_KEY));
  if (sameBeijingDay(now, item.atMs)) return t('rem_title_today', names, actions(ACTION_KEY));
  return t('rem_title_done', names, actions(ACTION_DONE_KEY));
}

function bodyLines(item: DueItem, ctx: RenderContext): string[] {
  const { t, now } = ctx;
  if (item.type === 'cancelled') return [t('rem_cancelled_body', item.products.join(t('rem_list_sep')))];
  const lines = [
    t('rem_when', longDate(t, item.atMs), countdownText(t, item.action, countdown(item.atMs, now))),
  ];
  if (zoneDiffersFromBeijing(item.atMs, ctx.timeZone)) {
    lines.push(t('rem_when_local', formatInZone(item.atMs, ctx.locale, ctx.timeZone)));
  }
  if (item.type === 'moved') lines.push(t('rem_moved_from', longDate(t, item.fromMs)));
  const first = item.product.replacements[0];
  if (first) lines.push(t('rem_replacement', first.name));
  return lines;
}

export function renderNotification(planned: PlannedNotification, ctx: RenderContext): RenderedNotification {
  const { items, id } = planned;
  const snoozable = items.some((i) => i.type !== 'cancelled');
  const buttons: NotificationButton[] = snoozable ? ['view', 'snooze'] : ['view'];
  const event = items.length === 1 ? items : oneEvent(items);
  if (event) {
    return { id, title: titleOf(event, ctx), message: bodyLines(event[0]!, ctx).join('\n'), buttons };
  }
  return {
    id,
    title: ctx.t('rem_title_summary', items.length),
    message: ctx.t('rem_summary_body'),
    items: items.map((item) => ({ title: titleOf([item], ctx), message: bodyLines(item, ctx)[0] ?? '' })),
    buttons,
  };
}
