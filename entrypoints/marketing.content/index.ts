// Content script on the 1688 marketing backend and the seller workbench (and the workbench's
// panels, which are iframes from other 1688 hosts, and same-origin srcdoc/about:blank frames):
// flags retiring products, shows the banner and holds orders of them. Wiring only; the logic is
// in utils/page and components/page.
//
// The order guard comes first and alone (issue 16): it listens on `window` from document_start,
// before any page script, and nothing the page session does (scan, badges, banner, a page that
// defined our element names) can throw before it or take it down. The session hands it the
// names active on the page once it knows them.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installOrderGuard } from './order-guard.ts';
import { ActiveNames, startPage } from './page.ts';

export default defineContentScript({
  matches: [
    'https://p4p.1688.com/*',
    'https://work.1688.com/*',
    'https://air.1688.com/*',
    'https://widget.1688.com/*',
  ],
  allFrames: true,
  // A same-origin srcdoc or about:blank frame of these pages gets the script too (issue 16).
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_start',
  // WXT would also post `wxt:content-script-started` to the page's window on every start (for
  // scripts built with an older WXT; this one is told by an event in its own world): the backend's
  // own message listeners would hear it, so the page would see us. (WXT's future default.)
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const guard = installOrderGuard(ctx, window);
    // WXT notices an update or reload only when the old script next uses ctx (a timer, a frame):
    // on a page that stays still our flags, banner and guard would stay. One look a second at
    // whether the extension is still there (what the wrapped timer checks before each tick).
    ctx.setInterval(() => undefined, 1000);
    // The scan reads the whole page: it starts where document_idle would have.
    // untrusted-ok: only a moment to wait for.
    if (document.readyState === 'loading')
      await new Promise((resolve) =>
        ctx.addEventListener(document, 'DOMContentLoaded', resolve, { once: true }),
      );
    try {
      // The names the guard holds orders of: filled in by the session before its first scan.
      const names = new ActiveNames();
      guard.watch(names);
      await startPage(ctx, document, names);
    } catch (error) {
      console.warn('[Sunset Watch] page warnings stopped:', error);
    }
  },
});
