// One notice in the popup: product, action in words, Beijing date (and local time when the
// browser's zone differs), countdown, replacements, grandfather clause, link, markers.
// Remote text only ever becomes text nodes; links are followed only when https.
import type { ComponentChild } from 'preact';
import type { Lang, Translate } from '../../utils/i18n/catalog.ts';
import { ACTION_KEY, countdown, countdownText, longDate } from '../../utils/notice/countdown.ts';
import { isHttpsUrl, type Milestone, type Notice, type Product } from '../../utils/notice/schema.ts';
import { formatInZone, toEpoch, zoneDiffersFromBeijing } from '../../utils/notice/time.ts';
import type { StoredNotice } from '../../utils/store/db.ts';
import { isActiveSunset } from '../../utils/store/view.ts';
import { platformHref } from '../../utils/page/links.ts';
import { changesWords } from './format.ts';
import { LOCALE_TAG } from '../../utils/i18n/catalog.ts';

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
  lang: Lang;
  /** The browser's zone (injected in tests); undefined means the runtime's own. */
  timeZone?: string;
  onMarkRead: (guid: string) => void;
  milestoneExtra?: MilestoneExtra;
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
  href = allowed;
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function MilestoneRow(props: {
  notice: Notice;
  product: Product;
  milestone: Milestone;
  now: number;
  t: Translate;
  lang: Lang;
  timeZone?: string;
  active: boolean;
  extra?: MilestoneExtra;
}) {
  const { milestone, now, t, lang, timeZone } = props;
  const action = t(ACTION_KEY[milestone.action]);
  if (!milestone.at) {
    return (
      <li class="milestone milestone--undated">
        <span class="milestone__action">{action}</span>
        <span class="milestone__date">{t('popup_date_unknown')}</span>
      </li>
    );
  }
  const atMs = toEpoch(milestone.at);
  const cd = countdown(atMs, now);
  const beijing = longDate(t, atMs);
  const showLocal = zoneDiffersFromBeijing(atMs, timeZone);
  let moved: string | undefined;
  if (milestone.previous) {
    const before = toEpoch(milestone.previous);
    if (before !== atMs) {
      moved = t(before < atMs ? 'popup_moved_later' : 'popup_moved_earlier', beijing, longDate(t, before));
    }
  }
  return (
    <li class={`milestone milestone--${props.active ? cd.urgency : 'inactive'}`}>
      <span class="milestone__action">{action}</span>
      {props.active && <span class="milestone__countdown">{countdownText(t, milestone.action, cd)}</span>}
      {props.active &&
        cd.urgency !== 'past' &&
        props.extra?.({ notice: props.notice, product: props.product, milestone })}
      <span class="milestone__date">
        <time dateTime={milestone.at}>{t('popup_beijing', beijing)}</time>
        {showLocal && (
          <span class="milestone__local">
            {' · '}
            {t('popup_local', formatInZone(atMs, LOCALE_TAG[lang], timeZone))}
          </span>
        )}
      </span>
      {moved && <span class="milestone__moved">{moved}</span>}
    </li>
  );
}

const KIND_KEY: Partial<Record<string, string>> = {
  cancel: 'popup_kind_cancel',
  postpone: 'popup_kind_postpone',
  policy: 'popup_kind_policy',
  info: 'popup_kind_info',
};

export function NoticeCard({ stored, now, t, lang, timeZone, onMarkRead, milestoneExtra }: Props) {
  const { notice } = stored;
  const sunset = notice.sunset;
  const active = isActiveSunset(notice);
  const kindKey = sunset ? KIND_KEY[sunset.kind] : 'popup_plain';
  const unseen = !stored.read || stored.changes !== undefined;
  return (
    <article
      class={`notice${stored.read ? '' : ' notice--unread'}${active ? '' : ' notice--inactive'}`}
      data-notice-id={stored.guid}
      aria-labelledby={`title-${stored.guid}`}
    >
      <header class="notice__head">
        <h2 class="notice__title" id={`title-${stored.guid}`}>
          <SafeLink href={notice.link}>{notice.title}</SafeLink>
        </h2>
        <div class="notice__markers">
          {!stored.read && <span class="marker marker--unread">{t('popup_unread')}</span>}
          {stored.changes && (
            <span
              class="marker marker--updated"
              title={t('popup_updated_detail', changesWords(t, stored.changes))}
            >
              {t('popup_updated')}
              {changesWords(t, stored.changes) && `：${changesWords(t, stored.changes)}`}
            </span>
          )}
          {kindKey && <span class="marker marker--kind">{t(kindKey)}</span>}
        </div>
      </header>
      {sunset?.kind === 'cancel' && <p class="notice__note">{t('popup_cancel_note')}</p>}
      {sunset?.products.map((product) => (
        <section class="product" key={product.name}>
          <h3 class="product__name">{product.name}</h3>
          <ul class="milestones">
            {product.milestones.map((milestone, i) => (
              <MilestoneRow
                key={`${milestone.action}-${i}`}
                notice={notice}
                product={product}
                milestone={milestone}
                now={now}
                t={t}
                lang={lang}
                active={active}
                {...(timeZone ? { timeZone } : {})}
                {...(milestoneExtra ? { extra: milestoneExtra } : {})}
              />
            ))}
          </ul>
          {/* Replacements are ordered on the platform itself: only its own hosts are linked
              (the same allow-list as the page's banner and card, utils/page/links.ts). */}
          {product.replacements.length > 0 && (
            <p class="product__replacements">
              {t('popup_replacements')}
              {product.replacements.map((r, i) => (
                <>
                  {i > 0 && t('popup_list_sep')}
                  <SafeLink key={r.name} href={r.href} allow={platformHref}>
                    {r.name}
                  </SafeLink>
                </>
              ))}
            </p>
          )}
        </section>
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
      </footer>
    </article>
  );
}
