// What was seen of a product on the merchant's own pages, in words (issue 20), for the popup
// and reminders alike. The count is said for what it measures: rows of a table whose header
// names plans (计划名称) are plans, so 「您有 3 个计划在用」; any other place (a card, a title, a
// solution list that may be the catalogue) only shows the name, so the words say "mentions".
import type { Translate } from '../i18n/catalog.ts';
import type { SeenProduct } from '../store/db.ts';
import { PART_SEP, wordsOf } from './phrases.ts';
import { beijingParts } from './time.ts';

/** 「您有 3 个计划在用」「您的后台有 2 处提到它」「您的后台提到过它」 */
export function affectsWords(t: Translate, seen: Pick<SeenProduct, 'maxPlans' | 'maxPlaces'>): string {
  if (seen.maxPlans > 0) return t('affects_plans', seen.maxPlans);
  if (seen.maxPlaces > 1) return t('affects_places', seen.maxPlaces);
  return t('affects_mentioned');
}

/** 「您有 3 个计划在用 · 最近见于 12月1日」 (Beijing date; the year when it is not this year's). */
export function affectsLine(t: Translate, seen: SeenProduct, now: number): string {
  const at = beijingParts(seen.lastSeenAt);
  const date = wordsOf(t).date(at, at.year !== beijingParts(now).year);
  return `${affectsWords(t, seen)}${PART_SEP}${t('affects_last_seen', date)}`;
}
