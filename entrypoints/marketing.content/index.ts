// Content script on the 1688 marketing backend and the seller workbench (and the workbench's
// panels, which are iframes from other 1688 hosts): flags retiring products, shows the banner
// and holds orders of them. Wiring only; the logic is in utils/page and components/page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installOrderGuard } from './order-guard.ts';
import { startPage } from './page.ts';

export default defineContentScript({
  matches: [
    'https://p4p.1688.com/*',
    'https://work.1688.com/*',
    'https://air.1688.com/*',
    'https://widget.1688.com/*',
  ],
  allFrames: true,
  // srcdoc and about:blank frames of those pages too (issue 16 item 5): same-origin frames a
  // page writes itself, where a retiring product's order button can sit.
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // WXT would also post `wxt:content-script-started` to the page's window on every start (for
  // scripts built with an older WXT; this one is told by an event in its own world): the backend's
  // own message listeners would hear it, so the page would see us. (WXT's future default.)
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const names = await startPage(ctx, document);
    if (names?.t)
      installOrderGuard(ctx, document, {
        matcher: () => names.matcher(),
        products: () => names.products(),
        t: names.t,
      });
  },
});
