// Issue 7 item 1: the corpus of bad feeds (test/fixtures/feeds/bad/). Each one is served by a real
// local HTTP server to the real poll pipeline (pollFeed: fetch → decode → parse → validate →
// one-transaction store) over a database that already holds notices. For every case: nothing
// throws, the earlier notices are deep-equal before and after, a reason is recorded in the
// feed's state, and the popup's feed status (the real component) shows it.
import 'fake-indexeddb/auto';
import type { ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { pollFeed, type PollDeps } from '../../../utils/feed/poll.ts';
import { LIMITS } from '../../../utils/notice/schema.ts';
import { getFeedState, getNotice, listNotices } from '../../../utils/store/notices.ts';
import { type Responder, type TestServer } from '../poll/test-server.ts';
import {
  NOW,
  fixture,
  reasonOf,
  record,
  renderStatus,
  seed,
  short,
  sortByGuid,
  usePollHarness,
} from './support.tsx';

/** Where the reason must show up in the feed's state. */
type Where = 'error' | 'skipped' | 'warnings' | 'none';

interface Case {
  name: string;
  expected: string;
  respond: Responder;
  outcome: 'stored' | 'error';
  code?: string;
  where: Where;
  /** Matched against the recorded reason (reasonOf). */
  reason: RegExp;
  /** Guids this feed must add (beside the earlier notices, which stay as they were). */
  adds?: string[];
  /** Checks on what was stored (text fields as plain text, links dropped…). */
  check?: (deps: PollDeps, url: string) => Promise<void>;
  /** What the popup's status line must say (Chinese). */
  popup: RegExp;
}

const serve =
  (body: Buffer | string, contentType = 'application/rss+xml; charset=utf-8'): Responder =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType });
    res.end(body);
  };

function bulkFeed(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.UTC(2023, 0, 1) + i * 60_000).toUTCString().replace('GMT', '+0000');
    const id = String(i).padStart(4, '0');
    items.push(
      `<item><title>批量公告 ${id}</title><link>https://example.com/bulk/${id}</link>` +
        `<guid isPermaLink="false">bulk-${id}</guid><pubDate>${at}</pubDate></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bulk</title>${items.join('\n')}</channel></rss>`;
}

