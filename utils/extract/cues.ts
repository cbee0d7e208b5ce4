// Cue words: which dates in a notice are milestones, and what happens then (issue 6, "Cue words
// decide which dates are milestones"). A date is a milestone when an action follows it in its
// clause (将于…下线, …起停止售卖), when a label names it (下线时间: …), or when a 届时 sentence
// says what happens at it. A date is not one when it dates the text itself (发布于, 2月10日消息,
// 最近更新时间), tags a version (2021-03-20版, Version:2021-03-03) or lets something go on
// (…前订购的不受影响).
import type { Action } from '../notice/schema.ts';

// Phrases that look like an action but are not one of ours: stopping updates or maintenance
// leaves the product in service (Baidu, Tencent Cloud notices put both side by side).
const NOT_AN_ACTION =
  /停止(?:功能)?(?:更新|升级|维护|发布新|全面支持)|不再(?:升级|更新|维护)(?:维护|更新)?|停止升级更新|重新上线/gu;

/** In priority order: a phrase matched by an earlier cue is blanked before later cues look. */
const ACTION_CUES: readonly [RegExp, Action][] = [
  [
    /(?:关闭|停止|取消)[^,。;\n]{0,20}自动续(?:订|费)|自动续(?:订|费)[^,。;\n]{0,10}(?:关闭|停止|取消)/gu,
    'auto-renew-off',
  ],
  [/终止授权|授权[^,。;\n]{0,4}终止|取消授权/gu, 'authorization-ends'],
  [
    /无法(?:再)?(?:新)?(?:订购|购买|开通)|停止(?:售卖|销售|新购|新用户接入|新接入|开放)|停售|不再(?:支持)?(?:新用户|新购|购买|售卖|销售|新接入|新的)|不支持新(?:接入|用户|购)|新(?:增)?用户[^,。;\n]{0,12}(?:无法|不再|停止)|不允许新建|关闭[^,。;\n]{0,12}新增入口|无法新建|不可新购|停止新/gu,
    'no-new-orders',
  ],
  [/无法查看历史|历史[^,。;\n]{0,8}(?:无法|不再|不可)(?:查看|展示)|不再展示/gu, 'history-hidden'],
  [/迁移/gu, 'migrate'],
  [/资格|生效(?!中)|实施|治理|适用/gu, 'policy-effective'],
  [
    /下线|下架|下市|退市|停服|裁撤|剔除|移除|停止(?:服务|使用|支持|提供|运营)|停止[^,。;\n]{1,14}的?支持|终止(?:服务|支持|接入|全量服务)?|无法(?:再)?(?:继续)?(?:使用|调用|访问)|不能(?:查看和)?使用|不再提供|关闭|停止/gu,
    'retire',
  ],
];

/** Every action named in `text`, in ACTIONS priority order, each once. */
export function actionsIn(text: string): Action[] {
  let rest = text.replace(NOT_AN_ACTION, (m) => ' '.repeat(m.length));
  const found: Action[] = [];
  for (const [re, action] of ACTION_CUES) {
    re.lastIndex = 0;
    let hit = false;
    rest = rest.replace(re, (m) => {
      hit = true;
      return ' '.repeat(m.length);
    });
    if (hit && !found.includes(action)) found.push(action);
  }
  return found;
}

/** Words before a date that say the date is the text's own (published, updated) or a version. */
const DATES_THE_TEXT =
  /(?:发布|更新|发文|公告|首次发布)(?:时间|日期)?\s*[于:]?\s*$|(?:version|版本)\s*[:=]?\s*$/iu;
