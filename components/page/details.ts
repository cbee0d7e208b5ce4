// The facts of one watched product, shared by the details card and the order guard: every
// milestone, the grandfather clause and the replacements (linked only on the platform's hosts).
import type { Translate } from '../../utils/i18n/catalog.ts';
import { longDate } from '../../utils/notice/countdown.ts';
import { timeline } from '../../utils/notice/status.ts';
import type { PageProduct } from '../../utils/page/watched.ts';
import { platformHref } from '../../utils/page/links.ts';
import { h, link } from './dom.ts';

export function milestoneList(doc: Document, entry: PageProduct, nowMs: number, t: Translate): HTMLElement {
  // One line per instant (same-instant milestones merged), words from utils/notice/status.ts.
  const items = timeline(entry.product, nowMs, t).map((line) =>
    h(
      doc,
      'li',
      { class: line.passed ? 'past' : undefined },
      line.when ? `${line.when} ` : null,
      line.what,
      line.left ? [' · ', h(doc, 'span', { class: 'left' }, line.left)] : null,
      line.movedFrom !== undefined
        ? h(doc, 'span', { class: 'moved' }, ` (${t('page_card_moved', longDate(t, line.movedFrom))})`)
        : null,
    ),
  );
  return h(doc, 'ul', { class: 'milestones' }, items);
}

export function replacementList(doc: Document, entry: PageProduct): HTMLElement | null {
  if (!entry.product.replacements.length) return null;
  return h(
    doc,
    'ul',
    { class: 'replacements' },
    entry.product.replacements.map((r) => {
      const href = platformHref(r.href);
      return h(doc, 'li', {}, href ? link(doc, href, r.name) : r.name);
    }),
  );
}

/** The first replacement with a link the page may open, or null. */
export function firstReplacementHref(entry: PageProduct): string | null {
  for (const r of entry.product.replacements) {
    const href = platformHref(r.href);
    if (href) return href;
  }
  return null;
}

export function detailSections(
  doc: Document,
  entry: PageProduct,
  nowMs: number,
  t: Translate,
): HTMLElement[] {
  const out = [h(doc, 'h3', {}, t('page_card_milestones')), milestoneList(doc, entry, nowMs, t)];
  if (entry.grandfather)
    out.push(h(doc, 'h3', {}, t('page_card_grandfather')), h(doc, 'p', {}, entry.grandfather));
  const replacements = replacementList(doc, entry);
  if (replacements) out.push(h(doc, 'h3', {}, t('page_card_replacements')), replacements);
  return out;
}
