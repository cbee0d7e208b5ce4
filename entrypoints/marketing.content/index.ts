// Content script on the 1688 marketing backend and the seller workbench (and the workbench's
// panels, which are iframes from other 1688 hosts): flags retiring products, shows the banner
// and holds orders of them. Wiring only; the logic is in utils/page and components/page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPage } from './page.ts';

export default defineContentScript({
  matches: [
    'https://p4p.1688.com/*',
    'https://work.1688.com/*',
    'https://air.1688.com/*',
    'https://widget.1688.com/*',
  ],
  allFrames: true,
  runAt: 'document_idle',
  // WXT would also post `wxt:content-script-started` to the page's window on every start (for
  // scripts built with an older WXT; this one is told by an event in its own world): the backend's
  // own message listeners would hear it, so the page would see us. (WXT's future default.)
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await startPage(ctx, document);
  },
});