/** Streams `total` bytes of a never-ending item list in chunks, stopping when the client hangs up. */
let streamedBytes = 0;
function drip(total: number, withLength: boolean): Responder {
  return (_req, res: ServerResponse) => {
    streamedBytes = 0;
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      ...(withLength ? { 'content-length': String(total) } : {}),
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const head = Buffer.from(
      '<?xml version="1.0"?><rss version="2.0"><channel><title>big</title><description>',
    );
    res.write(head);
    streamedBytes = head.length;
    const pump = () => {
      while (!res.destroyed && streamedBytes < total) {
        streamedBytes += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (!res.destroyed) res.end('</description></channel></rss>');
    };
    res.on('close', () => res.removeAllListeners('drain'));
    pump();
  };
}

const text = (name: string, type?: string) => serve(fixture(`bad/${name}`), type);

const CASES: Case[] = [
  // ── structure ──
  {
    name: 'malformed XML',
    expected: 'refused as not well-formed; notices kept',
    respond: text('malformed.xml'),
    outcome: 'error',
    code: 'parse',
    where: 'error',
    reason: /not a well-formed RSS document/,
    popup: /公告来源的内容不是有效的 RSS/,
  },
  {
    name: 'Atom instead of RSS',
    expected: 'refused: root element is <feed>',
    respond: text('atom.xml', 'application/atom+xml'),
    outcome: 'error',
    code: 'parse',
    where: 'error',
    reason: /root element is <feed>/,
    popup: /公告来源的内容不是有效的 RSS/,
  },
  {
    name: 'HTML error page served as 200',
    expected: 'refused: root element is <html>; its script never runs',
    respond: text('html-error-page.html', 'text/html; charset=utf-8'),
    outcome: 'error',
    code: 'parse',
    where: 'error',
    reason: /root element is <html>/,
    popup: /公告来源的内容不是有效的 RSS/,
  },
  {
    name: 'JSON instead of XML',
    expected: 'refused: not XML',
    respond: text('json-feed.json', 'application/json'),
    outcome: 'error',
    code: 'parse',
    where: 'error',
    reason: /not XML/,
    popup: /公告来源的内容不是有效的 RSS/,
  },
  {
    name: 'empty body',
    expected: 'refused: the document is empty',
    respond: text('empty.xml'),
    outcome: 'error',
    code: 'parse',
    where: 'error',
    reason: /document is empty/,
    popup: /公告来源的内容不是有效的 RSS/,
  },
  {
    name: 'UTF-8 byte order mark',
    expected: 'read normally (the BOM is dropped)',
    respond: text('bom.xml'),
    outcome: 'stored',
    where: 'none',
    reason: /no reason recorded/,
    adds: ['bad-bom'],
    check: async (deps) => {
      expect((await getNotice(deps.db, 'bad-bom'))?.notice.title).toBe('带 BOM 的订阅源');
    },
    popup: /上次更新/,
  },
  // ── encoding ──
  {
    name: 'GBK, charset in Content-Type',
    expected: 'decoded with TextDecoder("gbk")',
    respond: text('gbk-header.xml', 'application/rss+xml; charset=GBK'),
    outcome: 'stored',
    where: 'none',
    reason: /no reason recorded/,
    adds: ['bad-gbk'],
    check: async (deps) => {
      expect((await getNotice(deps.db, 'bad-gbk'))?.notice.title).toBe('家居百货解决方案将下线（GBK）');
    },
    popup: /上次更新/,
  },
  {
    name: 'GB18030, charset in the XML declaration',
    expected: 'decoded with TextDecoder("gb18030"), 4-byte characters included',
    respond: text('gb18030-decl.xml', 'application/xml'),
    outcome: 'stored',
    where: 'none',
    reason: /no reason recorded/,
    adds: ['bad-gb18030'],
    check: async (deps) => {
      expect((await getNotice(deps.db, 'bad-gb18030'))?.notice.title).toBe(
        '𠮷字方案将下线（GB18030 四字节）',
      );
    },
    popup: /上次更新/,
  },
  {
    name: 'unknown charset in the XML declaration',
    expected: 'refused: unknown charset',
    respond: text('unknown-charset.xml', 'application/xml'),
    outcome: 'error',
    code: 'charset',
    where: 'error',
    reason: /unknown charset "x-klingon"/,
    popup: /公告来源的文字编码无法识别/,
  },
  // ── size ──
  {
    name: 'over 2 MiB, Content-Length declared',
    expected: 'refused before reading the body',
    respond: drip(3 * 1024 * 1024, true),
    outcome: 'error',
    code: 'too-large',
    where: 'error',
    reason: /over the 2097152-byte limit/,
    popup: /公告来源的内容超过 2 MB，已拒收/,
  },
  {
    name: 'over 2 MiB, streamed without Content-Length',
    expected: 'read as a stream and stopped at the cap',
    respond: drip(32 * 1024 * 1024, false),
    outcome: 'error',
    code: 'too-large',
    where: 'error',
    reason: /body over the 2097152-byte limit/,
    check: async () => {
      // The reader hung up long before the server's 32 MiB were out.
      expect(streamedBytes).toBeLessThan(16 * 1024 * 1024);
    },
    popup: /公告来源的内容超过 2 MB，已拒收/,
  },
  {
    name: '5,000 items',
    expected: `the newest ${LIMITS.maxItems} kept, the cut recorded`,
    respond: serve(bulkFeed(5000)),
    outcome: 'stored',
    where: 'warnings',
    reason: /5000 items, more than 500: kept the newest 500/,
    check: async (deps) => {
      const bulk = (await listNotices(deps.db)).filter((n) => n.guid.startsWith('bulk-'));
      expect(bulk).toHaveLength(LIMITS.maxItems);
      expect(bulk.map((n) => n.guid).sort()[0]).toBe('bulk-4500');
    },
    popup: /1 条提示/,
  },
  // ── identity ──
  {
    name: 'duplicate guids',
    expected: 'first kept, the second skipped with a reason',
    respond: text('duplicate-guid.xml'),
    outcome: 'stored',
    where: 'skipped',
    reason: /duplicate guid "bad-dup"/,
    adds: ['bad-dup'],
    check: async (deps) => {
      expect((await getNotice(deps.db, 'bad-dup'))?.notice.title).toBe('第一条');
    },
    popup: /1 条公告格式有误，已跳过/,
  },
  {
    name: 'missing guid',
    expected: 'identity from link and title (urn:sunset:<hash>), stable across polls',
    respond: text('missing-guid.xml'),
    outcome: 'stored',
    where: 'none',
    reason: /no reason recorded/,
    check: async (deps, url) => {
      const added = (await listNotices(deps.db)).filter((n) => n.guid.startsWith('urn:sunset:'));
      expect(added.map((n) => n.notice.title)).toEqual(['没有 guid 的公告']);
      // Polled again, the same item gets the same identity: no duplicate appears.
      await pollFeed(deps, url, 60);
      const again = (await listNotices(deps.db)).filter((n) => n.guid.startsWith('urn:sunset:'));
      expect(again).toEqual(added);
    },
    popup: /上次更新/,
  },
  // ── dates ──
  {
    name: 'dates without offset, impossible, far past and future',
    expected:
      'an impossible pubDate skips its item; an impossible or offset-less milestone drops its product (the notice stays, plain); offset-less pubDate read as Beijing time; 1900/9999 kept with a warning',
    respond: text('dates.xml'),
    outcome: 'stored',
    where: 'skipped',
    reason:
      /is not a date.*product dropped.*has no UTC offset.*product dropped.*not a real calendar date.*read as Beijing time.*implausibly far away.*implausibly far away/,
    adds: [
      'bad-date-pub-no-offset',
      'bad-date-at-no-offset',
      'bad-date-at-impossible',
      'bad-date-far-past',
      'bad-date-far-future',
    ],
    check: async (deps) => {
      expect((await getNotice(deps.db, 'bad-date-pub-no-offset'))?.notice.pubDate).toBe(
        '2023-02-10T17:48:00+08:00',
      );
    },
    popup: /1 条公告格式有误，已跳过.*2 处内容有误，已略去（公告保留）.*原因.*二月三十日方案.*3 条提示/,
  },
  // ── kinds and actions ──
  {
    name: 'unknown kind and unknown action',
    expected: 'unknown kind skipped; unknown action shown as retire, raw value kept',
    respond: text('unknown-kind-action.xml'),
    outcome: 'stored',
    where: 'skipped',
    reason: /unknown kind "explode"/,
    adds: ['bad-action'],
    check: async (deps) => {
      const m = (await getNotice(deps.db, 'bad-action'))?.notice.sunset?.products[0]?.milestones[0];
      expect(m).toMatchObject({ action: 'retire', rawAction: 'self-destruct' });
    },
    popup: /1 条公告格式有误，已跳过/,
  },
  {
    name: '10,000-character title',
    expected: `cut to ${LIMITS.maxString} characters, with a warning`,
    respond: text('long-title.xml'),
    outcome: 'stored',
    where: 'warnings',
    reason: /title cut to 4000 characters/,
    adds: ['bad-long-title'],
    check: async (deps) => {
      expect((await getNotice(deps.db, 'bad-long-title'))?.notice.title).toHaveLength(LIMITS.maxString);
    },
    popup: /1 条提示/,
  },
  // ── links ──
  {
    name: 'javascript:, data: and http: links',
    expected: 'every non-https link and replacement href dropped (notice kept), each recorded',
    respond: text('links.xml'),
    outcome: 'stored',
    where: 'warnings',
    reason:
      /"javascript:alert\(document.cookie\)" dropped.*"javascript:alert\(1\)" dropped.*"data:text\/html.*dropped.*"http:\/\/example.com\/plain" dropped.*"data:text\/html;base64.*dropped.*"http:\/\/example.com\/notices\/plain-http" dropped/,
    adds: ['bad-link-js', 'bad-link-data', 'bad-link-http'],
    check: async (deps) => {
      const all = (await listNotices(deps.db)).filter((n) => n.guid.startsWith('bad-link-'));
      const json = JSON.stringify(all.map((n) => n.notice));
      expect(json).not.toMatch(/javascript:|data:|http:\/\//);
    },
    popup: /6 条提示/,
  },
  // ── markup ──
  {
    name: 'markup and script in every text field',
    expected:
      'raw elements reduced to their text, escaped markup kept as literal text, nothing parsed as HTML',
    respond: text('markup.xml'),
    outcome: 'stored',
    where: 'warnings',
    reason:
      /markup in 6 text field\(s\) \(title, description, sunset:alias, sunset:replacement, sunset:grandfather\) kept as plain text/,
    adds: ['bad-markup', 'bad-markup-escaped', 'bad-markup-attr-only'],
    check: async (deps) => {
      const n = (await getNotice(deps.db, 'bad-markup'))!.notice;
      // Document order, no markup: `<script>alert('title')</script>标题<img …/>`.
      expect(n.title).toBe("alert('title')标题");
      expect(n.description).toBe('正文 加粗 链接');
      const p = n.sunset!.products[0]!;
      expect(p.aliases).toEqual(['别名']);
      expect(p.replacements[0]).toEqual({ name: '替代方案', href: 'https://example.com/new' });
      expect(n.sunset!.grandfather).toBe("已订购不受影响alert('grandfather')");
      // Escaped markup and CDATA are text as written: the popup renders them as text nodes.
      const escaped = (await getNotice(deps.db, 'bad-markup-escaped'))!.notice;
      expect(escaped.title).toBe("<script>alert('escaped')</script>转义的标记");
      expect(escaped.description).toBe(`<img src=x onerror="alert('cdata')">CDATA 里的标记`);
      expect((await getNotice(deps.db, 'bad-markup-attr-only'))!.notice.description).toBeUndefined();
    },
    popup: /1 条提示/,
  },
  {
    name: 'sunset namespace bound to another prefix',
    expected: 'read by namespace URI (ss:notice); a decoy sunset: prefix bound elsewhere is ignored',
    respond: text('other-prefix.xml'),
    outcome: 'stored',
    where: 'none',
    reason: /no reason recorded/,
    adds: ['bad-prefix'],
    check: async (deps) => {
      const s = (await getNotice(deps.db, 'bad-prefix'))!.notice.sunset!;
      expect(s.kind).toBe('retire');
      expect(s.products.map((p) => p.name)).toEqual(['前缀方案']);
    },
    popup: /上次更新/,
  },
];

let server: TestServer;
const clock = { now: NOW };
let deps: PollDeps;
usePollHarness(clock, { server: (s) => (server = s), deps: (d) => (deps = d) });

describe('bad feeds: no crash, earlier notices intact, a reason recorded and shown', () => {
  test.for(CASES)('$name → $expected', async (c, ctx) => {
    const before = await seed(deps, server, clock);
    server.respond(c.respond);

    // Nothing escapes: pollFeed resolves with an outcome for every case.
    const outcome = await pollFeed(deps, server.url, 60);
    expect(outcome.status).toBe(c.outcome);

    const after = sortByGuid(await listNotices(deps.db));
    const earlier = after.filter((n) => before.some((b) => b.guid === n.guid));
    expect(earlier).toEqual(before);
    const added = after.filter((n) => !before.some((b) => b.guid === n.guid)).map((n) => n.guid);
    if (c.adds) expect(added.sort()).toEqual([...c.adds].sort());
    if (c.outcome === 'error') expect(added).toEqual([]);

    const state = await getFeedState(deps.db, server.url);
    if (c.code) expect(state.lastError?.code).toBe(c.code);
    const reason = reasonOf(state);
    expect(reason).toMatch(c.reason);
    if (c.where === 'error') expect(state.lastError?.at).toBe(clock.now);
    if (c.where === 'skipped') expect(state.lastSkipped.length).toBeGreaterThan(0);
    if (c.where === 'warnings') expect(state.lastWarnings.length).toBeGreaterThan(0);
    if (c.where === 'none') expect(state.lastError).toBeUndefined();
    await c.check?.(deps, server.url);

    const shown = renderStatus(state, clock.now);
    expect(shown.text).toMatch(c.popup);
    expect(shown.status).toBe(c.outcome === 'error' ? 'error' : 'ok');
    // The raw reason is one hover away (title attribute) whenever one was recorded; every skip's
    // reason is listed in the status itself (issue 17 item 1).
    if (c.where === 'error') expect(shown.titles).toContain(state.lastError!.message);
    for (const skip of state.lastSkipped) expect(shown.text).toContain(skip.reason);
    if (c.where === 'warnings') expect(shown.titles).toContain(state.lastWarnings[0]!);

    record(
      ctx,
      'bad feed',
      c.name,
      c.expected,
      `${outcome.status}; ${short(reason)} · popup: ${short(shown.text, 80)}`,
    );
  });
});
