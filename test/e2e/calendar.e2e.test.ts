// 加入日历 in the real popup: the calendar builder is loaded on the click (a separate chunk, to
// keep the popup small), and the click still ends in an .ics download with the milestone's alarms.
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, openExtensionPage } from './support/chromium.ts';
import { startReplica, stopReplica, type ReplicaSetup } from './support/replica.ts';

describe.skipIf(!hasChromium())('加入日历 in the popup', () => {
  let setup: ReplicaSetup | undefined;
  afterAll(() => stopReplica(setup ?? {}));

  it('downloads an .ics for the milestone, built by the lazily loaded calendar chunk', async () => {
    setup = await startReplica();
    const page = await openExtensionPage(setup.session);
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
