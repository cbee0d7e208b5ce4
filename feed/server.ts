// `feed serve`: a plain node:http server for /feed.xml, /calendar.ics and /healthz. Every
// response body is computed and compressed once per reload, so a request costs a lookup and a
// write; conditional requests (ETag / Last-Modified) are answered with 304 via `fresh`.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watch, type FSWatcher } from 'chokidar';
import fresh from 'fresh';
import Negotiator from 'negotiator';
import { DEFAULT_NOTICES_DIR, formatFileErrors, isNoticeFileName, loadNotices } from './notices.ts';
import type { FileError } from './notice-file.ts';
import { renderFiles, representAll, type Coding, type Representation } from './render.ts';

export interface FeedServerOptions {
  port?: number;
  host?: string;
  noticesDir?: string;
  demo?: boolean;
  /** Watch the notices directory and reload on change (default true). */
  watch?: boolean;
  /** Clock, for the demo shift and Last-Modified. */
  now?: () => number;
  log?: (line: string) => void;
  /** Told of every reload a file change caused (the reload happens whether or not it is given). */
  onReload?: (result: ReloadResult) => void;
}

export type ReloadResult =
  { ok: true; changed: boolean; notices: number } | { ok: false; errors: FileError[] };

export interface FeedServer {
  url: string;
  /** Reloads now (also what the watcher calls). */
  reload(): ReloadResult;
  close(): Promise<void>;
}

const PATHS = { '/feed.xml': 'feed.xml', '/calendar.ics': 'calendar.ics' } as const;
const CODINGS: Coding[] = ['br', 'gzip', 'identity'];
const CACHE_CONTROL = 'public, max-age=300';

// negotiator 1.x takes `preferred` to break ties (Chrome sends "gzip, deflate, br" with equal
// weight; br is smaller), but @types/negotiator still describes 0.6's one-argument form.
const negotiateEncoding = Negotiator.prototype.encoding as unknown as (
  this: Negotiator,
  available: string[],
  options: { preferred: string[] },
) => string | undefined;

interface State {
  reps: Record<'feed.xml' | 'calendar.ics', Representation>;
  lastModified: string;
  lastModifiedSec: number;
  notices: number;
  loadedAt: string;
  lastError?: string;
}

