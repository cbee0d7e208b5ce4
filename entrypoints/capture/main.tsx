// Review page entry (capture.html, issue 19): mounts the review form with the real transport, the
// drafts kept in session storage, and a way to close the tab; all logic is in components/capture/.
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ReviewApp } from '../../components/capture/review-app.tsx';
import { getDraft } from '../../utils/capture/storage.ts';

async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

const root = document.getElementById('app');
if (root) {
  render(
    <ReviewApp
      params={new URLSearchParams(location.search)}
      loadDraft={getDraft}
      close={() => void closeTab()}
    />,
    root,
  );
}
