// Browser-facing side of polling: start-up, alarms, the badge. The decisions live in
// utils/feed/ (poll-plan, fetch-feed, poll) and utils/store/ (notices, view); this file only
// supplies the real database, fetch, clock and alarms.
import browser from 'webextension-polyfill';
import { DEFAULT_FEED_URL } from '../../utils/feed/default-feed.ts';
import { earliestNextPoll, pollDue, type PollDeps, type PollOutcome } from '../../utils/feed/poll.ts';
import { sessionChecks } from '../../utils/store/poll-checks.ts';
import { openSunsetDb } from '../../utils/store/db.ts';
import { listNotices, seedBundled } from '../../utils/store/notices.ts';
import { allFeedUrls } from '../../utils/store/settings.ts';
import { loadSettings } from '../../utils/store/settings-item.ts';
import { listSeen, pruneSeen } from '../../utils/store/seen.ts';
import { badgeFor, seenIndex } from '../../utils/store/view.ts';
import { NEXT_POLL_ALARM as NEXT_ALARM, WATCHDOG_ALARM } from './alarm-names.ts';
import { bundledNotices } from './bundled.ts';
import { syncReminders } from './reminders.ts';

async function deps(): Promise<PollDeps> {
  return {
    db: await openSunsetDb(),
    checks: sessionChecks,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: Math.random,
  };
}

async function feedUrls(): Promise<{ urls: string[]; pollMinutes: number }> {
  const settings = await loadSettings();
  return { urls: allFeedUrls(DEFAULT_FEED_URL, settings), pollMinutes: settings.pollMinutes };
}

/** Sets the toolbar badge from what is stored (once products were seen: only theirs, issue 20). */
export async function updateBadge(): Promise<void> {
  const db = await openSunsetDb();
  const now = Date.now();
  const badge = badgeFor(await listNotices(db), now, seenIndex(await listSeen(db, now)));
  await browser.action.setBadgeText({ text: badge.text });
  if (badge.text) await browser.action.setBadgeBackgroundColor({ color: badge.color });
}

async function schedule(d: PollDeps, urls: string[]): Promise<void> {
  const when = Math.max(await earliestNextPoll(d, urls, d.now()), d.now() + 30_000);
  try {
    // Chromium refuses even to *replace* an alarm once 500 exist (found by the 500-alarm e2e,
    // test/e2e/lifecycle.e2e.test.ts): clear ours first so its slot is free again.
    await browser.alarms.clear(NEXT_ALARM);
    await browser.alarms.create(NEXT_ALARM, { when });
    if (!(await browser.alarms.get(WATCHDOG_ALARM))) {
      await browser.alarms.create(WATCHDOG_ALARM, { periodInMinutes: 60 });
    }
  } catch (error) {
    // Every slot taken by others: the poll itself succeeded and must not be reported as failed;
    // the hourly watchdog (when it exists) keeps polling going.
    console.warn('sunset-watch: could not schedule the next poll', error);
  }
}

/** Polls (every feed when `force`, else the due ones), then reschedules and refreshes views. */
export async function pollNow(force: boolean): Promise<PollOutcome[]> {
  const d = await deps();
  const { urls, pollMinutes } = await feedUrls();
  let outcomes: PollOutcome[] = [];
  try {
    outcomes = await pollDue(d, urls, pollMinutes, force);
  } finally {
    await schedule(d, urls);
    await updateBadge();
  }
  const changed = outcomes.some(
    (o) => o.status === 'stored' && (o.summary.added.length || o.summary.updated.length),
  );
  if (changed) await syncReminders();
  return outcomes;
}

/** Runs on install and on browser start alike (design.md: never assume storage is empty). */
export async function startUp(): Promise<void> {
  const db = await openSunsetDb();
  await seedBundled(db, bundledNotices(), Date.now());
  // Products not seen for 180 days are forgotten (issue 20); also on every report.
  await pruneSeen(db, Date.now());
  await updateBadge();
  await syncReminders();
  // design.md test contract: poll once on install and on start, without waiting for an alarm.
  await pollNow(true);
}

export async function onPollAlarm(_name: string): Promise<void> {
  await pollNow(false);
}
