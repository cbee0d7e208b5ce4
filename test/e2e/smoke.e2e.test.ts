import { afterAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchWithExtension,
  removeProfile,
  type ExtensionSession,
} from './support/chromium.ts';
import { E2E_FEED_URL } from './support/paths.ts';

describe.skipIf(!hasChromium())('built extension in Chromium', () => {
  let session: ExtensionSession | undefined;
  afterAll(async () => {
    await session?.close();
    if (session) removeProfile(session.userDataDir);
  });

  it('loads with localized names and the test feed origin granted', async () => {
    session = await launchWithExtension();
    const manifest = await session.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    // A match pattern names no port (issue 17 item 5): the feed's host, any port.
    expect(manifest.host_permissions).toContain(`http://${new URL(E2E_FEED_URL).hostname}/*`);
    expect(manifest.default_locale).toBe('zh_CN');
    // Debian's Chromium has only the en-US UI pack, so the English name is what it resolves.
    const name = await session.worker.evaluate(() => chrome.i18n.getMessage('extName'));
    expect(name).toBe('Sunset Watch');
  });
});
