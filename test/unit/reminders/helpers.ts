// Builders for reminder tests: notices with dates relative to a clock, and a ledger that
// carries over between runs exactly as the background's does.
import type { Action, Kind } from '../../../utils/notice/schema.ts';
import type { LedgerRecord } from '../../../utils/reminders/ledger-record.ts';
import {
  planReminders,
  type ReminderNotice,
  type ReminderPlan,
  type ReminderSettings,
} from '../../../utils/reminders/schedule.ts';
import { DEFAULT_SETTINGS } from '../../../utils/store/settings.ts';
import { NOTHING_SEEN, type SeenIndex } from '../../../utils/store/view.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+00:00');
/** Beijing wall-clock time → epoch ms. */
export const bj = (text: string): number => Date.parse(`${text}+08:00`);

export interface NoticeOptions {
  kind?: Kind;
  product?: string;
  action?: Action;
  previous?: number;
  muted?: boolean;
  replacement?: string;
  link?: string;
  extraMilestones?: { action: Action; at: number }[];
}

export function notice(guid: string, at: number | null, o: NoticeOptions = {}): ReminderNotice {
  return {
    guid,
    muted: o.muted ?? false,
    notice: {
      guid,
      title: `公告 ${guid}`,
      link: o.link ?? `https://rule.1688.com/${encodeURIComponent(guid)}`,
      pubDate: '2023-02-10T17:48:00+08:00',
      sunset: {
        kind: o.kind ?? 'retire',
        updated: '2023-02-10T17:48:00+08:00',
        products: [
          {
            name: o.product ?? '家居百货解决方案',
            aliases: [],
            milestones: [
              {
                action: o.action ?? 'no-new-orders',
                at: at === null ? null : iso(at),
                ...(o.previous !== undefined ? { previous: iso(o.previous) } : {}),
              },
              ...(o.extraMilestones ?? []).map((m) => ({ action: m.action, at: iso(m.at) })),
            ],
            replacements: o.replacement ? [{ name: o.replacement }] : [],
          },
        ],
      },
    },
  };
}

export const defaults: ReminderSettings = {
  leadMinutes: DEFAULT_SETTINGS.leadMinutes,
  quietHours: DEFAULT_SETTINGS.quietHours,
};

/** The background's loop in miniature: plan, then apply the ledger writes for the next run. */
export class Sim {
  ledger = new Map<string, LedgerRecord>();
  /** The products seen on the merchant's pages (issue 20), as the background reads them. */
  seen: SeenIndex = NOTHING_SEEN;
  constructor(
    public settings: ReminderSettings = defaults,
    public timeZone = 'Asia/Shanghai',
  ) {}
  run(now: number, notices: ReminderNotice[]): ReminderPlan {
    const plan = planReminders({
      notices,
      settings: this.settings,
      now,
      ledger: [...this.ledger.values()],
      timeZone: this.timeZone,
      seen: this.seen,
    });
    for (const id of plan.deletes) this.ledger.delete(id);
    for (const w of plan.writes) this.ledger.set(w.id, w);
    return plan;
  }
  /**
   * What each notification announced, compactly: `reminder:120`, `moved`, `cancelled`,
   * `summary:5`, or `event:4` (milestones of one notice at one instant, shown as one).
   */
  static shown(plan: ReminderPlan): string[] {
    return plan.notifications.map((n) => {
      if (n.id.startsWith('sunset:summary:')) return `summary:${n.items.length}`;
      if (n.items.length > 1) return `event:${n.items.length}`;
      const item = n.items[0]!;
      return item.type === 'reminder' ? `reminder:${item.lead}` : item.type;
    });
  }
}
