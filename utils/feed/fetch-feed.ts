// Fetches a feed's text: conditional GET, 20 s timeout, 2 MiB body limit read as a stream,
// charset from Content-Type or the XML declaration (GBK/GB18030 included, feed-format.md
// "Encoding"). `fetch` is passed in so tests use a real local server and the worker uses its own.
import { LIMITS } from '../notice/schema.ts';
import { parseMaxAge, parseRetryAfter, type PollHints } from './poll-plan.ts';

export const FETCH_TIMEOUT_MS = 20_000;

export interface FetchFeedInput {
  url: string;
  etag?: string;
  lastModified?: string;
  fetch: typeof fetch;
  now: number;
  timeoutMs?: number;
  maxBytes?: number;
}

export type FetchFeedResult =
  | { status: 'not-modified'; hints: PollHints; redirect?: Redirect }
  | {
      status: 'ok';
      text: string;
      etag?: string;
      lastModified?: string;
      hints: PollHints;
      redirect?: Redirect;
    }
  | { status: 'error'; code: FetchErrorCode; message: string; httpStatus?: number; hints: PollHints };

/** Where the feed answered from, when it was not the URL asked for. */
export interface Redirect {
  url: string;
  /** Every hop was 301 or 308: the feed has moved, and later polls should ask there. */
  permanent: boolean;
}

/** Why a fetch failed, for the popup's words (the message keeps the details). */
export type FetchErrorCode = 'timeout' | 'network' | 'http' | 'too-large' | 'charset' | 'redirect';

/** Redirect hops followed before giving up (a loop ends here, not in the browser's limit of 20). */
export const MAX_REDIRECTS = 5;
const PERMANENT = new Set([301, 308]);

export class BodyTooLargeError extends Error {}
class CharsetError extends Error {}

/** Reads a body stream, refusing it as soon as it passes `maxBytes` (never buffers more). */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(`feed refused: body over the ${maxBytes}-byte limit (2 MiB)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The charset named by a Content-Type header, or by the XML declaration, or a BOM; else utf-8. */
export function detectCharset(contentType: string | null | undefined, bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  const fromHeader = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  // The declaration is ASCII by definition, so latin1 reads it whatever the real charset.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const fromDecl = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1];
  return fromDecl ? fromDecl.toLowerCase() : 'utf-8';
}

export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined): string {
  const charset = detectCharset(contentType, bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new CharsetError(`feed refused: unknown charset ${JSON.stringify(charset)}`);
  }
  return decoder.decode(bytes);
}

function hintsOf(headers: Headers, now: number): PollHints {
  const hints: PollHints = {};
  const maxAge = parseMaxAge(headers.get('cache-control'));
  if (maxAge !== undefined) hints.maxAgeSeconds = maxAge;
  const retryAfter = parseRetryAfter(headers.get('retry-after'), now);
  if (retryAfter !== undefined) hints.retryAfterMs = retryAfter;
  return hints;
}

function describeError(error: unknown, timeoutMs: number): { code: FetchErrorCode; message: string } {
  if (error instanceof BodyTooLargeError) return { code: 'too-large', message: error.message };
  if (error instanceof CharsetError) return { code: 'charset', message: error.message };
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'timeout', message: `no answer within ${timeoutMs / 1000} s` };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Node's fetch says only "fetch failed"; the cause names it (ECONNREFUSED, ENOTFOUND…).
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  const detail = typeof cause === 'string' ? ` (${cause})` : '';
  return { code: 'network', message: `network error: ${message}${detail}` };
}

export async function fetchFeed(input: FetchFeedInput): Promise<FetchFeedResult> {
  const timeoutMs = input.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = input.maxBytes ?? LIMITS.maxBodyBytes;
  const headers: Record<string, string> = {
    accept: 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
  };
  if (input.etag) headers['if-none-match'] = input.etag;
  if (input.lastModified) headers['if-modified-since'] = input.lastModified;
  // One signal covers the whole exchange, body included: a server trickling bytes times out too.
  const signal = AbortSignal.timeout(timeoutMs);
  const init: RequestInit = {
    headers,
    signal,
    // Our own validators do the revalidation; the HTTP cache must not answer for the server.
    cache: 'no-store',
    credentials: 'omit',
    // Redirects are followed here, hop by hop, so that a permanent move (301/308) can be told
    // from a temporary one and a loop is cut short with a clear reason.
    redirect: 'manual',
  };
  let response: Response;
  let url = input.url;
  let permanent = true;
  try {
    for (let hop = 0; ; hop++) {
      response = await input.fetch(url, init);
      if (response.type === 'opaqueredirect') {
        // A browser hides a manual redirect's status and Location from scripts; let it follow
        // the redirect itself. Whether it was permanent cannot be known, so it counts as temporary.
        try {
          response = await input.fetch(url, { ...init, redirect: 'follow' });
        } catch (error) {
          const name = error instanceof Error ? error.name : '';
          if (name === 'TimeoutError' || name === 'AbortError') throw error;
          // The browser gives one bare "Failed to fetch" for a loop (over 20 hops) too; we know
          // a redirect was involved, so say that rather than "cannot connect".
          const message = error instanceof Error ? error.message : String(error);
          return {
            status: 'error',
            code: 'redirect',
            message: `redirect from ${url} could not be followed (a loop?): ${message}`,
            hints: {},
          };
        }
        permanent = false;
        if (response.url) url = response.url;
        break;
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || response.status === 304 || !location) break;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) {
        return {
          status: 'error',
          code: 'redirect',
          message: `more than ${MAX_REDIRECTS} redirects (a redirect loop?), last to ${location}`,
          hints: {},
        };
      }
      permanent &&= PERMANENT.has(response.status);
      url = new URL(location, url).href;
    }
  } catch (error) {
    return { status: 'error', ...describeError(error, timeoutMs), hints: {} };
  }
  const redirect: Redirect | undefined = url !== input.url ? { url, permanent } : undefined;
  const hints = hintsOf(response.headers, input.now);
  if (response.status === 304) {
    await response.body?.cancel().catch(() => undefined);
    return { status: 'not-modified', hints, ...(redirect ? { redirect } : {}) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const text = response.statusText ? ` ${response.statusText}` : '';
    return {
      status: 'error',
      code: 'http',
      message: `HTTP ${response.status}${text}`,
      httpStatus: response.status,
      hints,
    };
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return {
      status: 'error',
      code: 'too-large',
      message: `feed refused: ${declared} bytes declared, over the ${maxBytes}-byte limit (2 MiB)`,
      hints,
    };
  }
  let text: string;
  try {
    const bytes = await readLimited(response.body, maxBytes);
    text = decodeBody(bytes, response.headers.get('content-type'));
  } catch (error) {
    return { status: 'error', ...describeError(error, timeoutMs), hints };
  }
  const result: FetchFeedResult = { status: 'ok', text, hints, ...(redirect ? { redirect } : {}) };
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) result.etag = etag;
  if (lastModified) result.lastModified = lastModified;
  return result;
}
