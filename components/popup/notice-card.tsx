// One notice in the popup (issue 18, item 3): collapsed, one line per product (name, what
// happens, countdown); expanded, its milestones one line per instant (same-instant ones merged),
// replacements, grandfather clause and link (a local capture: 本地识别, with 编辑 and 删除). The
// words are the shared status (utils/notice/status.ts), the same as the page's badge, card and
// banner. Remote text only ever becomes text nodes; links are followed only when https. A product seen on the merchant's own pages says so under its line
// (issue 20: 「您有 3 个计划在用 · 最近见于 12月1日」) and its notice carries `data-affects`.
import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n/catalog.ts';
import { listOf, listSeparators, sentenceStart } from '../../utils/notice/phrases.ts';
import { longDate, localDateTime } from '../../utils/notice/countdown.ts';
import { isHttpsUrl, type Milestone, type Notice, type Product } from '../../utils/notice/schema.ts';
import { productStatus, statusLong, timeline } from '../../utils/notice/status.ts';
import { zoneDiffersFromBeijing } from '../../utils/notice/time.ts';
import type { SeenProduct, StoredNotice } from '../../utils/store/db.ts';
import { affects, isActiveSunset, NOTHING_SEEN, seenOf, type SeenIndex } from '../../utils/store/view.ts';
import { affectsLine } from '../../utils/notice/affects.ts';
import { platformHref } from '../../utils/page/links.ts';
import { changesWords } from './format.ts';

/** What the popup renders beside each dated milestone (the reminders' 加入日历 button). */
export type MilestoneExtra = (args: {
  notice: Notice;
  product: Product;
  milestone: Milestone;
}) => ComponentChild;

interface Props {
  stored: StoredNotice;
  now: number;
  t: Translate;
  /** The browser's zone (injected in tests); undefined means the runtime's own. */
  timeZone?: string;
  open: boolean;
  onToggle: (guid: string) => void;
  onMarkRead: (guid: string) => void;
  milestoneExtra?: MilestoneExtra;
  /** A local notice (本地识别, issue 19): opens the review page on it. */
  onEdit?: (guid: string) => void;
  /** A local notice: deletes it (after the merchant confirmed here). */
  onDelete?: (guid: string) => void;
  /** The products seen on the merchant's own pages (issue 20). */
  seen?: SeenIndex;
}

