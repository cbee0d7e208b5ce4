// Small wording helpers for the popup. Pure: clock passed in.
import type { Translate } from '../../utils/i18n/catalog.ts';
import { longDate } from '../../utils/notice/countdown.ts';
import { listOf } from '../../utils/notice/phrases.ts';
import type { FeedError, NoticeChanges } from '../../utils/store/db.ts';

/** 刚刚 · 5 分钟前 · 3 小时前 · 2023年2月17日 08:00 */
export function ago(t: Translate, atMs: number, nowMs: number): string {
  const minutes = Math.floor((nowMs - atMs) / 60_000);
  if (minutes < 1) return t('popup_just_now');
  if (minutes < 60) return t('popup_minutes_ago', minutes);
  if (minutes < 24 * 60) return t('popup_hours_ago', Math.floor(minutes / 60));
  return longDate(t, atMs);
}

const ERROR_KEYS: Record<string, string> = {
  timeout: 'popup_err_timeout',
  network: 'popup_err_network',
  parse: 'popup_err_parse',
  'too-large': 'popup_err_too_large',
  charset: 'popup_err_charset',
  redirect: 'popup_err_redirect',
  storage: 'popup_err_storage',
};

/**
 * The kind of a raw feed error message, for errors that come without a code (the options page's
 * `feeds/test` answer carries only the message). The patterns are the messages of
 * utils/feed/fetch-feed.ts and parse.ts; anything else is `undefined` (「更新失败」 + its 详情).
 */
export function errorCodeOf(message: string): string | undefined {
  if (/^network error/.test(message)) return 'network';
  if (/^no answer within/.test(message)) return 'timeout';
  if (/^HTTP \d/.test(message)) return 'http';
  if (/unknown charset/.test(message)) return 'charset';
  if (/^feed refused/.test(message)) return 'too-large';
  if (/redirect/.test(message)) return 'redirect';
  if (/^not (an?|a well-formed) RSS/.test(message)) return 'parse';
  return undefined;
}

/** A feed error in words (the raw message stays available behind 详情 or as a tooltip). */
export function errorWords(t: Translate, error: Pick<FeedError, 'code' | 'message'>): string {
  const code = error.code ?? errorCodeOf(error.message);
  if (code === 'http') return t('popup_err_http', error.message.replace(/^HTTP\s*/, ''));
  const key = code ? ERROR_KEYS[code] : undefined;
  return key ? t(key) : t('popup_err_unknown');
}

/** 日期、替代方案 */
export function changesWords(t: Translate, changes: NoticeChanges): string {
  const parts: string[] = [];
  if (changes.dates) parts.push(t('popup_changed_dates'));
  if (changes.replacements) parts.push(t('popup_changed_replacements'));
  if (changes.text) parts.push(t('popup_changed_text'));
  return listOf(t, parts);
}
