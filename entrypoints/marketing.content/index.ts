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
  async main(ctx) {
    await startPage(ctx, document);
  },
});
