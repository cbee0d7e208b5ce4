// Where a product stands, in words (issue 16, item 6; issue 18): the one status every surface
// shows for a product (page badge, card, banner, guard; popup rows). Pure: `now` passed in.
import type { Action, Milestone, Product } from './schema.ts';
import {
  countdown,
  longWhen,
  stateOf,
  milestoneGroups,
  timeLeft,
  whenOf,
  type Urgency,
} from './countdown.ts';
import { toEpoch } from './time.ts';
import { actionNames, actionsPhrase, datedPhrase, PART_SEP, sentenceStart, titled } from './phrases.ts';
import type { Translate } from '../i18n/catalog.ts';

/**
 * Where a product stands, in the words every surface uses (badge, card, banner, guard, popup):
 * what already happened leads, then what comes next (issue 16, item 6: 「已停止新订购 · 12月22日下线」,
 * never 「即将下线」 for a product that can no longer be ordered).
 */
export interface ProductStatus {
  urgency: Urgency | 'undated';
  /** What already happened, the latest passed instant's actions merged: 已停止新订购、历史方案已不可查看. */
  done: string;
  /** What comes next with its short date: 12月22日下线 · 今天 11:43 下线 · 下线日期待定 ('' if nothing). */
  next: string;
  /** The same with its full date, Beijing time stated: 2026年12月22日 00:00（北京时间）下线. */
  nextLong: string;
  /** The countdown to the next dated instant: 剩 19 天 ('' when none is ahead). */
  left: string;
  /** The next dated instant, if any. */
  nextAt: number | null;
  /** done · next, or next · left when nothing happened yet: the card's and popup's status line. */
  text: string;
  /**
   * A glance, where a date does not fit (the badge): the weightiest of what already happened,
   * else of what comes next, else of what is announced without a date. With `left` after it:
   * 「停止新订购 · 剩 3 天」「已停止新订购 · 剩 8 天」「已下线」「下线日期待定」.
   */
  glance: string;
  /** `text` as it continues after a product name (English: not capitalized). */
  phrase: string;
}

/**
 * Actions by weight, for a glance that names one of an instant's actions: what a merchant loses
 * first (the product, new orders, the service) before what changes around it.
 */
const WEIGHT: readonly Action[] = [
  'retire',
  'no-new-orders',
  'authorization-ends',
  'auto-renew-off',
  'history-hidden',
  'migrate',
  'policy-effective',
];
const weightiest = (actions: readonly Action[]): Action[] =>
  actions.length ? [[...actions].sort((a, b) => WEIGHT.indexOf(a) - WEIGHT.indexOf(b))[0]!] : [];

export function productStatus(product: Product, nowMs: number, t: Translate): ProductStatus {
  const groups = milestoneGroups(product);
  const ahead = groups.find((g) => g.atMs > nowMs);
  const passed = groups.filter((g) => g.atMs <= nowMs).pop();
  const undated = product.milestones.filter((m) => !m.at).map((m) => m.action);
  const actions = (g: { milestones: { action: Action }[] }) => g.milestones.map((m) => m.action);
  // Passed earlier today: 「今天起停止新订购」; before that: 「已停止新订购」.
  const done = passed ? actionsPhrase(t, actions(passed), stateOf(passed.atMs, nowMs)) : '';
  let next = '';
  let nextLong = '';
  if (ahead) {
    const when = whenOf(ahead.atMs, nowMs);
    next = datedPhrase(t, actions(ahead), when);
    nextLong = datedPhrase(t, actions(ahead), when, true);
  } else if (undated.length) next = nextLong = actionsPhrase(t, undated, 'undated');
  const left = ahead ? timeLeft(t, ahead.atMs, nowMs) : '';
  const urgency = ahead ? countdown(ahead.atMs, nowMs).urgency : passed ? 'past' : 'undated';
  const phrase = (done ? [done, next] : [next, left]).filter(Boolean).join(PART_SEP);
  const glance = passed
    ? actionsPhrase(t, weightiest(actions(passed)), stateOf(passed.atMs, nowMs))
    : ahead
      ? actionNames(t, weightiest(actions(ahead)))
      : actionsPhrase(t, weightiest(undated), 'undated');
  return {
    urgency,
    done,
    next,
    nextLong,
    left,
    nextAt: ahead?.atMs ?? null,
    text: sentenceStart(t, phrase),
    glance: sentenceStart(t, glance),
    phrase,
  };
}

/** 「跨境专供解决方案 已停止新订购 · 12月22日下线」: the product and its status, for titles. */
export function statusTitle(name: string, status: ProductStatus, t: Translate): string {
  return titled(t, name, status.phrase);
}

/** Everything known after the product name, Beijing time stated: the banner's and tooltip's words. */
export function statusLong(status: ProductStatus): string {
  return [status.done, status.nextLong].filter(Boolean).join(PART_SEP);
}

/** One line of a product's timeline: the milestones of one instant (same-instant ones merged). */
export interface TimelineLine {
  atMs: number | null;
  /** 2023年2月17日 00:00（北京时间） (zone left out when the list states it once); '' if undated. */
  when: string;
  /** Ahead: 停止新订购、历史方案不可查看; passed: 已停止新订购、历史方案已不可查看; undated: …日期待定. */
  what: string;
  /** 剩 3 天 5 小时, '' once passed or undated. */
  left: string;
  passed: boolean;
  /** The earlier date when the instant was moved: 2023年2月1日 00:00. */
  movedFrom?: number;
  /** The milestones on this line. */
  milestones: Milestone[];
}

/** The product's milestones as lines, soonest first, undated last. */
export function timeline(product: Product, nowMs: number, t: Translate, zone = true): TimelineLine[] {
  const lines: TimelineLine[] = milestoneGroups(product).map((g) => {
    const passed = g.atMs <= nowMs;
    const actions = g.milestones.map((m) => m.action);
    const moved = g.milestones.find((m) => m.previous && toEpoch(m.previous) !== g.atMs)?.previous;
    const line: TimelineLine = {
      atMs: g.atMs,
      when: longWhen(t, g.atMs, nowMs, zone),
      what: passed ? actionsPhrase(t, actions, 'passed') : actionNames(t, actions),
      left: timeLeft(t, g.atMs, nowMs),
      passed,
      milestones: g.milestones,
    };
    if (moved) line.movedFrom = toEpoch(moved);
    return line;
  });
  const undated = product.milestones.filter((m) => !m.at);
  if (undated.length) {
    lines.push({
      atMs: null,
      when: '',
      what: sentenceStart(
        t,
        actionsPhrase(
          t,
          undated.map((m) => m.action),
          'undated',
        ),
      ),
      left: '',
      passed: false,
      milestones: undated,
    });
  }
  return lines;
}