/** Words right after a date that make it a dateline, a version tag or a launch. */
const NOT_A_MILESTONE_AFTER = /^\s*(?:消息|讯|电|发布|推出|上线|正式上线|版|的公告|的通知)/u;
/** 原定于 X: X is the earlier date of a moved milestone. */
export const PREVIOUS_BEFORE = /原(?:定|计划|定于|计划于)\s*于?\s*$/u;
/** Words before a date that schedule something at it. */
const SCHEDULING_BEFORE = /(?:将|会|计划|预计|拟|定|将会|将在|于|自|从|在|截止|截至|到|至|由)\s*$/u;
/** Words right after a date that schedule something at it. */
const SCHEDULING_AFTER = /^\s*(?:起|开始|前|之前|以前|当天|当日)/u;
/** A deadline: something must be done (or was ordered) before the date. */
const DEADLINE_AFTER = /^\s*(?:前|之前|以前)/u;
const DEADLINE_MIGRATE = /迁移|切换|替换|升级|适配|备份/u;
const UNAFFECTED = /不受影响|仍可|仍然可以|可继续|不影响/u;
/** A label line (or prefix) naming the date: 下线时间, 变更时间: … */
export const DATE_LABEL =
  /(?:下线|停售|停服|下市|下架|影响|变更|生效|截止|停止|实施|关闭|调整)(?:时间|日期)\s*:?\s*$/u;

export type DateRole =
  | { role: 'none' }
  | { role: 'previous' }
  | { role: 'milestone'; actions: Action[] }
  /**
   * Scheduled, but the clause names no action: a 届时 sentence, or for a labelled date
   * (下线时间: …) the label or the notice's main action, decides.
   */
  | { role: 'scheduled'; label: string | null };

export interface DateContext {
  /** Text between the previous date (or the sentence start) and this date. */
  before: string;
  /** Text between this date and the next date (or the sentence end). */
  after: string;
  /** The nearest non-empty line above, when the date opens its line. */
  lineAbove: string;
  /** The date phrase itself (即日起 carries its own 起). */
  phrase: string;
}

// Labels and list markers that may precede a date on its line without saying anything.
const LEADING_NOISE = /^[\s•●·▪◦*\-|]*(?:\d{1,2}[.)、]\s*)?(?:北京时间|\(?(?:UTC|GMT)[^)]*\)?)?\s*$/u;

export function classifyDate(ctx: DateContext): DateRole {
  const before = ctx.before;
  const after = ctx.after;
  if (DATES_THE_TEXT.test(before) || NOT_A_MILESTONE_AFTER.test(after)) return { role: 'none' };
  if (PREVIOUS_BEFORE.test(before)) return { role: 'previous' };

  if (DEADLINE_AFTER.test(after)) {
    if (DEADLINE_MIGRATE.test(after)) return { role: 'milestone', actions: ['migrate'] };
    if (UNAFFECTED.test(after)) return { role: 'none' };
  }

  const stripped = before.replace(/(?:北京时间|\((?:UTC|GMT)[^)]*\))\s*$/u, '');
  // "产品停止新购: 2026 年 9 月 1 日": the action is in the label before the date.
  if (/:\s*$/.test(stripped)) {
    const labelActions = actionsIn(stripped.slice(Math.max(0, stripped.length - 24)));
    if (labelActions.length > 0 && !DATE_LABEL.test(stripped))
      return { role: 'milestone', actions: labelActions };
  }

  const actions = actionsIn(after);
  if (actions.length > 0) return { role: 'milestone', actions };

  const label = DATE_LABEL.test(stripped)
    ? stripped
    : LEADING_NOISE.test(before) && DATE_LABEL.test(ctx.lineAbove)
      ? ctx.lineAbove
      : null;
  const scheduled =
    SCHEDULING_BEFORE.test(stripped) || SCHEDULING_AFTER.test(after) || /起|开始/.test(ctx.phrase);
  if (label !== null || scheduled) return { role: 'scheduled', label };
  return { role: 'none' };
}

/** The notice's main action: the first one its text names, retire when it names none. */
export function mainAction(text: string): Action {
  const first = actionsIn(text.slice(0, 400)).find((a) => a !== 'migrate');
  return first ?? 'retire';
}

export { UNAFFECTED };
