// The core end to end, in real Chromium: the extension (built against E2E_FEED_URL) polls the
// feed server on install, lists the notices in its popup, keeps them across a browser restart,
// and re-polls conditionally (If-None-Match → 304).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../feed/server.ts';
import type { ResponseMap } from '../../utils/messages/protocol.ts';
import {
  hasChromium,
  launchWithExtension,
  openExtensionPage,
  newProfile,
  removeProfile,
  type ExtensionSession,
} from './support/chromium.ts';
import { E2E_FEED_PORT, E2E_FEED_URL } from './support/paths.ts';
import { listenOnFeedPort, until, whenPortFree } from './support/wait.ts';

const NOTICES_DIR = fileURLToPath(new URL('../fixtures/feeds/e2e-notices/', import.meta.url));
/** One of feed/notices: bundled into the build, listed before any poll. */
const BUNDLED_GUID = '1688-dm-2023-02-10-solutions';

type List = ResponseMap['notices/list'];

/** Asks the background what it holds, through the same protocol the popup uses. */
async function list(page: Page): Promise<List> {
  const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'notices/list' }))) as {
    ok: boolean;
    value: List;
  };
  expect(reply.ok).toBe(true);
  return reply.value;
}

describe.skipIf(!hasChromium())('core: poll, list, persist, re-poll conditionally', () => {
  const profile = newProfile();
  let session: ExtensionSession | undefined;
  let feedServer: FeedServer | undefined;
  let recorder: Server | undefined;

  afterAll(async () => {
    await session?.close().catch(() => undefined);
    await feedServer?.close();
    await new Promise((resolve) => (recorder ? recorder.close(resolve) : resolve(undefined)));
    removeProfile(profile);
  });

  let firstState: List['feeds'][number] | undefined;

  it('polls the feed on install and lists its notices (and the bundled ones) in the popup', async () => {
    feedServer = await whenPortFree(() =>
      startFeedServer({
        port: E2E_FEED_PORT,
        host: '127.0.0.1',
        noticesDir: NOTICES_DIR,
        watch: false,
        log: () => undefined,
      }),
    );
    session = await launchWithExtension(profile);
    const page = await openExtensionPage(session);
    // The poll runs on install; reload the popup until its result is listed.
    await until(async () => {
      await page.reload();
      return (await page.locator('[data-notice-id="e2e-upcoming"]').count()) > 0 ? true : undefined;
    }, 'the polled notice in the popup');
    await expect.poll(() => page.locator(`[data-notice-id="${BUNDLED_GUID}"]`).count()).toBe(1);
    await expect.poll(() => page.locator('[data-notice-id="e2e-plain"]').count()).toBe(1);
    // Upcoming first: the 2099 milestone sorts before every 2023 notice.
    const ids = await page
      .locator('[data-notice-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-notice-id')));
    expect(ids[0]).toBe('e2e-upcoming');
    await expect
      .poll(() => page.locator('[data-notice-id="e2e-upcoming"]').innerText())
      .toContain('端到端替代方案');

    const data = await list(page);
    firstState = data.feeds.find((f) => f.url === E2E_FEED_URL);
    expect(firstState).toMatchObject({ failures: 0, lastCount: 2 });
    expect(firstState?.etag).toBeTruthy();
    expect(data.notices.find((n) => n.guid === 'e2e-upcoming')?.origin).toBe('feed');
    expect(data.notices.find((n) => n.guid === BUNDLED_GUID)?.origin).toBe('bundled');
    await session.close();
    session = undefined;
  });

  it('keeps the notices across a restart and re-polls with If-None-Match (304)', async () => {
    expect(firstState?.etag).toBeTruthy();
    await feedServer?.close();
    feedServer = undefined;
    // A recording server in its place: it answers 304 only to the validator it was given.
    const seen: IncomingHttpHeaders[] = [];
    recorder = createServer((req, res) => {
      seen.push(req.headers);
      if (req.headers['if-none-match'] === firstState?.etag) {
        res.writeHead(304, { etag: firstState?.etag ?? '' });
        res.end();
      } else {
        res.writeHead(500);
        res.end('expected a conditional request');
      }
    });
    const server = recorder;
    await listenOnFeedPort(server);

    session = await launchWithExtension(profile);
    const page = await openExtensionPage(session);
    await expect
      .poll(() => page.locator('[data-notice-id="e2e-upcoming"]').count(), { timeout: 10_000 })
      .toBe(1);
    await until(async () => (seen.length > 0 ? true : undefined), 'a poll after the restart');
    expect(seen[0]?.['if-none-match']).toBe(firstState?.etag);
    const state = await until(async () => {
      const feed = (await list(page)).feeds.find((f) => f.url === E2E_FEED_URL);
      return feed && (feed.lastSuccessAt ?? 0) > (firstState?.lastSuccessAt ?? 0) ? feed : undefined;
    }, 'the 304 recorded as a success');
    // 304: a success that changed nothing.
    expect(state.failures).toBe(0);
    expect(state.lastChangedAt).toBe(firstState?.lastChangedAt);
    const data = await list(page);
    expect(data.notices.find((n) => n.guid === 'e2e-upcoming')?.origin).toBe('feed');
  });
});
