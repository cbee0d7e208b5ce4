// The ONE typed message protocol between popup, options, content scripts and the background
// (design.md; modelled on Dark Reader's src/utils/message.ts). Every request has a valibot
// schema; the background validates each message and its sender before acting on it.
//
// To add a request: add its schema to REQUEST_SCHEMAS, its response to ResponseMap, and (if a
// content script may not send it) its type to EXTENSION_PAGE_ONLY. Then handle it in the
// background (entrypoints/background/messages.ts).
// The polyfill, as in every part (issue 17 item 7: one `browser`, the design card's); in unit tests
// WXT's fake browser stands in for it (vitest.config.ts).
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { CaptureSourceSchema } from '../capture/source.ts';
import type { Product } from '../notice/schema.ts';
import type { Words } from '../i18n/catalog.ts';
import type { FeedState, SeenProduct, StoredNotice } from '../store/db.ts';
import { SettingsSchema, type Settings } from '../store/settings.ts';

const Guid = v.pipe(v.string(), v.minLength(1), v.maxLength(4000));
const PlaceCount = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000));

/** A notice as sent: an object with a guid; the handler validates the rest with NoticeSchema. */
const UncheckedNotice = v.looseObject({ guid: Guid });

export const REQUEST_SCHEMAS = [
  v.object({ type: v.literal('notices/list') }),
  v.object({ type: v.literal('notices/markRead'), guids: v.pipe(v.array(Guid), v.maxLength(1000)) }),
  v.object({ type: v.literal('notices/markAllRead') }),
  v.object({ type: v.literal('feeds/refresh') }),
  v.object({ type: v.literal('feeds/test'), url: v.pipe(v.string(), v.maxLength(2048)) }),
  v.object({ type: v.literal('settings/get') }),
  v.object({ type: v.literal('settings/set'), settings: SettingsSchema }),
  // `language`: the page's navigator.language, which the setting `auto` follows (the worker's may
  // differ: a browser's UI language is not what a page is told).
  v.object({ type: v.literal('watched/list'), language: v.optional(v.pipe(v.string(), v.maxLength(100))) }),
  v.object({ type: v.literal('notice/mute'), guid: Guid }),
  v.object({ type: v.literal('banner/dismiss'), guid: Guid, hash: v.pipe(v.string(), v.maxLength(200)) }),
  // A frame's content script: names too general for its page, not flagged there (issue 16 item 4).
  v.object({
    type: v.literal('page/suspended'),
    names: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(100)),
  }),
  // Capture (issue 19): the offer on an announcement page opens the review page with its source;
  // `check` asks whether a stored notice already says the same (then nothing is offered).
  // The notice in check and save is checked whole by its handler (validateNotice) before any
  // use: NoticeSchema here would put the notice schema into every content script (+1.0 kB gzip
  // in the backend one, whose budget is 20 kB).
  v.object({ type: v.literal('capture/open'), source: CaptureSourceSchema }),
  v.object({ type: v.literal('capture/check'), notice: UncheckedNotice }),
  v.object({ type: v.literal('capture/save'), notice: UncheckedNotice }),
  v.object({ type: v.literal('capture/delete'), guid: Guid }),
  // A frame's content script, once per page load and once per route (issue 20): the watched
  // products flagged on its page, each with how many places name it and how many are plan rows.
  v.object({
    type: v.literal('page/seen'),
    products: v.pipe(
      v.array(
        v.object({
          name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
          places: v.pipe(PlaceCount, v.minValue(1)),
          plans: PlaceCount,
        }),
      ),
      v.minLength(1),
      v.maxLength(100),
    ),
  }),
  // 清除使用记录 (options page).
  v.object({ type: v.literal('seen/clear') }),
] as const;

export const RequestSchema = v.variant('type', REQUEST_SCHEMAS);
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** One feed's poll state as the popup and options page show it. */
export interface FeedStatus extends FeedState {
  /** The feed baked in at build time (WXT_FEED_URL); it cannot be removed. */
  isDefault: boolean;
}

/** One product of a non-cancelled sunset notice, for the content script's page scan. */
export interface WatchedProduct {
  guid: string;
  hash: string;
  noticeTitle: string;
  link?: string;
  kind: string;
  grandfather?: string;
  product: Product;
  muted: boolean;
  bannerDismissedHash?: string;
}

