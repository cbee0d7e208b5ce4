// Issue 2 "Tests": every notice file → feed.xml → parsed back with the extension's own reader
// (utils/feed/parse.ts) equals the source notice.
import { describe, expect, it } from 'vitest';
import { formatNoticeFile, parseNoticeFile } from '../../../feed/notice-file.ts';
import { loadNotices } from '../../../feed/notices.ts';
import { buildFeedXml } from '../../../feed/xml.ts';
import { parseFeed } from '../../../utils/feed/parse.ts';

const loaded = loadNotices();

describe('feed/notices', () => {
  it('holds every seed notice, all valid', () => {
    expect(loaded.errors).toEqual([]);
    expect(loaded.notices.map((n) => n.guid).sort()).toEqual([
      '1688-2023-02-buyer-protection-enforcement',
      '1688-2023-02-buyer-wangwang-postponed',
      '1688-dm-2022-12-06-brandbao-image-tool',
      '1688-dm-2023-02-10-solutions',
      '1688-dm-2023-06-account-hosting',
      '1688-dm-2023-08-package',
      '1688-dm-2023-11-23-eligibility',
    ]);
  });

  it('records the year assumptions and keeps the original text', () => {
    for (const file of loaded.files) {
      expect(file.assumptions.length, file.file).toBeGreaterThan(0);
      expect(file.body.length, file.file).toBeGreaterThan(20);
      expect(file.source?.publisher, file.file).toBe('电商报');
    }
  });

  it('carries the postponement with its previous date', () => {
    const wangwang = loaded.notices.find((n) => n.guid === '1688-2023-02-buyer-wangwang-postponed');
    expect(wangwang?.sunset?.kind).toBe('postpone');
    expect(wangwang?.sunset?.products[0]?.milestones[0]).toEqual({
      action: 'retire',
      at: '2023-02-08T00:00:00+08:00',
      previous: '2023-02-01T00:00:00+08:00',
    });
  });
});

describe('round trip through the feed', () => {
  it('parseFeed(buildFeedXml(notices)) deep-equals the source notices', async () => {
    const parsed = await parseFeed(buildFeedXml(loaded.notices));
    expect(parsed.skipped).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    const byGuid = new Map(parsed.notices.map((n) => [n.guid, n]));
    expect(parsed.notices).toHaveLength(loaded.notices.length);
    for (const notice of loaded.notices) expect(byGuid.get(notice.guid)).toStrictEqual(notice);
    expect(parsed.channel).toEqual({
      title: 'Sunset Watch：1688 数字营销下线公告',
      link: 'https://rule.1688.com/',
      ttl: 60,
    });
  });

  it('keeps text that looks like markup as text', async () => {
    const notice = {
      ...loaded.notices[0]!,
      guid: 'markup',
      title: '<b>不是标签</b> & “引号”',
      description: '<img src=x onerror=alert(1)> 原样保留',
    };
    const parsed = await parseFeed(buildFeedXml([notice]));
    expect(parsed.notices[0]).toStrictEqual(notice);
  });
});

describe('notice file format', () => {
  it('formatNoticeFile → parseNoticeFile gives back notice, source, assumptions and body', () => {
    for (const file of loaded.files) {
      const text = formatNoticeFile(file);
      const back = parseNoticeFile(text, file.file);
      expect(back.ok ? back.errors : back.errors, file.file).toEqual([]);
      if (!back.ok) continue;
      expect(back.notice).toStrictEqual(file.notice);
      expect(back.source).toStrictEqual(file.source);
      expect(back.assumptions).toEqual(file.assumptions);
      expect(back.body).toBe(file.body);
    }
  });

  it.each([
    ['missing front matter', '正文而已', '(front matter)', /front matter/],
    [
      'unknown field',
      '---\nguid: a\ntitle: t\nlink: https://x.cn/\npubDate: 2023-01-01T00:00:00+08:00\nreplacments: []\n---\n',
      'replacments',
      /unknown field/,
    ],
    [
      'kind missing but products given',
      '---\nguid: a\ntitle: t\nlink: https://x.cn/\npubDate: 2023-01-01T00:00:00+08:00\nproducts: []\n---\n',
      'kind',
      /products/,
    ],
    [
      'updated missing',
      '---\nguid: a\ntitle: t\nlink: https://x.cn/\npubDate: 2023-01-01T00:00:00+08:00\nkind: retire\n---\n',
      'updated',
      /required/,
    ],
    [
      'unquoted number',
      '---\nguid: a\ntitle: t\nlink: https://x.cn/\npubDate: 2023-01-01T00:00:00+08:00\nkind: info\nupdated: 2023-01-01T00:00:00+08:00\nplatform: 1688\n---\n',
      'platform',
      /quote/,
    ],
    ['missing link', '---\nguid: a\ntitle: t\npubDate: 2023-01-01T00:00:00+08:00\n---\n', 'link', /required/],
  ])('%s: names the field', (_, text, field, reason) => {
    const result = parseNoticeFile(text, 'x.md');
    expect(result.ok).toBe(false);
    const error = result.errors.find((e) => e.field === field);
    expect(error, JSON.stringify(result.errors)).toBeDefined();
    expect(error?.file).toBe('x.md');
    expect(error?.reason).toMatch(reason);
  });

  it('refuses a control character XML cannot carry, naming the field', () => {
    const result = parseNoticeFile(
      '---\nguid: a\ntitle: "x\\u0001y"\nlink: https://x.cn/\npubDate: 2023-01-01T00:00:00+08:00\n---\n',
      'x.md',
    );
    expect(result.errors).toEqual([
      { file: 'x.md', field: 'title', reason: expect.stringContaining('U+0001') },
    ]);
  });

  it('normalises pubDate to whole seconds with a numeric offset (what RSS can carry)', () => {
    const result = parseNoticeFile(
      '---\nguid: a\ntitle: t\nlink: https://x.cn/\npubDate: 2023-01-01T08:30Z\n---\n',
      'x.md',
    );
    expect(result.notice?.pubDate).toBe('2023-01-01T08:30:00+00:00');
  });
});
