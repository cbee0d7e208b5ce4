// The feed document: RSS 2.0 with the `sunset:` extension of feed-format.md, built with
// xmlbuilder2 so that every text and attribute is escaped by the library, never by hand.
// The output depends on the notices and options only (no clock), so `feed build` is
// byte-identical from run to run and caches keep working.
import { create } from 'xmlbuilder2';
import type { Notice } from '../utils/notice/schema.ts';

export const SUNSET_NS = 'urn:sunset-watch:feed:1';

export interface ChannelOptions {
  title: string;
  link: string;
  description: string;
  /** Minutes; readers treat it as a floor for their polling interval. */
  ttl: number;
  language?: string;
}

export const DEFAULT_CHANNEL: ChannelOptions = {
  title: 'Sunset Watch：1688 数字营销下线公告',
  link: 'https://rule.1688.com/',
  description:
    '1688 数字营销产品与功能的下线、调整公告（Sunset Watch notice feed, format: urn:sunset-watch:feed:1）',
  ttl: 60,
  language: 'zh-cn',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * RFC 822 date for an ISO instant, in the instant's own offset ("Fri, 10 Feb 2023 17:48:00
 * +0800"), so that a reader can recover the same ISO string.
 */
export function rfc822(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(
    iso,
  );
  if (!m) throw new Error(`not an ISO 8601 instant with offset: ${iso}`);
  const [, y, mo, d, h, mi, s = '00', zone, sign, oh, om] = m;
  // The weekday of the local calendar date: computed on a UTC date with the same fields.
  const weekday = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  const offset = zone === 'Z' ? '+0000' : `${sign}${oh}${om}`;
  return `${DAYS[weekday]}, ${d} ${MONTHS[Number(mo) - 1]} ${y} ${h}:${mi}:${s} ${offset}`;
}

/** Newest first, by pubDate then guid, so the order never depends on file names. */
export function sortNewestFirst(notices: readonly Notice[]): Notice[] {
  return [...notices].sort(
    (a, b) => Date.parse(b.pubDate) - Date.parse(a.pubDate) || a.guid.localeCompare(b.guid),
  );
}

/** The newest pubDate/updated of all notices: a lastBuildDate that only moves with content. */
export function newestInstant(notices: readonly Notice[]): string | undefined {
  let best: string | undefined;
  for (const n of notices) {
    for (const iso of [n.pubDate, n.sunset?.updated]) {
      if (iso && (best === undefined || Date.parse(iso) > Date.parse(best))) best = iso;
    }
  }
  return best;
}

export function buildFeedXml(notices: readonly Notice[], channel: ChannelOptions = DEFAULT_CHANNEL): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', {
    version: '2.0',
    'xmlns:sunset': SUNSET_NS,
  });
  const ch = root.ele('channel');
  ch.ele('title').txt(channel.title);
  ch.ele('link').txt(channel.link);
  ch.ele('description').txt(channel.description);
  if (channel.language) ch.ele('language').txt(channel.language);
  const newest = newestInstant(notices);
  if (newest) ch.ele('lastBuildDate').txt(rfc822(newest));
  ch.ele('generator').txt('Sunset Watch feed');
  ch.ele('ttl').txt(String(channel.ttl));

  for (const notice of sortNewestFirst(notices)) {
    const item = ch.ele('item');
    item.ele('title').txt(notice.title);
    if (notice.link) item.ele('link').txt(notice.link);
    item.ele('guid', { isPermaLink: 'false' }).txt(notice.guid);
    item.ele('pubDate').txt(rfc822(notice.pubDate));
    if (notice.description !== undefined) item.ele('description').txt(notice.description);
    const s = notice.sunset;
    if (!s) continue;
    const attrs: Record<string, string> = { kind: s.kind, updated: s.updated };
    if (s.platform !== undefined) attrs.platform = s.platform;
    if (s.area !== undefined) attrs.area = s.area;
    const el = item.ele(SUNSET_NS, 'sunset:notice', attrs);
    for (const product of s.products) {
      const p = el.ele(SUNSET_NS, 'sunset:product', { name: product.name });
      for (const alias of product.aliases) p.ele(SUNSET_NS, 'sunset:alias').txt(alias);
      for (const m of product.milestones) {
        const mAttrs: Record<string, string> = { action: m.rawAction ?? m.action };
        if (m.at !== null) mAttrs.at = m.at;
        if (m.previous !== undefined) mAttrs.previous = m.previous;
        p.ele(SUNSET_NS, 'sunset:milestone', mAttrs);
      }
      for (const r of product.replacements) {
        p.ele(SUNSET_NS, 'sunset:replacement', r.href ? { href: r.href } : {}).txt(r.name);
      }
    }
    if (s.grandfather !== undefined) el.ele(SUNSET_NS, 'sunset:grandfather').txt(s.grandfather);
  }
  return `${root.end({ prettyPrint: true })}\n`;
}