export interface FeedTestResult {
  ok: boolean;
  count?: number;
  skipped?: number;
  title?: string;
  error?: string;
}

export interface ResponseMap {
  /** `seen`: the products seen on the merchant's own pages (issue 20), most recent first. */
  'notices/list': {
    notices: StoredNotice[];
    feeds: FeedStatus[];
    now: number;
    settings: Settings;
    seen: SeenProduct[];
  };
  'notices/markRead': { updated: number };
  'notices/markAllRead': { updated: number };
  'feeds/refresh': { feeds: FeedStatus[] };
  'feeds/test': FeedTestResult;
  'settings/get': Settings;
  'settings/set': Settings;
  /** `words`: the page UI's words in the merchant's language (components/page/words.ts). */
  'watched/list': { products: WatchedProduct[]; settings: Settings; words: Words };
  'notice/mute': { ok: true };
  'banner/dismiss': { ok: true };
  'page/suspended': { ok: true };
  'page/seen': { ok: true };
  'seen/clear': { ok: true };
  'capture/open': { ok: true };
  /** The stored notice that already names every product on the same day, if any. */
  'capture/check': { covered: { guid: string; origin: string } | null };
  'capture/save': CaptureSaved;
  'capture/delete': { deleted: boolean };
}

/** A saved capture: stored as `guid` unless every product was folded into a notice of a feed. */
export interface CaptureSaved {
  guid: string;
  stored: boolean;
  /** Products that a feed's (or the build's) notice confirms: that notice is shown instead. */
  folded: { product: string; into: string; title: string }[];
}
export type ResponseOf<T extends RequestType> = T extends keyof ResponseMap ? ResponseMap[T] : never;

/** Requests only extension pages (popup, options) may send; content scripts are refused. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<RequestType> = new Set<RequestType>([
  'notices/markRead',
  'notices/markAllRead',
  'feeds/refresh',
  'feeds/test',
  'settings/set',
  'capture/save',
  'capture/delete',
  'seen/clear',
]);

/** What travels back: errors are data, so a failing handler never looks like a lost message. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The parts of `runtime.MessageSender` the checks need (kept small so tests can build one). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export interface RuntimeIdentity {
  id: string;
  /** runtime.getURL(''), e.g. `chrome-extension://<id>/`. */
  baseUrl: string;
}

/**
 * Validates a message and its sender. Refuses anything not sent by this extension (web pages
 * and other extensions), anything malformed, and extension-page-only requests from content
 * scripts (whose sender.url is the web page's).
 */
export function checkRequest(
  message: unknown,
  sender: SenderInfo,
  self: RuntimeIdentity,
): { ok: true; request: Request; fromExtensionPage: boolean } | { ok: false; error: string } {
  if (!sender || sender.id !== self.id) return { ok: false, error: 'refused: not from this extension' };
  const parsed = v.safeParse(RequestSchema, message);
  if (!parsed.success) {
    const type =
      typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    return {
      ok: false,
      error: `invalid request ${JSON.stringify(type ?? null)}: ${parsed.issues[0].message}`,
    };
  }
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(self.baseUrl);
  if (EXTENSION_PAGE_ONLY.has(parsed.output.type) && !fromExtensionPage) {
    return { ok: false, error: `refused: ${parsed.output.type} is for extension pages only` };
  }
  return { ok: true, request: parsed.output, fromExtensionPage };
}

/** `checkRequest` against the running extension (background side). */
export function handle(message: unknown, sender: SenderInfo): ReturnType<typeof checkRequest> {
  return checkRequest(message, sender, { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') });
}

/** A function that delivers a request and resolves with its reply (injected in UI tests). */
export type Transport = (request: Request) => Promise<unknown>;

export const runtimeTransport: Transport = (request) => browser.runtime.sendMessage(request);

/** Sends a typed request; resolves with the typed response or throws the handler's error. */
export async function sendMessage<R extends Request>(
  request: R,
  transport: Transport = runtimeTransport,
): Promise<ResponseOf<R['type']>> {
  const reply = (await transport(request)) as Reply<ResponseOf<R['type']>> | undefined;
  if (!reply || typeof reply !== 'object') throw new Error(`no reply to ${request.type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
