// The popup: every notice, soonest first (those affecting the merchant before the others, issue
// 20), with filters (即将生效, 与我相关, 全部), search, read state and refresh.
// Everything it shows comes from the background over the message protocol; the transport,
// clock, browser language and zone are passed in so tests render it without a browser.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  runtimeTransport,
  sendMessage,
  type ResponseMap,
  type Transport,
} from '../../utils/messages/protocol.ts';
import {
  groupOf,
  matchesFilter,
  matchesSearch,
  seenIndex,
  sortNotices,
  type Filter,
} from '../../utils/store/view.ts';
import { CalendarButton } from '../calendar-button.tsx';
import { FeedStatusLine } from './feed-status.tsx';
import { SuspendedLine } from './suspended-line.tsx';
import { popupTranslator } from './i18n.ts';
import { NoticeCard, type MilestoneExtra } from './notice-card.tsx';

type ListData = ResponseMap['notices/list'];

const FILTER_KEY: Record<Filter, string> = {
  upcoming: 'popup_filter_upcoming',
  affects: 'popup_filter_affects',
  all: 'popup_filter_all',
};

export interface PopupAppProps {
  transport?: Transport;
  now?: () => number;
  browserLanguage?: string;
  timeZone?: string;
  openOptions?: () => void;
  /** Opens the review page on a local notice (capture.html?guid=…, issue 19). */
  openCapture?: (guid: string) => void;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: ListData };