function SafeLink({
  href,
  children,
  class: className,
  allow = (h) => (isHttpsUrl(h) ? h : null),
}: {
  href?: string;
  children: ComponentChild;
  class?: string;
  /** The allow-list: the link to use, or null to show plain text. */
  allow?: (href: string) => string | null;
}) {
  const allowed = href ? allow(href) : null;
  if (!allowed) return <span class={className}>{children}</span>;
  return (
    <a class={className} href={allowed} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

const KIND_KEY: Partial<Record<string, string>> = {
  cancel: 'popup_kind_cancel',
  postpone: 'popup_kind_postpone',
  policy: 'popup_kind_policy',
  info: 'popup_kind_info',
};

/** The collapsed line of one product: name, what happens (what already happened first), countdown. */
function ProductLine({
  product,
  now,
  t,
  active,
  marks,
  seen,
}: {
  product: Product;
  now: number;
  t: Translate;
  active: boolean;
  /** Marks after the name: updated, kind (and later 本地识别). */
  marks?: ComponentChild;
  /** What was seen of it on the merchant's pages, if anything. */
  seen?: SeenProduct | undefined;
}) {
  const status = productStatus(product, now, t);
  return (
    <span
      class={`line line--${active ? status.urgency : 'inactive'}`}
      title={active ? statusLong(status) : undefined}
    >
      <span class="line__main">
        <span class="line__name">{product.name}</span> {marks}
        {active ? (
          <span class="line__what">
            {status.done && <span class="line__done">{sentenceStart(t, status.done)}</span>}
            {status.done && status.next && ' · '}
            {status.done ? status.next : sentenceStart(t, status.next)}
          </span>
        ) : (
          <span class="line__what">{t('popup_cancel_note')}</span>
        )}
        {seen && <span class="line__affects">{affectsLine(t, seen, now)}</span>}
      </span>
      {active && status.left && <span class="line__left">{status.left}</span>}
    </span>
  );
}

function ProductDetails(props: {
  notice: Notice;
  product: Product;
  now: number;
  t: Translate;
  timeZone?: string;
  heading: boolean;
  /** The product's place in the notice (for the list's label id). */
  index: number;
  extra?: MilestoneExtra;
}) {
  const { notice, product, now, t, timeZone } = props;
  const seps = listSeparators(t, product.replacements.length, 'disjunction');
  const labelId = `timeline-${notice.guid}-${props.index}`;
  return (
    <section class="product">
      {props.heading && <h3 class="product__name">{product.name}</h3>}
      {/* Beijing time stated once for the list, where the dates are. */}
      <p class="timeline__label" id={labelId}>
        {t('popup_timeline')}
      </p>
      <ul class="timeline" aria-labelledby={labelId}>
        {timeline(product, now, t, false).map((line, i) => (
          <li key={i} class={`timeline__line${line.passed ? ' timeline__line--passed' : ''}`}>
            {line.atMs !== null && (
              <time class="timeline__when" dateTime={line.milestones[0]?.at ?? undefined}>
                {line.when}
              </time>
            )}{' '}
            <span class="timeline__what">{line.what}</span>
            {line.left && <span class="timeline__left">{line.left}</span>}
            {line.atMs !== null &&
              !line.passed &&
              props.extra?.({ notice, product, milestone: line.milestones[0]! })}
            {line.atMs !== null && zoneDiffersFromBeijing(line.atMs, timeZone) && (
              <span class="timeline__note">{t('local_time', localDateTime(t, line.atMs, timeZone))}</span>
            )}
            {line.movedFrom !== undefined && line.atMs !== null && (
              <span class="timeline__note">
                {t(
                  line.movedFrom < line.atMs ? 'popup_moved_later' : 'popup_moved_earlier',
                  longDate(t, line.movedFrom),
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
      {/* Replacements are ordered on the platform itself: only its own hosts are linked
          (the same allow-list as the page's banner and card, utils/page/links.ts). */}
      {product.replacements.length > 0 && (
        <p class="product__replacements">
          {t('popup_replacements')}
          {product.replacements.map((r, i) => (
            <>
              {seps[i]}
              <SafeLink key={r.name} href={r.href} allow={platformHref}>
                {r.name}
              </SafeLink>
            </>
          ))}
        </p>
      )}
    </section>
  );
}

/** 编辑 · 删除 for a local notice; 删除 asks first, in place (Firefox's popups show no confirm()). */
function LocalActions({
  guid,
  t,
  onEdit,
  onDelete,
}: {
  guid: string;
  t: Translate;
  onEdit?: (guid: string) => void;
  onDelete?: (guid: string) => void;
}) {
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <span class="notice__confirm" role="group" aria-label={t('popup_local_delete_confirm')}>
        <span>{t('popup_local_delete_confirm')}</span>
        <button type="button" class="button button--small button--danger" onClick={() => onDelete?.(guid)}>
          {t('popup_local_delete_yes')}
        </button>
        <button type="button" class="button button--small" onClick={() => setAsking(false)}>
          {t('popup_local_delete_no')}
        </button>
      </span>
    );
  }
  return (
    <>
      {onEdit && (
        <button type="button" class="button button--small" onClick={() => onEdit(guid)}>
          {t('popup_local_edit')}
        </button>
      )}
      {onDelete && (
        <button type="button" class="button button--small" onClick={() => setAsking(true)}>
          {t('popup_local_delete')}
        </button>
      )}
    </>
  );
}

export function NoticeCard({
  stored,
  now,
  t,
  timeZone,
  open,
  onToggle,
  onMarkRead,
  milestoneExtra,
  onEdit,
  onDelete,
  seen = NOTHING_SEEN,
}: Props) {
  const { notice } = stored;
  const local = stored.origin === 'local';
  const confirmed = (stored.confirms ?? []).map((c) => c.title);
  const mine = affects(notice, seen);
  const sunset = notice.sunset;
  const active = isActiveSunset(notice);
  const kindKey = sunset ? KIND_KEY[sunset.kind] : 'popup_plain';
  const unseen = !stored.read || stored.changes !== undefined;
  const changed = stored.changes ? changesWords(t, stored.changes) : '';
  const bodyId = `body-${stored.guid}`;
  const products = sunset?.products ?? [];
  // Marks sit after the first product's name (room for more, such as a 本地识别 mark). Unread is
  // a dot before the name; its word is there for screen readers.
  const marks = (
    <>
      {!stored.read && <span class="visually-hidden">{t('popup_unread')}</span>}
      {stored.changes && (
        <span class="mark mark--updated" title={t('popup_updated_detail', changed)}>
          {t('popup_updated')}
        </span>
      )}
      {kindKey && <span class="mark mark--kind">{t(kindKey)}</span>}
      {local && (
        <span class="mark mark--local" title={t('popup_local_hint')}>
          {t('popup_local')}
        </span>
      )}
      {confirmed.length > 0 && (
        <span class="mark mark--confirmed" title={t('popup_confirmed_hint', listOf(t, confirmed))}>
          {t('popup_confirmed')}
        </span>
      )}
    </>
  );
  return (
    <article
      class={`notice${stored.read ? '' : ' notice--unread'}${active ? '' : ' notice--inactive'}${open ? ' notice--open' : ''}${mine ? ' notice--affects' : ''}`}
      data-notice-id={stored.guid}
      data-affects={mine ? '' : undefined}
      aria-labelledby={`title-${stored.guid}`}
    >
      <button
        type="button"
        class="notice__row"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => onToggle(stored.guid)}
      >
        <span class="notice__chevron" aria-hidden="true" />
        <span class="notice__lines">
          {products.length > 0 ? (
            products.map((product, i) => (
              <ProductLine
                key={product.name}
                product={product}
                now={now}
                t={t}
                active={active}
                marks={i === 0 ? marks : null}
                seen={seenOf(product, seen)}
              />
            ))
          ) : (
            <span class="line">
              <span class="line__main">
                <span class="line__name">{notice.title}</span> {marks}
              </span>
            </span>
          )}
        </span>
      </button>
      <div class="notice__body" id={bodyId} hidden={!open}>
        <h2 class="notice__title" id={`title-${stored.guid}`}>
          <SafeLink href={notice.link}>{notice.title}</SafeLink>
        </h2>
        {changed && <p class="notice__changed">{t('popup_updated_detail', changed)}</p>}
        {sunset?.kind === 'cancel' && <p class="notice__note">{t('popup_cancel_note')}</p>}
        {active &&
          products.map((product, index) => (
            <ProductDetails
              key={product.name}
              index={index}
              notice={notice}
              product={product}
              now={now}
              t={t}
              heading={products.length > 1}
              {...(timeZone ? { timeZone } : {})}
              {...(milestoneExtra ? { extra: milestoneExtra } : {})}
            />
          ))}
        {sunset?.grandfather && (
          <p class="notice__grandfather">
            {t('popup_grandfather')}
            {sunset.grandfather}
          </p>
        )}
        {!sunset && notice.description && <p class="notice__description">{notice.description}</p>}
        <footer class="notice__foot">
          {notice.link && isHttpsUrl(notice.link) && (
            <SafeLink class="notice__link" href={notice.link}>
              {t('popup_open_notice')}
            </SafeLink>
          )}
          {unseen && (
            <button type="button" class="button button--small" onClick={() => onMarkRead(stored.guid)}>
              {t('popup_mark_read')}
            </button>
          )}
          {local && (
            <LocalActions
              guid={stored.guid}
              t={t}
              {...(onEdit ? { onEdit } : {})}
              {...(onDelete ? { onDelete } : {})}
            />
          )}
        </footer>
      </div>
    </article>
  );
}
