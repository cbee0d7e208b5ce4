// `feed serve` over real HTTP on port 0: caching headers, 304s, compression, HEAD, errors,
// reload on change, and a broken change that keeps the last good feed.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NOTICES_DIR } from '../../../feed/notices.ts';
import { startFeedServer, type FeedServer, type ReloadResult } from '../../../feed/server.ts';
import { parseFeed } from '../../../utils/feed/parse.ts';
import { get } from './http-get.ts';

let dir: string;
let server: FeedServer;
const reloads: ReloadResult[] = [];
let waiters: ((r: ReloadResult) => void)[] = [];
const nextReload = () => new Promise<ReloadResult>((resolve) => waiters.push(resolve));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sunset-feed-'));
  for (const name of readdirSync(DEFAULT_NOTICES_DIR)) {
    copyFileSync(path.join(DEFAULT_NOTICES_DIR, name), path.join(dir, name));
  }
  server = await startFeedServer({
    port: 0,
    noticesDir: dir,
    log: () => {},
    onReload: (result) => {
      reloads.push(result);
      const current = waiters;
      waiters = [];
      for (const w of current) w(result);
    },
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('feed serve', () => {
  it('serves the feed with validators and cache headers', async () => {
    const res = await get(`${server.url}/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    expect(Date.parse(String(res.headers['last-modified']))).not.toBeNaN();
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    const feed = await parseFeed(res.body.toString('utf8'));
    expect(feed.notices).toHaveLength(7);
  });

  it('answers 304 to If-None-Match and to If-Modified-Since', async () => {
    const first = await get(`${server.url}/feed.xml`);
    const byEtag = await get(`${server.url}/feed.xml`, { 'If-None-Match': String(first.headers.etag) });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body.length).toBe(0);
    expect(byEtag.headers.etag).toBe(first.headers.etag);
    const byDate = await get(`${server.url}/feed.xml`, {
      'If-Modified-Since': String(first.headers['last-modified']),
    });
    expect(byDate.status).toBe(304);
    const stale = await get(`${server.url}/feed.xml`, { 'If-None-Match': '"something-else"' });
    expect(stale.status).toBe(200);
    const older = await get(`${server.url}/feed.xml`, {
      'If-Modified-Since': new Date(
        Date.parse(String(first.headers['last-modified'])) - 60_000,
      ).toUTCString(),
    });
    expect(older.status).toBe(200);
  });

  it('answers 304 when a conditional request also says Cache-Control: no-cache', async () => {
    // fetch() with cache: 'no-store' (the extension's poll) adds these headers to every request.
    const first = await get(`${server.url}/feed.xml`);
    const polled = await get(`${server.url}/feed.xml`, {
      'If-None-Match': String(first.headers.etag),
      'Cache-Control': 'no-cache',
      Pragma: 'no-cache',
    });
    expect(polled.status).toBe(304);
    const changed = await get(`${server.url}/feed.xml`, {
      'If-None-Match': '"something-else"',
      'Cache-Control': 'no-cache',
    });
    expect(changed.status).toBe(200);
  });

  it('sends gzip and br when asked, and they decompress to the same bytes', async () => {
    const plain = await get(`${server.url}/feed.xml`, { 'Accept-Encoding': 'identity' });
    const gz = await get(`${server.url}/feed.xml`, { 'Accept-Encoding': 'gzip' });
    const br = await get(`${server.url}/feed.xml`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length);
    expect(br.body.length).toBeLessThan(gz.body.length);
    // Each coding is its own representation with its own validator.
    expect(new Set([plain.headers.etag, gz.headers.etag, br.headers.etag]).size).toBe(3);
    const again = await get(`${server.url}/feed.xml`, {
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(gz.headers.etag),
    });
    expect(again.status).toBe(304);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const got = await get(`${server.url}/calendar.ics`, { 'Accept-Encoding': 'gzip' });
    const head = await get(`${server.url}/calendar.ics`, { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of [
      'content-type',
      'content-length',
      'etag',
      'last-modified',
      'content-encoding',
      'vary',
    ]) {
      expect(head.headers[name], name).toBe(got.headers[name]);
    }
    expect(got.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(gunzipSync(got.body).toString('utf8')).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('answers 404, 405 and /healthz', async () => {
    expect((await get(`${server.url}/nope`)).status).toBe(404);
    const post = await get(`${server.url}/feed.xml`, {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const health = await get(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ ok: true, notices: 7 });
  });

  it('reloads when a notice file changes', async () => {
    const before = await get(`${server.url}/feed.xml`);
    const file = path.join(dir, '1688-dm-2023-08-package.md');
    const reloaded = nextReload();
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('title: 1688下线、调整数字营销套餐', 'title: 套餐公告（已更新）'),
    );
    expect(await reloaded).toEqual({ ok: true, changed: true, notices: 7 });
    const after = await get(`${server.url}/feed.xml`);
    expect(after.body.toString('utf8')).toContain('套餐公告（已更新）');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(Date.parse(String(after.headers['last-modified']))).toBeGreaterThan(
      Date.parse(String(before.headers['last-modified'])),
    );
    // The old validator no longer matches.
    expect(
      (await get(`${server.url}/feed.xml`, { 'If-None-Match': String(before.headers.etag) })).status,
    ).toBe(200);
  });

  it('keeps the last good feed when a change is broken, and names the file and field', async () => {
    const before = await get(`${server.url}/feed.xml`);
    const reloaded = nextReload();
    writeFileSync(
      path.join(dir, 'zz-broken.md'),
      '---\nguid: broken\ntitle: 坏文件\nlink: https://rule.1688.com/\npubDate: 2023-02-30T00:00:00+08:00\n---\n',
    );
    const result = await reloaded;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        expect.objectContaining({ file: expect.stringContaining('zz-broken.md'), field: 'pubDate' }),
      ]);
    }
    const after = await get(`${server.url}/feed.xml`);
    expect(after.status).toBe(200);
    expect(after.body.equals(before.body)).toBe(true);
    expect(after.headers.etag).toBe(before.headers.etag);
    const health = JSON.parse((await get(`${server.url}/healthz`)).body.toString('utf8')) as {
      lastReloadError: string;
    };
    expect(health.lastReloadError).toContain('zz-broken.md: pubDate');
  });
});
