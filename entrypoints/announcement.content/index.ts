// Content script on 1688's announcement pages (rule.1688.com, issue 19 item 3): when the
// article describes a retirement, offer to add it to Sunset Watch. Wiring only: the article is
// read by utils/capture/article.ts, judged by utils/capture (extract.ts, draft.ts) and offered by
// components/capture/offer.ts.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCapture } from './session.ts';

export default defineContentScript({
  matches: ['https://rule.1688.com/*'],
  // The article is there (or, on a single-page site, on its way): nothing to do before.
  runAt: 'document_idle',
  // WXT would post `wxt:content-script-started` to the page's own window (see marketing.content).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    try {
      await startCapture(ctx, document, window);
    } catch (error) {
      console.warn('[Sunset Watch] capture stopped:', error);
    }
  },
});
