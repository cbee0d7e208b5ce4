// 加入日历 in the real popup: the calendar builder is loaded on the click (a separate chunk, to
// keep the popup small), and the click still ends in an .ics download with the milestone's alarms.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { replicaNotices, serveFeed, waitForStoredNotice, type FeedHandle } from '../fixtures/pages/serve.ts';
import {
  hasChromium,
  launchWithExtension,
  openExtensionPage,
  removeProfile,
  type ExtensionSession,
} from './support/chromium.ts';
import { E2E_FEED_PORT } from './support/paths.ts';

describe.skipIf(!hasChromium())('加入日历 in the popup', () => {
  let session: ExtensionSession | undefined;
  let feed: FeedHandle | undefined;
  afterAll(async () => {
    await session?.close();
    await feed?.close();
    if (session) removeProfile(session.userDataDir);
  });

  it('downloads an .ics for the milestone, built by the lazily loaded calendar chunk', async () => {
    const notices = replicaNotices(Date.now());
    feed = await serveFeed(E2E_FEED_PORT, notices);
    session = await launchWithExtension();
    await waitForStoredNotice(session.worker, notices[0]!.guid);

    const page = await openExtensionPage(session);
    const button = page.getByRole('button', { name: '加入日历' }).first();
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);

    expect(download.suggestedFilename()).toMatch(/^sunset-.+\.ics$/);
    const ics = await readFile((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // The default lead times: 7 days, 1 day, 2 hours and the cutoff itself.
    expect(ics.match(/TRIGGER:[^\r\n]+/g)).toEqual([
      'TRIGGER:-P7D',
      'TRIGGER:-P1D',
      'TRIGGER:-PT2H',
      'TRIGGER:PT0S',
    ]);
  });
});
