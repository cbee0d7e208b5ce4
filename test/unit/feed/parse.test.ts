// The extension's reader (utils/feed/parse.ts) on fixture feeds: the reader rules of
// feed-format.md, limits, and documents that are not RSS at all.
import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, pubDateToIso, sunsetPrefix, type ParsedFeed } from '../../../utils/feed/parse.ts';
import type { Notice } from '../../../utils/notice/schema.ts';
import { fallbackGuid } from '../../../utils/feed/identity.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** A feed with `count` items, built with xmlbuilder2 like the real one. */
function generatedFeed(build: (channel: ReturnType<ReturnType<typeof create>['ele']>) => void): string {
  const rss = create({ version: '1.0' }).ele('rss', {
    version: '2.0',
    'xmlns:sunset': 'urn:sunset-watch:feed:1',
  });
  const channel = rss.ele('channel');
  channel.ele('title').txt('generated');
  build(channel);
  return rss.end();
}

describe('parseFeed: reader rules', () => {
  let feed: ParsedFeed;
  let byGuid: Map<string, Notice>;
  beforeAll(async () => {
    feed = await parseFeed(fixture('reader-rules.xml'));
    byGuid = new Map(feed.notices.map((n) => [n.guid, n]));
  });

  it('binds the extension by namespace URI, whatever the prefix', () => {
    expect(sunsetPrefix(fixture('reader-rules.xml'))).toBe('sw');
    expect(byGuid.get('rules-unknown-action')?.sunset?.products[0]?.name).toBe('某方案');
    // `sunset:` bound to another URI is not our extension: a plain notice.
    expect(byGuid.get('rules-foreign')).toBeDefined();
    expect(byGuid.get('rules-foreign')?.sunset).toBeUndefined();
  });

  it('reads the channel and its ttl in minutes', () => {
    expect(feed.channel).toEqual({ title: 'Reader rules', link: 'https://example.com/', ttl: 30 });
  });

  it('shows an unknown action as retire and keeps the raw value', () => {
    const milestones = byGuid.get('rules-unknown-action')?.sunset?.products[0]?.milestones;
    expect(milestones).toEqual([
      { action: 'retire', rawAction: 'vanish', at: '2023-02-17T00:00:00+08:00' },
      { action: 'no-new-orders', at: null },
    ]);
  });

  it('drops non-https links but keeps the notice and says so', () => {
    const notice = byGuid.get('rules-unknown-action');
    expect(notice?.link).toBeUndefined();
    expect(notice?.sunset?.products[0]?.replacements).toEqual([
      { name: '替代方案' },
      { name: '安全替代', href: 'https://p4p.1688.com/' },
    ]);
    expect(feed.warnings.some((w) => w.includes('http://rule.1688.com/plain-http'))).toBe(true);
    expect(feed.warnings.some((w) => w.includes('http://p4p.1688.com/'))).toBe(true);
  });

  it('keeps the description as plain text, interpreting nothing', () => {
    expect(byGuid.get('rules-unknown-action')?.description).toBe('<b>plain text</b> stays as written');
  });

  it('gives an item without guid a stable identity from link and title', () => {
    const guid = fallbackGuid('https://rule.1688.com/no-guid', 'No guid');
    expect(guid).toMatch(/^urn:sunset:[0-9a-f]{16}$/);
    expect(byGuid.get(guid)?.pubDate).toBe('2023-02-11T09:00:00+00:00');
  });

  it('drops a bad product with a reason naming the field; a notice left without products stays, plain', () => {
    expect(feed.skipped).toEqual([
      expect.objectContaining({
        guid: 'rules-bad-date',
        unit: 'product',
        reason: expect.stringContaining('sunset.products.0.milestones.0.at'),
      }),
      expect.objectContaining({
        guid: 'rules-empty-name',
        unit: 'product',
        reason: expect.stringContaining('sunset.products.0.name'),
      }),
    ]);
    expect(feed.notices).toHaveLength(5);
    expect(byGuid.get('rules-bad-date')?.sunset).toBeUndefined();
    expect(byGuid.get('rules-empty-name')?.title).toBe('Empty product name');
  });
});