export function PopupApp({
  transport = runtimeTransport,
  now = Date.now,
  browserLanguage = globalThis.navigator?.language,
  timeZone,
  openOptions,
  openCapture,
}: PopupAppProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // All by default: every notice is listed (design.md test contract), upcoming ones first.
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const [clock, setClock] = useState(now());
  // Which notices are expanded, by guid; until the merchant opens or closes one, the soonest
  // upcoming notice is (issue 18, item 3: a compact list, the most urgent notice readable at once).
  const [expanded, setExpanded] = useState<ReadonlySet<string> | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    try {
      const data = await sendMessage({ type: 'notices/list' }, transport);
      setClock(now());
      setLoad({ state: 'ready', data });
    } catch (error) {
      setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, [transport, now]);

  useEffect(() => {
    void reload();
    // Countdowns stay current while the popup is open, and a poll that finishes meanwhile
    // (e.g. the first one after install) shows up without reopening it.
    const timer = setInterval(() => void reload(), 60_000);
    return () => clearInterval(timer);
  }, [reload, now]);

  // "/" jumps to the search box, as on many sites; Escape clears it.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && document.activeElement !== search.current) {
        event.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const language = load.state === 'ready' ? load.data.settings.language : 'auto';
  const { t, lang } = useMemo(() => popupTranslator(language, browserLanguage), [language, browserLanguage]);

  const data = load.state === 'ready' ? load.data : undefined;
  const seen = useMemo(() => seenIndex(data?.seen ?? []), [data]);
  const sorted = useMemo(() => (data ? sortNotices(data.notices, clock, seen) : []), [data, clock, seen]);
  const first = sorted[0];
  const open: ReadonlySet<string> =
    expanded ?? new Set(first && groupOf(first.notice, clock) === 'upcoming' ? [first.guid] : []);
  const toggle = (guid: string) => {
    const next = new Set(open);
    if (!next.delete(guid)) next.add(guid);
    setExpanded(next);
  };
  const shown = sorted.filter(
    (s) => matchesFilter(s.notice, filter, clock, seen) && matchesSearch(s.notice, query),
  );
  const anyUnseen = sorted.some((s) => !s.read || s.changes);

  const markRead = async (guids: string[] | 'all') => {
    if (!data) return;
    // Optimistic: the list updates at once; a failed write shows on the next load.
    const affected = (g: string) => guids === 'all' || guids.includes(g);
    setLoad({
      state: 'ready',
      data: {
        ...data,
        notices: data.notices.map((s) => {
          if (!affected(s.guid)) return s;
          const next = { ...s, read: true };
          delete next.changes;
          return next;
        }),
      },
    });
    try {
      if (guids === 'all') await sendMessage({ type: 'notices/markAllRead' }, transport);
      else await sendMessage({ type: 'notices/markRead', guids }, transport);
    } catch {
      await reload();
    }
  };

  const deleteLocal = async (guid: string) => {
    try {
      await sendMessage({ type: 'capture/delete', guid }, transport);
    } finally {
      await reload();
    }
  };

  const refresh = async () => {
    setRefreshing(true);
    try {
      await sendMessage({ type: 'feeds/refresh' }, transport);
    } catch {
      // The status line shows the feed's own error after the reload below.
    }
    await reload();
    setRefreshing(false);
  };

  // 加入日历 beside each upcoming milestone (the reminders' component), alarms at the lead times.
  const milestoneExtra: MilestoneExtra | undefined = data
    ? (args) => <CalendarButton {...args} leadMinutes={data.settings.leadMinutes} t={t} />
    : undefined;

  return (
    <div class="popup" lang={lang === 'zh_CN' ? 'zh-CN' : 'en'}>
      <header class="popup__bar">
        <h1 class="popup__title">{t('popup_title')}</h1>
        <div class="popup__actions">
          <button type="button" class="button" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
            {refreshing ? t('popup_refreshing') : t('popup_refresh')}
          </button>
          <button type="button" class="button" onClick={() => markRead('all')} disabled={!anyUnseen}>
            {t('popup_mark_all_read')}
          </button>
          {openOptions && (
            <button type="button" class="button button--quiet" onClick={openOptions}>
              {t('popup_settings')}
            </button>
          )}
        </div>
      </header>
      <div class="popup__tools">
        <div class="segmented" role="group" aria-label={t('popup_filter_label')}>
          {(['upcoming', 'affects', 'all'] as const).map((f) => (
            <button
              type="button"
              key={f}
              class="segmented__item"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
            >
              {t(FILTER_KEY[f])}
            </button>
          ))}
        </div>
        <input
          ref={search}
          type="search"
          class="search"
          aria-label={t('popup_search_label')}
          placeholder={t('popup_search_placeholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
            }
          }}
        />
      </div>
      {data && <FeedStatusLine feeds={data.feeds} now={clock} t={t} />}
      <SuspendedLine t={t} />
      <main class="popup__list" aria-busy={load.state === 'loading'}>
        {load.state === 'loading' && <p class="state state--loading">{t('popup_loading')}</p>}
        {load.state === 'error' && (
          <div class="state state--error" role="alert">
            <p>{t('popup_load_error', load.message)}</p>
            <button type="button" class="button" onClick={() => void reload()}>
              {t('popup_retry')}
            </button>
          </div>
        )}
        {data && sorted.length === 0 && (
          <div class="state state--empty">
            <h2>{t('popup_empty_title')}</h2>
            <p>{t('popup_empty_body')}</p>
          </div>
        )}
        {data && sorted.length > 0 && shown.length === 0 && (
          <div class="state state--empty">
            {query.trim() ? (
              <>
                <p>{t('popup_no_match', query.trim())}</p>
                <button type="button" class="button" onClick={() => setQuery('')}>
                  {t('popup_search_clear')}
                </button>
              </>
            ) : (
              <>
                <p>{t(filter === 'affects' ? 'popup_empty_affects' : 'popup_empty_upcoming')}</p>
                <button type="button" class="button" onClick={() => setFilter('all')}>
                  {t('popup_show_all')}
                </button>
              </>
            )}
          </div>
        )}
        {shown.map((stored) => (
          <NoticeCard
            key={stored.guid}
            stored={stored}
            now={clock}
            t={t}
            open={open.has(stored.guid)}
            onToggle={toggle}
            onMarkRead={(guid) => void markRead([guid])}
            onDelete={(guid) => void deleteLocal(guid)}
            {...(openCapture ? { onEdit: openCapture } : {})}
            seen={seen}
            {...(timeZone ? { timeZone } : {})}
            {...(milestoneExtra ? { milestoneExtra } : {})}
          />
        ))}
      </main>
    </div>
  );
}
