// Capture in the worker (issue 19 items 3–5): the context-menu entry on selected text, opening
// the review page with a source, and the messages of the review page and the capture script.
// The worker never runs the extractor (item 6): it keeps the text for the review page, which does.
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
// Only the menu's own words: the capture part's others are the review page's and the offer's.
import enMenu from '../../locales/en/menu.json';
import zhMenu from '../../locales/zh_CN/menu.json';
import { mergeParts, translatorFor } from '../../utils/i18n/catalog.ts';
import type { CaptureSource } from '../../utils/capture/source.ts';
import { putDraft } from '../../utils/capture/storage.ts';
import type { CaptureSaved } from '../../utils/messages/protocol.ts';
import { formatErrors, isHttpsUrl, validateNotice, type Notice } from '../../utils/notice/schema.ts';
import { toBeijingIso } from '../../utils/notice/time.ts';
import { openSunsetDb } from '../../utils/store/db.ts';
import { deleteLocalNotice, saveLocalNotice } from '../../utils/store/local.ts';
import { listNotices } from '../../utils/store/notices.ts';
import { sameRetirement } from '../../utils/store/precedence.ts';
import { loadSettings, settingsItem } from '../../utils/store/settings-item.ts';
import { updateBadge } from './poller.ts';
import { syncReminders } from './reminders.ts';

export const MENU_ID = 'sunset-watch-capture-selection';
export const REVIEW_PAGE = '/capture.html';

const catalogs = { zh_CN: mergeParts([zhMenu]), en: mergeParts([enMenu]) };

/** Opens the review page on `source`, next to the tab it came from. */
export async function openReview(source: CaptureSource, opener?: { index?: number; windowId?: number }) {
  const id = await putDraft(source, Date.now());
  const url = browser.runtime.getURL(`${REVIEW_PAGE}?draft=${encodeURIComponent(id)}` as '/capture.html');
  await browser.tabs.create({
    url,
    ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    ...(opener?.windowId !== undefined ? { windowId: opener.windowId } : {}),
  });
}

/** The context-menu entry, in the language chosen in the options (created anew each time). */
async function createMenu(): Promise<void> {
  const settings = await loadSettings();
  const { t } = translatorFor(catalogs, settings.language, globalThis.navigator?.language);
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: t('capture_menu'), contexts: ['selection'] });
}

/**
 * 识别为下线公告 on a selection: the selected text comes with the click (no host permission);
 * the page's address becomes the notice's link when it is https, and today (Beijing) its day.
 */
export async function onMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const text = (info.selectionText ?? '').trim();
  if (!text) return;
  const link = info.pageUrl && isHttpsUrl(info.pageUrl) ? info.pageUrl : undefined;
  const source: CaptureSource = {
    text,
    title: (tab?.title ?? '').slice(0, 200),
    published: toBeijingIso(Date.now()).slice(0, 10),
    ...(link ? { link } : {}),
  };
  await openReview(source, tab);
}

function recreate(): void {
  createMenu().catch((error: unknown) => console.warn('[Sunset Watch] capture menu:', error));
}

/** Call once at the worker's top level: the menu on install and start, retitled with the language. */
export function registerCapture(): void {
  browser.runtime.onInstalled.addListener(recreate);
  browser.runtime.onStartup.addListener(recreate);
  settingsItem.watch(recreate);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    onMenuClicked(info, tab).catch((error: unknown) => console.warn('[Sunset Watch] capture:', error));
  });
}

/** A notice from a message, validated whole (the protocol checks only that it has a guid). */
function checked(input: unknown): Notice {
  const result = validateNotice(input);
  if (!result.ok) throw new Error(`invalid notice: ${formatErrors(result.errors)}`);
  return result.value;
}

/** The stored notice that already names each product of `notice` on the same day, if one does. */
export async function coveringNotice(input: unknown): Promise<{ guid: string; origin: string } | null> {
  const products = checked(input).sunset?.products ?? [];
  if (products.length === 0) return null;
  for (const stored of await listNotices(await openSunsetDb())) {
    const theirs = stored.notice.sunset?.products ?? [];
    if (products.every((p) => theirs.some((q) => sameRetirement(p, q))))
      return { guid: stored.guid, origin: stored.origin };
  }
  return null;
}

/** Saves a reviewed capture; the badge and reminders follow at once. */
export async function saveCapture(input: unknown): Promise<CaptureSaved> {
  const notice = checked(input);
  const db = await openSunsetDb();
  const { stored, folded } = await saveLocalNotice(db, notice, Date.now());
  const titles = new Map((await listNotices(db)).map((s) => [s.guid, s.notice.title]));
  await updateBadge();
  void syncReminders();
  return {
    guid: notice.guid,
    stored: stored !== null,
    folded: folded.map((f) => ({ product: f.product, into: f.into, title: titles.get(f.into) ?? f.into })),
  };
}

export async function deleteCapture(guid: string): Promise<{ deleted: boolean }> {
  const deleted = await deleteLocalNotice(await openSunsetDb(), guid);
  await updateBadge();
  void syncReminders();
  return { deleted };
}
