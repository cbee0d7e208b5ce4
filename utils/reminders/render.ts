// The words of a planned notification (issue 5, item 5): the product and what happens in the
// title; the date in Beijing time, the countdown, whether the merchant uses it (issue 20:
// 「您有 3 个计划在用」) and the first replacement in the body. Pure:
// the translator, `now` and the browser's zone come in. Remote text (product names, titles)
// only ever lands in notification text fields, which the browser shows as plain text.
import { localDateTime, longDate, longWhen, shortDate, stateOf, timeLeft } from '../notice/countdown.ts';
import { actionNames, actionsPhrase, listOf, PART_SEP, titled } from '../notice/phrases.ts';
import { zoneDiffersFromBeijing } from '../notice/time.ts';
import { affectsWords } from '../notice/affects.ts';
import { seenOf, type SeenIndex } from '../store/view.ts';
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
  /** The products seen on the merchant's own pages (issue 20). */
  seen?: SeenIndex;
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
  const names = listOf(t, unique(milestones.map((i) => i.product.name)));
  const actions = milestones.map((i) => i.action);
  if (item.type === 'moved') {
    return t(
      item.atMs > item.fromMs ? 'rem_title_postponed' : 'rem_title_advanced',
      names,
      actionNames(t, actions),
      shortDate(t, item.atMs),
    );
  }
  // 「即将停止新订购」 before (the body says when), 「今天起停止新订购」 at the cutoff, 「已停止新订购」 after.
  return titled(t, names, actionsPhrase(t, actions, stateOf(item.atMs, now)));
}

/**
 * 「您有 3 个计划在用」 for the products of `items` seen on the merchant's pages; each after its
 * name when the notification is about more than one product.
 */
function affectsLines(items: readonly MilestoneItem[], ctx: RenderContext): string[] {
  const products = [...new Map(items.map((i) => [i.product.name, i.product])).values()];
  return products.flatMap((product) => {
    const seen = ctx.seen && seenOf(product, ctx.seen);
    if (!seen) return [];
    const words = affectsWords(ctx.t, seen);
    return [products.length > 1 ? ctx.t('rem_affects_product', product.name, words) : words];
  });
}

function bodyLines(item: DueItem, ctx: RenderContext, event: readonly MilestoneItem[] = []): string[] {
  const { t, now } = ctx;
  if (item.type === 'cancelled') return [t('rem_cancelled_body', listOf(t, item.products))];
  // 「今天 11:43（北京时间）· 剩 1 小时 59 分钟」: the same date and countdown words as the popup.
  const lines = [[longWhen(t, item.atMs, now), timeLeft(t, item.atMs, now)].filter(Boolean).join(PART_SEP)];
  if (zoneDiffersFromBeijing(item.atMs, ctx.timeZone)) {
    lines.push(t('local_time', localDateTime(t, item.atMs, ctx.timeZone, ctx.locale)));
  }
  if (item.type === 'moved') lines.push(t('rem_moved_from', longDate(t, item.fromMs)));
  lines.push(...affectsLines(event.length ? event : [item], ctx));
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
    const milestones = event[0]!.type === 'cancelled' ? [] : (event as MilestoneItem[]);
    return {
      id,
      title: titleOf(event, ctx),
      message: bodyLines(event[0]!, ctx, milestones).join('\n'),
      buttons,
    };
  }
  return {
    id,
    title: ctx.t('rem_title_summary', items.length),
    message: ctx.t('rem_summary_body'),
    items: items.map((item) => ({
      title: titleOf([item], ctx),
      message: [bodyLines(item, ctx)[0], ...(item.type === 'cancelled' ? [] : affectsLines([item], ctx))]
        .filter(Boolean)
        .join(PART_SEP),
    })),
    buttons,
  };
}
