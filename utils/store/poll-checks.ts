// Where the poll keeps the schedule of feeds last found unchanged (a 304): one WXT storage item
// in storage.session (issue 17 item 7), a check per feed URL. It survives the service worker's
// restarts but not the browser's (after which every feed is polled at start-up anyway,
// design.md), and a 304 costs no IndexedDB write (utils/feed/poll.ts).
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { FeedCheckSchema, type FeedChecks } from '../feed/poll.ts';

export const pollChecksItem = storage.defineItem<Record<string, unknown>>('session:pollChecks', {
  fallback: {},
});

export const sessionChecks: FeedChecks = {
  async get(url) {
    let stored: unknown;
    try {
      stored = (await pollChecksItem.getValue())[url];
    } catch (error) {
      // An unusable session store must not stop polling: the database's schedule still stands.
      console.warn('sunset-watch: could not read the last 304 check', error);
      return undefined;
    }
    // Read back through a boundary: anything else stored there counts as no check.
    const checked = v.safeParse(FeedCheckSchema, stored);
    return checked.success ? checked.output : undefined;
  },
  // Feeds are polled one after another (pollDue); were two polls ever to interleave here, the
  // check lost would only make that feed's next poll an early conditional GET.
  async set(url, check) {
    const checks = await pollChecksItem.getValue();
    await pollChecksItem.setValue({
      ...checks,
      [url]: { checkedAt: check.checkedAt, nextPollAt: check.nextPollAt },
    });
  },
};
