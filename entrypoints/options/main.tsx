// Options entry: mounts the app with the real transport and permission prompt.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { OptionsApp } from '../../components/options/options-app.tsx';
import { privacyLink } from '../../components/options/privacy-section.tsx';
import { DEFAULT_FEED_URL } from '../../utils/feed/default-feed.ts';

/** Host permission for a feed's host (any port), from optional_host_permissions. */
function requestAccess(url: string): Promise<boolean> {
  const { protocol, hostname } = new URL(url);
  return browser.permissions.request({ origins: [`${protocol}//${hostname}/*`] });
}

/** Host permissions for further 1688 pages (the page script is registered there by the background). */
const requestOrigins = (origins: string[]): Promise<boolean> => browser.permissions.request({ origins });

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsApp
      defaultFeed={DEFAULT_FEED_URL}
      requestAccess={requestAccess}
      requestOrigins={requestOrigins}
      // The published privacy statement, when the build is given one (issue 21; docs/store/README.md).
      privacyUrl={privacyLink(import.meta.env.WXT_PRIVACY_URL)}
    />,
    root,
  );
}
