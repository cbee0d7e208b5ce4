// How far away a milestone is, in the words every surface uses (popup, page badge, banner,
// notifications), so that they never disagree. Pure: `now` is always passed in.
import type { Action, Milestone, Notice, Product } from './schema.ts';
import { beijingParts, toEpoch } from './time.ts';
import type { Translate } from '../i18n/catalog.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Urgency bands of issue 4: more than 7 days, within 7 days, within a day, past. */
export type Urgency = 'later' | 'week' | 'day' | 'past';

export interface Countdown {
  urgency: Urgency;
  /** The milestone falls on today's date in Beijing (and is not past yet). */
  today: boolean;
  /** Whole days and remaining whole hours until the milestone (0 when past). */
  days: number;
  hours: number;
}

export function countdown(atMs: number, nowMs: number): Countdown {
  const left = atMs - nowMs;
  if (left <= 0) return { urgency: 'past', today: false, days: 0, hours: 0 };
  const a = beijingParts(atMs);
  const n = beijingParts(nowMs);
  return {
    urgency: left <= DAY ? 'day' : left <= 7 * DAY ? 'week' : 'later',
    today: a.year === n.year && a.month === n.month && a.day === n.day,
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
  };
}

/** Message keys for actions; an unknown action was already mapped to `retire` by the reader. */
export const ACTION_KEY: Record<Action, string> = {
  retire: 'action_retire',
  'no-new-orders': 'action_no_new_orders',
  'history-hidden': 'action_history_hidden',
  'auto-renew-off': 'action_auto_renew_off',
  migrate: 'action_migrate',
  'authorization-ends': 'action_authorization_ends',
  'policy-effective': 'action_policy_effective',
};

/** What the action has become once its date passed: 已下线, 已停止新订购 … */
export const ACTION_DONE_KEY: Record<Action, string> = {
  retire: 'done_retire',
  'no-new-orders': 'done_no_new_orders',
  'history-hidden': 'done_history_hidden',
  'auto-renew-off': 'done_auto_renew_off',
  migrate: 'done_migrate',
  'authorization-ends': 'done_authorization_ends',
  'policy-effective': 'done_policy_effective',
};

/** 剩 3 天 5 小时 · 今天 · 已下线 */
export function countdownText(t: Translate, action: Action, cd: Countdown): string {
  if (cd.urgency === 'past') return t(ACTION_DONE_KEY[action]);
  if (cd.today) return t('countdown_today');
  if (cd.days === 0) return t('countdown_hours', cd.hours);
  return t('countdown_days_hours', cd.days, cd.hours);
}

/** 2月17日 (Beijing date, short, for badges) or Feb 17. */
export function shortDate(t: Translate, atMs: number): string {
  const p = beijingParts(atMs);
  return t('date_short', p.month, p.day);
}

/** 2023年2月17日 08:00 (Beijing time). */
export function longDate(t: Translate, atMs: number): string {
  const p = beijingParts(atMs);
  const hh = String(p.hour).padStart(2, '0');
  const mm = String(p.minute).padStart(2, '0');
  return t('date_long', p.year, p.month, p.day, `${hh}:${mm}`);
}

export interface DatedMilestone {
  product: Product;
  milestone: Milestone & { at: string };
  atMs: number;
}

/** Every dated milestone of a notice, soonest first. */
export function datedMilestones(notice: Notice): DatedMilestone[] {
  const out: DatedMilestone[] = [];
  for (const product of notice.sunset?.products ?? []) {
    for (const milestone of product.milestones) {
      if (milestone.at)
        out.push({ product, milestone: { ...milestone, at: milestone.at }, atMs: toEpoch(milestone.at) });
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

/** The nearest milestone still ahead, or null. */
export function nextMilestone(notice: Notice, nowMs: number): DatedMilestone | null {
  return datedMilestones(notice).find((m) => m.atMs > nowMs) ?? null;
}

/** The most recent milestone already passed, or null. */
export function lastPastMilestone(notice: Notice, nowMs: number): DatedMilestone | null {
  return (
    datedMilestones(notice)
      .filter((m) => m.atMs <= nowMs)
      .pop() ?? null
  );
}
