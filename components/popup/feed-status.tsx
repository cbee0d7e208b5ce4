// The feed status line: last success and, when the latest poll failed, the error in words; what
// the last fetch skipped (whole items, or single products, aliases, replacements) is counted and,
// opened, each unit with its recorded reason (issue 17 item 1), always as text.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { longDate } from '../../utils/notice/countdown.ts';
import type { FeedStatus } from '../../utils/messages/protocol.ts';
import { ago, errorWords } from './format.ts';

interface Props {
  feeds: FeedStatus[];
  now: number;
  t: Translate;
}

export function FeedStatusLine({ feeds, now, t }: Props) {
  const successes = feeds.map((f) => f.lastSuccessAt ?? 0).filter((x) => x > 0);
  const lastSuccess = successes.length ? Math.max(...successes) : undefined;
  // A feed is failing when its latest error is newer than its latest success.
  const failing = feeds.filter((f) => f.lastError && f.lastError.at >= (f.lastSuccessAt ?? 0));
  const skips = feeds.flatMap((f) => f.lastSkipped);
  // Records written before issue 17 name no unit: they were whole items.
  const items = skips.filter((s) => (s.unit ?? 'item') === 'item').length;
  const parts = skips.length - items;
  // Older states (before warnings were kept) may lack the field.
  const warnings = feeds.flatMap((f) => f.lastWarnings ?? []);
  const first = failing[0];
  return (
    <div
      class="feed-status"
      role="status"
      aria-live="polite"
      data-feed-status={failing.length ? 'error' : 'ok'}
    >
      <span>{lastSuccess ? t('popup_status_ok', ago(t, lastSuccess, now)) : t('popup_status_never')}</span>
      {first?.lastError && (
        <span class="feed-status__error" title={`${first.url}\n${first.lastError.message}`}>
          {' · '}
          {failing.length > 1 && `${t('popup_status_feeds_failing', failing.length)} · `}
          {t('popup_status_error', ago(t, first.lastError.at, now), errorWords(t, first.lastError))}
          {first.nextPollAt !== undefined && first.nextPollAt > now && (
            <>
              {' · '}
              {t('popup_status_retry', longDate(t, first.nextPollAt))}
            </>
          )}
        </span>
      )}
      {items > 0 && (
        <span class="feed-status__skipped">
          {' · '}
          {t('popup_status_skipped', items)}
        </span>
      )}
      {parts > 0 && (
        <span class="feed-status__dropped">
          {' · '}
          {t('popup_status_parts_dropped', parts)}
        </span>
      )}
      {skips.length > 0 && (
        <details class="feed-status__reasons">
          <summary>{t('popup_status_reasons')}</summary>
          <ul>
            {skips.map((s, i) => (
              <li key={i} data-unit={s.unit ?? 'item'}>
                {s.title ?? s.guid ?? '?'} — {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <span class="feed-status__warnings" title={warnings.join('\n')}>
          {' · '}
          {t('popup_status_warnings', warnings.length)}
        </span>
      )}
    </div>
  );
}