export async function startFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const dir = options.noticesDir ?? DEFAULT_NOTICES_DIR;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const first = loadNotices(dir);
  if (first.errors.length > 0) {
    throw new Error(`feed serve: notices in ${dir} have problems:\n${formatFileErrors(first.errors)}`);
  }
  const build = (notices: typeof first.notices) =>
    representAll(renderFiles(notices, { demo: options.demo ?? false, now: now() }));

  const startSec = Math.floor(now() / 1000);
  let state: State = {
    reps: build(first.notices),
    lastModifiedSec: startSec,
    lastModified: new Date(startSec * 1000).toUTCString(),
    notices: first.notices.length,
    loadedAt: new Date(now()).toISOString(),
  };

  function reload(): ReloadResult {
    const loaded = loadNotices(dir);
    if (loaded.errors.length > 0) {
      // A broken edit must not take the feed down: keep serving the last good one.
      state = { ...state, lastError: formatFileErrors(loaded.errors) };
      log(`feed serve: reload failed, still serving the last good feed:\n${formatFileErrors(loaded.errors)}`);
      return { ok: false, errors: loaded.errors };
    }
    const reps = build(loaded.notices);
    const changed = (Object.keys(reps) as (keyof State['reps'])[]).some(
      (key) => reps[key].variants.identity.etag !== state.reps[key].variants.identity.etag,
    );
    // Last-Modified has one-second resolution: make it move on every change, or a client that
    // fetched within the same second would be told 304 for new content.
    const sec = changed
      ? Math.max(Math.floor(now() / 1000), state.lastModifiedSec + 1)
      : state.lastModifiedSec;
    state = {
      reps: changed ? reps : state.reps,
      lastModifiedSec: sec,
      lastModified: new Date(sec * 1000).toUTCString(),
      notices: loaded.notices.length,
      loadedAt: new Date(now()).toISOString(),
    };
    log(`feed serve: reloaded ${loaded.notices.length} notices${changed ? '' : ' (no change)'}`);
    return { ok: true, changed, notices: loaded.notices.length };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = req.method ?? 'GET';
    const isFile = path in PATHS;
    if (!isFile && path !== '/healthz') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(method === 'HEAD' ? undefined : 'Not found. Try /feed.xml, /calendar.ics or /healthz.\n');
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${method} is not allowed here; use GET or HEAD.\n`);
      return;
    }
    if (!isFile) {
      const body = JSON.stringify({
        ok: true,
        notices: state.notices,
        loadedAt: state.loadedAt,
        lastReloadError: state.lastError ?? null,
      });
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Cache-Control': 'no-store',
      });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    const file = PATHS[path as keyof typeof PATHS];
    const response = responseFor(file, req.headers['accept-encoding'] ?? '');
    const inm = req.headers['if-none-match'];
    // The common revalidation (the exact ETag we sent) is answered without parsing anything.
    // Otherwise only the validators go to `fresh`: it treats a request's `Cache-Control: no-cache`
    // as "never 304", but that directive is for caches, and fetch() adds it to every conditional
    // request made with cache: 'no-store' (the extension's poll): each 304 would become a 200.
    if (
      inm === response.etag ||
      ((inm !== undefined || req.headers['if-modified-since'] !== undefined) &&
        fresh(
          { 'if-none-match': inm, 'if-modified-since': req.headers['if-modified-since'] },
          { etag: response.etag, 'last-modified': state.lastModified },
        ))
    ) {
      res.writeHead(304, response.notModified);
      res.end();
      return;
    }
    res.writeHead(200, response.ok);
    res.end(method === 'HEAD' ? undefined : response.body);
  }

  interface Prepared {
    etag: string;
    body: Buffer;
    ok: Record<string, string | number>;
    notModified: Record<string, string | number>;
  }
  // Responses by file and Accept-Encoding value, so a request costs a Map lookup rather than a
  // negotiation and a headers object; emptied whenever `state` changes. Clients send only a few
  // distinct Accept-Encoding values; the cap keeps odd ones from growing it without bound.
  let prepared = new Map<string, Prepared>();
  let preparedFor: State | undefined;
  function responseFor(file: keyof State['reps'], acceptEncoding: string): Prepared {
    if (preparedFor !== state) {
      prepared = new Map();
      preparedFor = state;
    }
    const key = `${file}\n${acceptEncoding}`;
    const cached = prepared.get(key);
    if (cached) return cached;
    const rep = state.reps[file];
    const available = CODINGS.filter((c) => rep.variants[c] !== undefined);
    const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
    const coding = (negotiateEncoding.call(negotiator, available, { preferred: CODINGS }) ??
      'identity') as Coding;
    const variant = rep.variants[coding] ?? rep.variants.identity;
    // RFC 9110 §15.4.5: a 304 carries the validators and caching fields of the 200, and no other
    // representation metadata (the client keeps its stored Content-Type and Last-Modified).
    const notModified = { ETag: variant.etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
    const ok: Record<string, string | number> = {
      'Content-Type': rep.type,
      ...notModified,
      'Last-Modified': state.lastModified,
      'Content-Length': variant.body.length,
    };
    if (coding !== 'identity') ok['Content-Encoding'] = coding;
    const entry = { etag: variant.etag, body: variant.body, ok, notModified };
    if (prepared.size >= 64) prepared.clear();
    prepared.set(key, entry);
    return entry;
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;

  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (options.watch ?? true) {
    watcher = watch(dir, {
      ignoreInitial: true,
      depth: 0,
      ignored: (file, stats) =>
        stats?.isFile() === true && !isNoticeFileName(file.split(/[\\/]/).pop() ?? ''),
    });
    watcher.on('all', () => {
      // An editor's save is several events; reload once they settle. The reload is the watcher's
      // own: `onReload` only hears of it (issue 17 item 4: it used to run only inside the callback,
      // which neither `npm start` nor `feed serve` passed).
      clearTimeout(timer);
      timer = setTimeout(() => {
        const result = reload();
        options.onReload?.(result);
      }, 50);
    });
    watcher.on('error', (error) => log(`feed serve: watcher error: ${String(error)}`));
    const ready = watcher;
    await new Promise<void>((resolve) => ready.once('ready', () => resolve()));
  }

  return {
    url,
    reload,
    async close() {
      clearTimeout(timer);
      await watcher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
