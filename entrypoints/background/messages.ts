// Dispatches validated messages to their handlers (protocol: utils/messages/protocol.ts).
// A message that fails the sender or schema check is answered with an error and never acted on.
import type { Runtime } from 'webextension-polyfill';
import { DEFAULT_FEED_URL } from '../../utils/feed/default-feed.ts';
import { readFeedState, replan, testFeed } from '../../utils/feed/poll.ts';
import {
  handle,
  type FeedStatus,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseOf,
  type WatchedProduct,
} from '../../utils/messages/protocol.ts';
import { openSunsetDb, type SunsetDatabase } from '../../utils/store/db.ts';
import { dismissBanner, listNotices, markAllRead, markRead, muteNotice } from '../../utils/store/notices.ts';
import { listSeen } from '../../utils/store/seen.ts';
import { allFeedUrls, feedUrlProblem, validateSettings, type Settings } from '../../utils/store/settings.ts';
import { loadSettings, saveSettings } from '../../utils/store/settings-item.ts';
import { isActiveSunset } from '../../utils/store/view.ts';
import { sessionChecks } from '../../utils/store/poll-checks.ts';
import { coveringNotice, deleteCapture, openReview, saveCapture } from './capture.ts';
import { pageWords } from '../../components/page/words.ts';
import { pollNow, updateBadge } from './poller.ts';
import { syncReminders } from './reminders.ts';
import { clearSeenRecords, newPageLoad, noteSeen } from './seen.ts';
import { noteSuspended } from './suspended.ts';

/** What the popup and options show: the stored state merged with the last 304 (上次更新). */
async function feedStatuses(db: SunsetDatabase, settings: Settings): Promise<FeedStatus[]> {
  return Promise.all(
    allFeedUrls(DEFAULT_FEED_URL, settings).map(async (url) => ({
      ...(await readFeedState({ db, checks: sessionChecks }, url)),
      isDefault: url === DEFAULT_FEED_URL,
    })),
  );
}

/**
 * One handler for every request type: a type added to the protocol without one does not compile.
 * The sender is checked already (protocol.ts checkRequest); a handler reads it for its tab only.
 */
type Handlers = {
  [K in RequestType]: (request: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>>;
};

const handlers: Handlers = {
  'notices/list': async () => {
    const db = await openSunsetDb();
    const settings = await loadSettings();
    const now = Date.now();
    return {
      notices: await listNotices(db),
      feeds: await feedStatuses(db, settings),
      now,
      settings,
      seen: await listSeen(db, now),
    };
  },
  'notices/markRead': async ({ guids }) => ({ updated: await markRead(await openSunsetDb(), guids) }),
  'notices/markAllRead': async () => ({ updated: await markAllRead(await openSunsetDb()) }),
  'feeds/refresh': async () => {
    await pollNow(true);
    return { feeds: await feedStatuses(await openSunsetDb(), await loadSettings()) };
  },
  'feeds/test': async ({ url }) => {
    const problem = feedUrlProblem(url);
    if (problem) {
      return {
        ok: false,
        error: problem === 'scheme' ? 'not an https: URL (http: only on localhost)' : 'not a valid URL',
      };
    }
    return testFeed(url, (input, init) => fetch(input, init), Date.now());
  },
  'settings/get': () => loadSettings(),
  'settings/set': async ({ settings }) => {
    const checked = validateSettings(settings);
    if (!checked.ok) throw new Error(checked.error);
    const next = checked.value;
    const before = await loadSettings();
    await saveSettings(next);
    const changed = (key: keyof Settings) => JSON.stringify(before[key]) !== JSON.stringify(next[key]);
    const added = next.feeds.some((f) => !before.feeds.includes(f));
    if (changed('pollMinutes')) {
      await replan(
        { db: await openSunsetDb(), checks: sessionChecks },
        allFeedUrls(DEFAULT_FEED_URL, next),
        next.pollMinutes,
        Date.now(),
      );
    }
    // A new feed is polled at once; a new interval reschedules (and polls what is now due).
    if (added || changed('pollMinutes')) void pollNow(added);
    // Reminders depend on lead times, quiet hours, 提醒范围 and (for their words) the language.
    if (changed('leadMinutes') || changed('quietHours') || changed('remindScope') || changed('language'))
      void syncReminders();
    return next;
  },
  'watched/list': async ({ language }, sender) => {
    // A top frame asking starts a page: a new page load of its tab (issue 20, seen.ts).
    await newPageLoad(sender);
    const db = await openSunsetDb();
    const products: WatchedProduct[] = [];
    for (const stored of await listNotices(db)) {
      const sunset = stored.notice.sunset;
      if (!sunset || !isActiveSunset(stored.notice)) continue;
      for (const product of sunset.products) {
        const entry: WatchedProduct = {
          guid: stored.guid,
          hash: stored.hash,
          noticeTitle: stored.notice.title,
          kind: sunset.kind,
          product,
          muted: stored.muted,
        };
        if (stored.notice.link) entry.link = stored.notice.link;
        if (sunset.grandfather) entry.grandfather = sunset.grandfather;
        if (stored.bannerDismissedHash) entry.bannerDismissedHash = stored.bannerDismissedHash;
        products.push(entry);
      }
    }
    const settings = await loadSettings();
    return { products, settings, words: pageWords(settings.language, language) };
  },
  'notice/mute': async ({ guid }) => {
    await muteNotice(await openSunsetDb(), guid);
    await updateBadge();
    void syncReminders();
    return { ok: true };
  },
  'banner/dismiss': async ({ guid, hash }) => {
    await dismissBanner(await openSunsetDb(), guid, hash);
    return { ok: true };
  },
  'page/suspended': ({ names }, sender) => noteSuspended(names, sender),
  'capture/open': async ({ source }, sender) => {
    await openReview(source, sender.tab);
    return { ok: true };
  },
  'capture/check': async ({ notice }) => ({ covered: await coveringNotice(notice) }),
  'capture/save': ({ notice }) => saveCapture(notice),
  'capture/delete': ({ guid }) => deleteCapture(guid),
  'page/seen': (request, sender) => noteSeen(request, sender),
  'seen/clear': () => clearSeenRecords(),
};

async function dispatch<K extends RequestType>(
  request: RequestOf<K>,
  sender: Runtime.MessageSender,
  handler: (r: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>>,
): Promise<Reply<ResponseOf<K>>> {
  try {
    return { ok: true, value: await handler(request, sender) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** runtime.onMessage listener: returning a promise keeps the channel open for the reply. */
export function onMessage(message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> {
  const checked = handle(message, sender);
  if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
  const request = checked.request;
  const handler = handlers[request.type] as (
    r: typeof request,
    sender: Runtime.MessageSender,
  ) => Promise<ResponseOf<RequestType>>;
  return dispatch(request, sender, handler);
}
