// Issue 17 items 1 and 3 through the real reader: whole notices were lost over one detail. Each
// wrong detail now costs the smallest unit it is in, with a recorded reason; what the standards
// allow (RFC 3339 fractions of any length, 24:00) is read; an item nested 100,000 deep is skipped
// and the rest of the feed kept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, parseFeed } from '../../../utils/feed/parse.ts';
import type { Notice } from '../../../utils/notice/schema.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const byGuid = (notices: Notice[], guid: string) => notices.find((n) => n.guid === guid);

describe('a feed as Python writes it (ns0 prefix, microseconds, 24:00)', () => {
  it('keeps the notice: six fraction digits and 24:00 are what RFC 3339 and ISO 8601 allow', async () => {
    const feed = await parseFeed(fixture('python-etree.xml'));
    expect(feed.skipped).toEqual([]);
    const notice = byGuid(feed.notices, 'py-jiaju');
    // Normalized: milliseconds, and the end of 30 November as 1 December 00:00.
    expect(notice?.sunset?.updated).toBe('2026-11-20T10:00:00.123+08:00');
    expect(notice?.sunset?.products[0]?.milestones).toEqual([
      { action: 'no-new-orders', at: '2026-12-01T00:00:00+08:00' },
      { action: 'retire', at: '2026-12-31T00:00:00.000+08:00' },
    ]);
    expect(notice?.sunset?.products[0]?.aliases).toEqual(['家居百货方案']);
  });
});

describe('one wrong detail costs its own unit', () => {
  it('a blank alias or replacement drops only itself, with a reason', async () => {
    const feed = await parseFeed(fixture('details.xml'));
    const product = byGuid(feed.notices, 'details-blank-alias')?.sunset?.products[0];
    expect(product?.aliases).toEqual(['家居百货方案']);
    expect(product?.replacements).toEqual([{ name: '消费品解决方案' }]);
    const reasons = feed.skipped.filter((s) => s.guid === 'details-blank-alias');
    expect(reasons).toEqual([
      expect.objectContaining({
        unit: 'alias',
        reason: expect.stringMatching(/家居百货解决方案.*alias dropped.*empty/),
      }),
      expect.objectContaining({
        unit: 'replacement',
        reason: expect.stringMatching(/replacement dropped.*empty/),
      }),
    ]);
  });

  it('an empty product name drops that product; the notice and its other product stay', async () => {
    const feed = await parseFeed(fixture('details.xml'));
    const notice = byGuid(feed.notices, 'details-empty-product');
    expect(notice?.sunset?.products.map((p) => p.name)).toEqual(['行业优选解决方案']);
    expect(feed.skipped).toContainEqual(
      expect.objectContaining({
        guid: 'details-empty-product',
        unit: 'product',
        reason: expect.stringContaining('product name is empty'),
      }),
    );
  });

  it('a notice whose only product is bad stays as a plain notice', async () => {
    const feed = await parseFeed(fixture('details.xml'));
    const notice = byGuid(feed.notices, 'details-only-product-bad');
    expect(notice?.title).toBe('唯一产品的日期不存在');
    expect(notice?.sunset).toBeUndefined();
    expect(feed.skipped).toContainEqual(
      expect.objectContaining({ guid: 'details-only-product-bad', unit: 'product' }),
    );
  });

  it('a fault in the notice itself (its kind) drops the item, and only it', async () => {
    const feed = await parseFeed(fixture('details.xml'));
    expect(byGuid(feed.notices, 'details-bad-kind')).toBeUndefined();
    expect(feed.skipped).toContainEqual({
      guid: 'details-bad-kind',
      title: '未知类型',
      reason: expect.stringContaining('unknown kind "vanish"'),
    });
    expect(feed.notices).toHaveLength(3);
  });
});

describe('depth (issue 17 item 3)', () => {
  const feedWith = (description: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>` +
    `<item><title>深</title><guid>deep</guid><pubDate>Fri, 10 Feb 2023 17:48:00 +0800</pubDate>` +
    `<description>${description}</description></item>` +
    `<item><title>浅</title><guid>shallow</guid><pubDate>Fri, 10 Feb 2023 17:48:00 +0800</pubDate></item>` +
    `</channel></rss>`;
  const nested = (levels: number) => `${'<a>'.repeat(levels)}x${'</a>'.repeat(levels)}`;

  it('skips an item nested 100,000 deep with a reason; the other items are read', async () => {
    const feed = await parseFeed(feedWith(nested(100_000)));
    expect(feed.notices.map((n) => n.guid)).toEqual(['shallow']);
    expect(feed.skipped).toEqual([
      { guid: 'deep', title: '深', reason: `description: nested more than ${MAX_DEPTH} elements deep` },
    ]);
  });

  it('reads an item exactly at the limit', async () => {
    const feed = await parseFeed(feedWith(nested(MAX_DEPTH)));
    expect(feed.notices.map((n) => n.guid)).toEqual(['deep', 'shallow']);
    expect(feed.notices[0]?.description).toBe('x');
  });
});