describe('parseFeed: limits', () => {
  it('keeps the newest 500 of more items, with a warning', async () => {
    const text = generatedFeed((channel) => {
      for (let i = 0; i < 503; i++) {
        const item = channel.ele('item');
        item.ele('title').txt(`n${i}`);
        item.ele('guid').txt(`g${i}`);
        // Item i is published i hours after the base: the three oldest are 0, 1, 2.
        item.ele('pubDate').txt(new Date(Date.UTC(2023, 0, 1) + i * 3600_000).toUTCString());
      }
    });
    const feed = await parseFeed(text);
    expect(feed.notices).toHaveLength(500);
    const guids = new Set(feed.notices.map((n) => n.guid));
    expect(['g0', 'g1', 'g2'].some((g) => guids.has(g))).toBe(false);
    expect(guids.has('g502')).toBe(true);
    expect(feed.warnings).toContainEqual(expect.stringContaining('503 items'));
  });

  it('cuts a string over 4000 characters and says which', async () => {
    const text = generatedFeed((channel) => {
      const item = channel.ele('item');
      item.ele('title').txt('long');
      item.ele('guid').txt('long');
      item.ele('pubDate').txt('Fri, 10 Feb 2023 17:48:00 +0800');
      item.ele('description').txt('长'.repeat(4100));
    });
    const feed = await parseFeed(text);
    expect(feed.notices[0]?.description).toHaveLength(4000);
    expect(feed.warnings).toContainEqual(expect.stringMatching(/description cut to 4000/));
  });

  it('refuses an item with more than 50 products', async () => {
    const text = generatedFeed((channel) => {
      const item = channel.ele('item');
      item.ele('title').txt('many');
      item.ele('guid').txt('many');
      item.ele('pubDate').txt('Fri, 10 Feb 2023 17:48:00 +0800');
      const notice = item.ele('urn:sunset-watch:feed:1', 'sunset:notice', {
        kind: 'retire',
        updated: '2023-02-10T17:48:00+08:00',
      });
      for (let i = 0; i < 51; i++) notice.ele('urn:sunset-watch:feed:1', 'sunset:product', { name: `p${i}` });
    });
    const feed = await parseFeed(text);
    expect(feed.notices).toEqual([]);
    expect(feed.skipped).toEqual([
      { guid: 'many', title: 'many', reason: expect.stringMatching(/51 products/) },
    ]);
  });
  it('keeps the first of two items with the same guid and says why the other was skipped', async () => {
    const text = generatedFeed((channel) => {
      for (const title of ['first', 'second']) {
        const item = channel.ele('item');
        item.ele('title').txt(title);
        item.ele('guid').txt('same');
        item.ele('pubDate').txt('Fri, 10 Feb 2023 17:48:00 +0800');
      }
    });
    const feed = await parseFeed(text);
    expect(feed.notices.map((n) => n.title)).toEqual(['first']);
    expect(feed.skipped).toEqual([
      { guid: 'same', title: 'second', reason: expect.stringMatching(/duplicate guid/) },
    ]);
  });

  it('refuses a body over 2 MiB', async () => {
    const text = generatedFeed((channel) => {
      channel.ele('description').txt('x'.repeat(2 * 1024 * 1024));
    });
    await expect(parseFeed(text)).rejects.toThrow(/over the 2097152-byte limit/);
  });
});

describe('parseFeed: not a feed', () => {
  it.each([
    ['atom.xml', /root element is <feed>/],
    ['html.html', /root element is <html>/],
    ['malformed.xml', /not a well-formed RSS document/],
  ])('%s throws a message in words', async (name, message) => {
    await expect(parseFeed(fixture(name))).rejects.toThrow(message);
  });

  it.each([
    ['', /empty/],
    ['{"items":[]}', /not XML/],
    ['<rss version="0.91"><channel></channel></rss>', /RSS 2\.0/],
    ['<rss version="2.0"></rss>', /no <channel>/],
  ])('%j throws', async (text, message) => {
    await expect(parseFeed(text)).rejects.toThrow(message);
  });
});

