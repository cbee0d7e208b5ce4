import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody, detectCharset, fetchFeed } from '../../../utils/feed/fetch-feed.ts';
import { parseFeed } from '../../../utils/feed/parse.ts';
import { etagResponder, startTestServer, type TestServer } from './test-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
const basic = fixture('basic.xml');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = (extra: Partial<Parameters<typeof fetchFeed>[0]> = {}) =>
  fetchFeed({ url: server.url, fetch, now: Date.now(), ...extra });

describe('conditional GET', () => {
  it('sends the stored validators and turns a 304 into not-modified', async () => {
    server.respond(etagResponder(basic, '"v1"', { 'cache-control': 'max-age=600' }));
    const first = await get();
    expect(first.status).toBe('ok');
    if (first.status !== 'ok') return;
    expect(first.etag).toBe('"v1"');
    expect(first.hints.maxAgeSeconds).toBe(600);

    server.requests.length = 0;
    const second = await get({ etag: '"v1"', lastModified: 'Fri, 10 Feb 2023 09:48:00 GMT' });
    expect(second.status).toBe('not-modified');
    expect(server.requests[0]?.['if-none-match']).toBe('"v1"');
    expect(server.requests[0]?.['if-modified-since']).toBe('Fri, 10 Feb 2023 09:48:00 GMT');
  });

  it('sends no validators on a first poll', async () => {
    server.respond(etagResponder(basic, '"v1"'));
    server.requests.length = 0;
    await get();
    expect(server.requests[0]?.['if-none-match']).toBeUndefined();
  });
});

describe('errors', () => {
  it('reports an HTTP error with its Retry-After hint', async () => {
    server.respond((_req, res) => {
      res.writeHead(503, { 'retry-after': '120' });
      res.end('busy');
    });
    const result = await get();
    expect(result).toMatchObject({
      status: 'error',
      code: 'http',
      httpStatus: 503,
      hints: { retryAfterMs: 120_000 },
    });
  });

  it('refuses a streamed body past the limit without a Content-Length', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      // Chunked: the size is only known by reading.
      for (let i = 0; i < 5; i++) res.write(Buffer.alloc(1024, 0x20));
      res.end();
    });
    const result = await get({ maxBytes: 3000 });
    expect(result).toMatchObject({ status: 'error', code: 'too-large' });
  });

  it('refuses a declared Content-Length past the limit', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-length': String(5000) });
      res.end(Buffer.alloc(5000, 0x20));
    });
    const result = await get({ maxBytes: 3000 });
    expect(result).toMatchObject({ status: 'error', code: 'too-large' });
  });

  it('accepts a body exactly at the limit', async () => {
    server.respond((_req, res) => res.end(Buffer.alloc(3000, 0x20)));
    expect((await get({ maxBytes: 3000 })).status).toBe('ok');
  });

  it('gives up on a server that never answers (timeout via AbortSignal)', async () => {
    server.respond(() => {
      /* never answers */
    });
    const result = await get({ timeoutMs: 200 });
    expect(result).toMatchObject({ status: 'error', code: 'timeout' });
  });

  it('reports a refused connection as a network error', async () => {
    const result = await fetchFeed({ url: 'http://127.0.0.1:1/feed.xml', fetch, now: 0 });
    expect(result).toMatchObject({ status: 'error', code: 'network' });
  });
});

describe('charsets', () => {
  it('decodes GB18030 named in the XML declaration', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(fixture('basic-gb18030.xml'));
    });
    const result = await get();
    if (result.status !== 'ok') throw new Error(result.status);
    const feed = await parseFeed(result.text);
    expect(feed.notices.map((n) => n.title)).toContain('测试方案将下线');
  });

  it('decodes GBK named only in the Content-Type header', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=GBK' });
      res.end(fixture('basic-gbk-nodecl.xml'));
    });
    const result = await get();
    if (result.status !== 'ok') throw new Error(result.status);
    expect(result.text).toContain('已订购的方案不受影响。');
  });

  it.each([
    ['text/xml; charset="gb2312"', '<?xml version="1.0"?>', 'gb2312'],
    ['application/xml', '<?xml version="1.0" encoding="GBK"?>', 'gbk'],
    [null, '<?xml version="1.0"?>', 'utf-8'],
    ['text/xml; charset=iso-8859-1', '\uFEFF<?xml version="1.0"?>', 'utf-8'],
  ])('Content-Type %s + %s → %s', (header, head, want) => {
    expect(detectCharset(header, new TextEncoder().encode(head))).toBe(want);
  });

  it('refuses an unknown charset with a clear message', () => {
    expect(() => decodeBody(new Uint8Array([0x3c]), 'text/xml; charset=klingon')).toThrow(
      /unknown charset "klingon"/,
    );
  });
});
