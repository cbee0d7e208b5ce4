// Calendar events derived from notices: one per dated milestone. Pure and browser-safe, shared
// by `feed serve/build` (calendar.ics) and the extension (per-milestone 加入日历 download).
import type { Action, Notice } from '../notice/schema.ts';
import { stableHash } from '../feed/identity.ts';
import { beijingParts } from '../notice/time.ts';

export interface MilestoneEvent {
  /** Stable across rebuilds: derived from guid + product + action (+ a counter on collision). */
  uid: string;
  guid: string;
  product: string;
  action: Action;
  rawAction?: string;
  /** ISO instant with offset, as the feed wrote it. */
  at: string;
  previous?: string;
  summary: string;
  description: string;
  url?: string;
  /** When the notice last changed: the event's DTSTAMP, so output never depends on the clock. */
  stamp: string;
}

/** Short Chinese labels for calendar titles (users read Chinese first). */
export const ACTION_LABELS_ZH: Record<Action, string> = {
  retire: '下线',
  'no-new-orders': '停止新购',
  'history-hidden': '历史不可查看',
  'auto-renew-off': '关闭自动续订',
  migrate: '数据迁移',
  'authorization-ends': '授权终止',
  'policy-effective': '新规生效',
};

function beijingText(iso: string): string {
  const p = beijingParts(Date.parse(iso));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

export interface MilestoneEventOptions {
  actionLabel?: (action: Action) => string;
}

export function milestoneEvents(
  notices: readonly Notice[],
  options: MilestoneEventOptions = {},
): MilestoneEvent[] {
  const label = options.actionLabel ?? ((action: Action) => ACTION_LABELS_ZH[action]);
  const events: MilestoneEvent[] = [];
  const used = new Set<string>();
  for (const notice of notices) {
    const sunset = notice.sunset;
    if (!sunset) continue;
    for (const product of sunset.products) {
      for (const m of product.milestones) {
        if (m.at === null) continue;
        const key = `${notice.guid}\n${product.name}\n${m.rawAction ?? m.action}`;
        let uid = `${stableHash(key)}@sunset-watch`;
        for (let n = 2; used.has(uid); n++) uid = `${stableHash(`${key}\n${n}`)}@sunset-watch`;
        used.add(uid);
        const lines = [notice.title];
        if (m.previous) lines.push(`原定 ${beijingText(m.previous)}（北京时间），已改期。`);
        if (product.replacements.length > 0) {
          lines.push(`可改用：${product.replacements.map((r) => r.name).join('、')}`);
        }
        if (sunset.grandfather) lines.push(`不受影响：${sunset.grandfather}`);
        if (notice.link) lines.push(notice.link);
        const event: MilestoneEvent = {
          uid,
          guid: notice.guid,
          product: product.name,
          action: m.action,
          at: m.at,
          summary: `${label(m.action)}：${product.name}`,
          description: lines.join('\n'),
          stamp: sunset.updated,
        };
        if (m.rawAction !== undefined) event.rawAction = m.rawAction;
        if (m.previous !== undefined) event.previous = m.previous;
        if (notice.link) event.url = notice.link;
        events.push(event);
      }
    }
  }
  return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.uid.localeCompare(b.uid));
}
