// The capture script's lifetime on one page: wait for the article, read it, offer it when it is a
// retirement not yet watched, and start again when a single-page site moves to another address.
// Every listener, observer and timer is tied to WXT's ctx (design.md).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import enCapture from '../../locales/en/capture.json';
import enCommon from '../../locales/en/common.json';
import zhCapture from '../../locales/zh_CN/capture.json';
import zhCommon from '../../locales/zh_CN/common.json';
import { renderOffer } from '../../components/capture/offer.ts';
import { readArticle, type Article } from '../../utils/capture/article.ts';
import { newLocalGuid } from '../../utils/capture/draft.ts';
import type { CaptureSource } from '../../utils/capture/source.ts';
import { capture } from '../../utils/capture/extract.ts';
import { dismiss, isDismissed, pageKey } from '../../utils/capture/storage.ts';
import { mergeParts, translatorFor } from '../../utils/i18n/catalog.ts';
import { sendMessage, type Request, type ResponseOf } from '../../utils/messages/protocol.ts';

const catalogs = {
  zh_CN: mergeParts([zhCommon, zhCapture]),
  en: mergeParts([enCommon, enCapture]),
};

/** How long a page may take to show its article (a single-page site loads it after the shell). */
export const ARTICLE_WAIT_MS = 10_000;
/** The page counts as settled when it has not changed for this long. */
const QUIET_MS = 400;

/** The article, once the page holds one: now, or after the page settles, within ARTICLE_WAIT_MS. */
function waitForArticle(ctx: ContentScriptContext, doc: Document): Promise<Article | null> {
  const now = readArticle(doc, Date.now());
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    let quiet = 0;
    const finish = (article: Article | null) => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(limit);
      resolve(article);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = ctx.setTimeout(() => {
        const article = readArticle(doc, Date.now());
        if (article) finish(article);
      }, QUIET_MS);
    });
    const limit = ctx.setTimeout(() => finish(null), ARTICLE_WAIT_MS);
    ctx.onInvalidated(() => finish(null));
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

/** A message to the worker, asked twice: the worker may be starting up when the first one goes. */
async function ask<R extends Request>(ctx: ContentScriptContext, request: R): Promise<ResponseOf<R['type']>> {
  try {
    return await sendMessage(request);
  } catch {
    await new Promise((resolve) => ctx.setTimeout(() => resolve(undefined), 500));
    return sendMessage(request);
  }
}

/**
 * Puts `offer` just above the article. When the merchant has scrolled already, the article is
 * kept where it is on screen (the page scrolls by the offer's height): the block appears above
 * what they are reading instead of pushing it down. Browsers' scroll anchoring may have done
 * that already; what is measured is what is corrected, so it is never done twice.
 */
function insertAbove(article: Element, offer: Element, win: Window): void {
  const body = article.ownerDocument.body;
  const anchor = article === body ? body.firstElementChild : article;
  const scrolled = win.scrollY > 0;
  const before = anchor?.getBoundingClientRect().top ?? 0;
  if (article === body) body.prepend(offer);
  else article.before(offer);
  if (!scrolled || !anchor) return;
  const shift = anchor.getBoundingClientRect().top - before;
  if (shift !== 0) win.scrollBy(0, shift);
}

export async function startCapture(ctx: ContentScriptContext, doc: Document, win: Window): Promise<void> {
  let offer: HTMLElement | null = null;
  let run = 0;
  const start = async () => {
    const mine = ++run;
    offer?.remove();
    offer = null;
    const href = win.location.href;
    if (await isDismissed(href)) return;
    const article = await waitForArticle(ctx, doc);
    if (!article || ctx.isInvalid || mine !== run) return;
    const link = pageKey(href);
    const source: CaptureSource = {
      text: article.text,
      title: article.title,
      published: article.published,
      ...(link.startsWith('https:') ? { link } : {}),
    };
    const read = capture(source, { guid: newLocalGuid(), now: Date.now() });
    // Nothing is offered on a page that is not an announcement of a retirement (issue 19 item 3).
    if (!read.ok || !read.retirement) return;
    const [check, settings] = await Promise.all([
      ask(ctx, { type: 'capture/check', notice: read.notice }),
      ask(ctx, { type: 'settings/get' }),
    ]);
    // Already watched (a feed's notice, or this page captured before): nothing to add.
    if (check.covered || ctx.isInvalid || mine !== run) return;
    const { t } = translatorFor(catalogs, settings.language, navigator.language);
    const shown = renderOffer(doc, read.notice, Date.now(), t, {
      onAdd: () => {
        ask(ctx, { type: 'capture/open', source }).catch((error: unknown) =>
          console.warn('[Sunset Watch] could not open the review page:', error),
        );
      },
      onDismiss: () => {
        shown.remove();
        void dismiss(href);
      },
    });
    offer = shown;
    insertAbove(article.element, shown, win);
  };
  // A single-page site moves between articles without loading a page (WXT watches the address).
  // untrusted-ok: WXT's own event; reading the page again changes nothing the page could not.
  ctx.addEventListener(win, 'wxt:locationchange', () => void start());
  ctx.onInvalidated(() => offer?.remove());
  await start();
}
