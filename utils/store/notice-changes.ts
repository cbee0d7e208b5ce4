// What an update changed, in the terms the popup shows (已更新: 日期 / 替代方案 / 内容).
import type { Notice } from '../notice/schema.ts';
import type { NoticeChanges } from './db.ts';
import { canonicalJson } from './notice-hash.ts';

function dates(notice: Notice): string {
  return canonicalJson(
    (notice.sunset?.products ?? []).map((p) => [
      p.name,
      p.milestones.map((m) => [m.action, m.at, m.previous]),
    ]),
  );
}

function replacements(notice: Notice): string {
  return canonicalJson((notice.sunset?.products ?? []).map((p) => [p.name, p.replacements]));
}

function text(notice: Notice): string {
  return canonicalJson([
    notice.title,
    notice.description,
    notice.link,
    notice.sunset?.kind,
    notice.sunset?.grandfather,
    (notice.sunset?.products ?? []).map((p) => [p.name, p.aliases]),
  ]);
}

/** Which aspects differ; undefined when none of the shown ones did (e.g. only `updated`). */
export function noticeChanges(before: Notice, after: Notice): NoticeChanges | undefined {
  const changes: NoticeChanges = {};
  if (dates(before) !== dates(after)) changes.dates = true;
  if (replacements(before) !== replacements(after)) changes.replacements = true;
  if (text(before) !== text(after)) changes.text = true;
  return Object.keys(changes).length ? changes : undefined;
}

/** Changes not yet seen accumulate: a second update keeps the first one's marks. */
export function mergeChanges(
  a: NoticeChanges | undefined,
  b: NoticeChanges | undefined,
): NoticeChanges | undefined {
  if (!a) return b;
  if (!b) return a;
  const merged: NoticeChanges = {};
  if (a.dates || b.dates) merged.dates = true;
  if (a.replacements || b.replacements) merged.replacements = true;
  if (a.text || b.text) merged.text = true;
  return merged;
}