describe('pubDateToIso', () => {
  it.each([
    ['Fri, 10 Feb 2023 17:48:00 +0800', '2023-02-10T17:48:00+08:00'],
    ['10 Feb 2023 17:48 +0800', '2023-02-10T17:48:00+08:00'],
    ['Sat, 11 Feb 2023 09:00:00 GMT', '2023-02-11T09:00:00+00:00'],
    ['Sat, 11 Feb 2023 09:00:00 EST', '2023-02-11T09:00:00-05:00'],
    ['2023-02-10T17:48:00+08:00', '2023-02-10T17:48:00+08:00'],
    ['Thu, 30 Feb 2023 09:00:00 GMT', undefined],
    ['soon', undefined],
  ])('%s → %s', (input, expected) => {
    expect(pubDateToIso(input)).toBe(expected);
  });
});

describe('parseFeed: XML rules (rss-parser: xml2js over sax, strict)', () => {
  const item = (inner: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>g</guid>` +
    `<pubDate>Fri, 10 Feb 2023 17:48:00 +0800</pubDate>${inner}</item></channel></rss>`;

  it('refuses entity declarations instead of expanding them (billion laughs), saying why', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<rss version="2.0"><channel><title>&b;</title></channel></rss>';
    await expect(parseFeed(laughs)).rejects.toThrow(/DTD internal subset/);
  });

  it('never expands an entity it was not given, even past the subset check', async () => {
    // A DOCTYPE without a subset passes the check; an undeclared entity is still refused by sax.
    const text = item('<title>&b;</title>').replace('<rss', '<!DOCTYPE rss SYSTEM "rss.dtd"><rss');
    await expect(parseFeed(text)).rejects.toThrow(
      /not a well-formed RSS document: 1:\d+: Invalid character entity/,
    );
  });

  it('reads an external DOCTYPE without fetching it, and HTML’s named characters as text', async () => {
    const text = item('<title>a&nbsp;b</title>').replace(
      '<rss',
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss',
    );
    const feed = await parseFeed(text);
    expect(feed.notices[0]?.title).toBe('a\u00a0b');
  });

  it('refuses what is not well-formed, saying where', async () => {
    await expect(parseFeed(item('<title>a & b</title>'))).rejects.toThrow(
      /not a well-formed RSS document: 1:\d+: /,
    );
  });

  it('reads XML’s own and numeric character references, and CDATA as literal text', async () => {
    const feed = await parseFeed(
      item(
        '<title>&lt;b&gt; &amp; &#x4E2D;&#25991;</title><description><![CDATA[<p>原文</p>]]> 尾</description>',
      ),
    );
    expect(feed.notices[0]).toMatchObject({ title: '<b> & 中文', description: '<p>原文</p> 尾' });
    expect(feed.warnings).toEqual([]);
  });

  it('reduces raw markup to its text in document order; block elements separate words', async () => {
    const feed = await parseFeed(
      item(
        '<title><a href="x">替代</a>方案</title>' +
          '<description><p>第一段</p><p>第二段<br/>换行</p>  <b>粗</b>体</description>',
      ),
    );
    expect(feed.notices[0]).toMatchObject({ title: '替代方案', description: '第一段 第二段 换行 粗体' });
    expect(feed.warnings).toEqual(['markup in 2 text field(s) (title, description) kept as plain text']);
  });

  it('skips a byte order mark and ignores comments and processing instructions', async () => {
    const feed = await parseFeed(`\uFEFF${item('<!-- note --><title>标<?pi x?>题</title>')}`);
    expect(feed.notices[0]?.title).toBe('标题');
  });

  it('reads only the first of repeated fields, and <dc:title> when there is no <title>', async () => {
    const feed = await parseFeed(
      item('<title>一</title><title>二</title>').replace(
        '<rss version="2.0">',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      ),
    );
    expect(feed.notices[0]?.title).toBe('一');
    const dc = await parseFeed(
      item('<dc:title>都柏林</dc:title>').replace(
        '<rss version="2.0">',
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      ),
    );
    expect(dc.notices[0]?.title).toBe('都柏林');
  });
});
