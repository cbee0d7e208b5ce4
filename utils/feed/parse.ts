// The reader side of feed-format.md: feed text → validated notices. Runs in the extension's
// MV3 service worker, so it uses no Node API; the caller fetches the text and decides what to
// do with the result. Every item that cannot be used is skipped with a reason, never silently.
import Parser from 'rss-parser';
import { LIMITS, formatErrors, isHttpsUrl, isAction, validateNotice, type Notice } from '../notice/schema.ts';
import { BEIJING_OFFSET, isoProblem, toBeijingIso } from '../notice/time.ts';
import { fallbackGuid } from './identity.ts';

export const SUNSET_NS = 'urn:sunset-watch:feed:1';
const DEFAULT_PREFIX = 'sunset';

export interface SkippedItem {
  guid?: string;
  title?: string;
  reason: string;
}

export interface ParsedFeed {
  channel: { title: string; link?: string; /** minutes */ ttl?: number };
  notices: Notice[];
  skipped: SkippedItem[];
  warnings: string[];
}

/** An xml2js node as rss-parser hands it over: text, or `{ _: text, $: attributes, child: [...] }`. */
type XmlNode = string | { _?: string; $?: Record<string, string>; [child: string]: unknown };

interface RawItem {
  title?: string;
  link?: string;
  pubDate?: string;
  rawGuid?: XmlNode;
  rawDescription?: XmlNode;
  content?: string;
  sunsetNotice?: XmlNode;
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '_' in node && typeof node._ === 'string') return node._;
  return undefined;
}

function attrsOf(node: unknown): Record<string, string> {
  if (node && typeof node === 'object' && '$' in node && node.$ && typeof node.$ === 'object') {
    return node.$ as Record<string, string>;
  }
  return {};
}

function children(node: unknown, name: string): unknown[] {
  if (node && typeof node === 'object' && name in node) {
    const value = (node as Record<string, unknown>)[name];
    return Array.isArray(value) ? value : [];
  }
  return [];
}

/** The prefix the document binds to the sunset namespace URI; `sunset` when it binds none. */
export function sunsetPrefix(text: string): string {
  const ns = SUNSET_NS.replace(/[.:]/g, '\\$&');
  const m = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*(["'])${ns}\\2`).exec(text);
  return m?.[1] ?? DEFAULT_PREFIX;
}

/** The root element's name, skipping the XML declaration, comments, PIs and a DOCTYPE. */
function rootElementName(text: string): string | undefined {
  let rest = text.replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = rest.slice(rest.indexOf('?>') + 2 || rest.length);
    else if (rest.startsWith('<!--')) rest = rest.slice(rest.indexOf('-->') + 3 || rest.length);
    else if (/^<!DOCTYPE/i.test(rest)) {
      // An internal subset ([ ... ]) may hold '>' of its own; skip past its closing ']>'.
      const bracket = rest.indexOf('[');
      const close = rest.indexOf('>');
      const end = bracket >= 0 && bracket < close ? rest.search(/\]\s*>/) : close;
      rest = end < 0 ? '' : rest.slice(rest.indexOf('>', end) + 1);
    } else break;
  }
  return /^<([A-Za-z_][\w:.-]*)/.exec(rest)?.[1];
}

const ZONES: Record<string, string> = {
  UT: '+00:00',
  UTC: '+00:00',
  GMT: '+00:00',
  Z: '+00:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};
/** Milestones outside these years are kept but flagged as probable typos. */
const PLAUSIBLE = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An RSS pubDate as an ISO instant in the offset the feed wrote, so "Fri, 10 Feb 2023
 * 17:48:00 +0800" reads back as 2023-02-10T17:48:00+08:00. Other forms Date can read are
 * shown in Beijing time; undefined when it is no date at all.
 */
export function pubDateToIso(value: string): string | undefined {
  const trimmed = value.trim();
  const problem = isoProblem(trimmed);
  if (problem === null) return trimmed;
  if (problem === 'missing-offset') {
    // A bare local time would otherwise be read in whatever zone the reader's machine is in;
    // 1688 notices are in Beijing time (feed-format.md "Time"). The caller warns.
    const [date, time = '00:00:00'] = trimmed.split('T');
    const iso = `${date}T${time.length === 5 ? `${time}:00` : time}${BEIJING_OFFSET}`;
    return isoProblem(iso) === null ? iso : undefined;
  }
  const m =
    /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})?$/.exec(
      trimmed,
    );
  if (m) {
    const [, d, mon, y, h, mi, s = '00', zone = 'GMT'] = m;
    const month = MONTHS.indexOf(mon!.toLowerCase());
    const offset = /^[+-]\d{4}$/.test(zone)
      ? `${zone.slice(0, 3)}:${zone.slice(3)}`
      : ZONES[zone.toUpperCase()];
    if (month >= 0 && offset) {
      const iso = `${y}-${String(month + 1).padStart(2, '0')}-${d!.padStart(2, '0')}T${h!.padStart(2, '0')}:${mi}:${s}${offset}`;
      if (isoProblem(iso) === null) return iso;
      return undefined;
    }
  }
  const epoch = Date.parse(trimmed);
  return Number.isNaN(epoch) ? undefined : toBeijingIso(epoch);
}

/** Cuts every string over the limit, naming each field it cut. */
function cutLongStrings(value: unknown, path: string, warn: (field: string) => void): unknown {
  if (typeof value === 'string') {
    if (value.length <= LIMITS.maxString) return value;
    warn(path);
    return value.slice(0, LIMITS.maxString);
  }
  if (Array.isArray(value)) return value.map((v, i) => cutLongStrings(v, `${path}.${i}`, warn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, cutLongStrings(v, path ? `${path}.${k}` : k, warn)]),
    );
  }
  return value;
}

interface Mapped {
  input?: Record<string, unknown>;
  reason?: string;
  warnings: string[];
}

/** One rss-parser item → the notice shape (unvalidated), applying the reader rules. */
function mapItem(item: RawItem, prefix: string): Mapped {
  const warnings: string[] = [];
  const title = item.title?.trim();
  const link = item.link?.trim();
  const guid = textOf(item.rawGuid)?.trim() || fallbackGuid(link, title);
  const out: Record<string, unknown> = { guid, title };

  if (link) {
    if (isHttpsUrl(link)) out.link = link;
    else warnings.push(`link ${JSON.stringify(link)} dropped: not an https: link`);
  }
  if (item.pubDate === undefined) return { reason: 'pubDate: is missing', warnings };
  const pubDate = pubDateToIso(item.pubDate);
  if (!pubDate) return { reason: `pubDate: ${JSON.stringify(item.pubDate)} is not a date`, warnings };
  out.pubDate = pubDate;
  if (isoProblem(item.pubDate.trim()) === 'missing-offset') {
    warnings.push(`pubDate ${JSON.stringify(item.pubDate)} has no offset: read as Beijing time`);
  }

  // Plain text as written: no HTML is stripped or interpreted. A description that holds
  // unescaped markup reaches us as elements; rss-parser's re-serialised text is then kept as text.
  const description = textOf(item.rawDescription) ?? item.content;
  if (description !== undefined && description.trim() !== '') out.description = description;

  const el = item.sunsetNotice;
  if (el === undefined) return { input: out, warnings };
  const attrs = attrsOf(el);
  const productNodes = children(el, `${prefix}:product`);
  if (productNodes.length > LIMITS.maxProducts) {
    return {
      reason: `sunset.products: ${productNodes.length} products, more than ${LIMITS.maxProducts}`,
      warnings,
    };
  }
  const products = productNodes.map((node, pi) => {
    const milestones = children(node, `${prefix}:milestone`).map((m) => {
      const a = attrsOf(m);
      const milestone: Record<string, unknown> = { action: a.action, at: a.at ?? null };
      if (a.action !== undefined && !isAction(a.action)) {
        // feed-format.md: an unknown action is shown as `retire`, the raw value kept.
        milestone.action = 'retire';
        milestone.rawAction = a.action;
      }
      if (a.previous !== undefined) milestone.previous = a.previous;
      const atMs = a.at !== undefined && isoProblem(a.at) === null ? Date.parse(a.at) : undefined;
      if (atMs !== undefined && (atMs < PLAUSIBLE.from || atMs >= PLAUSIBLE.to)) {
        // Kept as written (the publisher may mean it), but said out loud: 1900 or 9999 is more
        // likely a typo than a real cutoff, and a reminder for it would never or always be due.
        warnings.push(`sunset.products.${pi}: milestone at ${a.at} is implausibly far away; kept as written`);
      }
      return milestone;
    });
    const replacements = children(node, `${prefix}:replacement`).map((r) => {
      const replacement: Record<string, unknown> = { name: textOf(r) ?? '' };
      const href = attrsOf(r).href?.trim();
      if (href) {
        if (isHttpsUrl(href)) replacement.href = href;
        else
          warnings.push(
            `sunset.products.${pi}: replacement link ${JSON.stringify(href)} dropped: not https:`,
          );
      }
      return replacement;
    });
    return {
      name: attrsOf(node).name ?? '',
      aliases: children(node, `${prefix}:alias`).map((a) => textOf(a) ?? ''),
      milestones,
      replacements,
    };
  });
  const sunset: Record<string, unknown> = { kind: attrs.kind, updated: attrs.updated, products };
  if (attrs.platform !== undefined) sunset.platform = attrs.platform;
  if (attrs.area !== undefined) sunset.area = attrs.area;
  const grandfather = children(el, `${prefix}:grandfather`)[0];
  if (grandfather !== undefined) sunset.grandfather = textOf(grandfather) ?? '';
  out.sunset = sunset;
  return { input: out, warnings };
}

/** Every piece of text inside an xml2js node, depth first; markup itself is dropped. */
function flattenText(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(flattenText);
  if (node && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => (key === '$' ? [] : flattenText(value)));
  }
  return [];
}

/** Whether the element at `xpath` holds text the reader uses (never a structural element). */
function isTextField(xpath: string, prefix: string): boolean {
  const parts = xpath.split('/').slice(1);
  if (parts[0] !== 'rss' || parts[1] !== 'channel') return false;
  // channel/<field> and item/<field>: RSS's own text elements (title, link, guid, pubDate,
  // description, ttl…) and Dublin Core's, which rss-parser also reads; other namespaces' elements
  // (a foreign `sunset:notice` included) are no text we read.
  const rssText = (name: string) => !name.includes(':') || name.startsWith('dc:');
  if (parts.length === 3) return parts[2] !== 'item' && rssText(parts[2]!);
  if (parts[2] !== 'item') return false;
  if (parts.length === 4) return parts[3] !== `${prefix}:notice` && rssText(parts[3]!);
  if (parts[3] !== `${prefix}:notice`) return false;
  if (parts.length === 5) return parts[4] === `${prefix}:grandfather`;
  return (
    parts.length === 6 &&
    parts[4] === `${prefix}:product` &&
    (parts[5] === `${prefix}:alias` || parts[5] === `${prefix}:replacement`)
  );
}

/**
 * An xml2js `validator`: a text field that holds raw child elements (`<title><b>x</b></title>`,
 * `<description><p>…</p></description>`) is reduced to its plain text, attributes kept, before
 * rss-parser sees it. Without this rss-parser re-serialises such a description with xml2js's
 * XML builder, which the extension's worker build stubs out (utils/feed/worker-stubs.ts), and a
 * title object would reach `.trim()`: the whole feed failed with a misleading message. Text of
 * mixed content is kept in document order per level; markup never survives as markup.
 */
function markupFlattener(prefix: string, flattened: string[]) {
  return (xpath: string, _previous: unknown, node: unknown): unknown => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || !isTextField(xpath, prefix)) {
      return node;
    }
    const record = node as Record<string, unknown>;
    const hasChildren = Object.keys(record).some((key) => key !== '_' && key !== '$');
    if (!hasChildren && (typeof record._ === 'string' || !('_' in record))) {
      // Plain text with attributes; an attribute-only element gets empty text so that
      // rss-parser reads a string rather than reaching for the builder.
      return typeof record._ === 'string' ? node : { ...record, _: '' };
    }
    flattened.push(xpath.split('/').slice(-1)[0] ?? xpath);
    const text = flattenText(record).join(' ').replace(/\s+/g, ' ').trim();
    return record.$ ? { _: text, $: record.$ } : text;
  };
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/**
 * Parses a feed document. Throws an Error saying in words what is wrong when the document is
 * not an RSS 2.0 feed at all; otherwise returns what could be read, with reasons for the rest.
 */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  if (text.trim() === '') throw new Error('not an RSS feed: the document is empty');
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.maxBodyBytes) {
    throw new Error(`feed refused: ${bytes} bytes, over the ${LIMITS.maxBodyBytes}-byte limit`);
  }
  const root = rootElementName(text);
  if (root === undefined) {
    throw new Error(`not an RSS feed: not XML (starts with ${JSON.stringify(text.trim().slice(0, 20))})`);
  }
  if (root !== 'rss') throw new Error(`not an RSS feed: root element is <${root}>`);
  const version = /<rss\b[^>]*\bversion\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (version !== undefined && !version.startsWith('2')) {
    throw new Error(`not an RSS 2.0 feed: <rss version="${version}">`);
  }
  if (!/<channel[\s>]/.test(text)) throw new Error('not an RSS feed: <rss> has no <channel>');

  const prefix = sunsetPrefix(text);
  const flattened: string[] = [];
  const parser: Parser<{ ttl?: string }, RawItem> = new Parser({
    defaultRSS: 2,
    xml2js: { validator: markupFlattener(prefix, flattened) },
    customFields: {
      feed: ['ttl'],
      item: [
        ['guid', 'rawGuid'],
        ['description', 'rawDescription'],
        [`${prefix}:notice`, 'sunsetNotice'],
      ],
    },
  });
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(text);
  } catch (error) {
    throw new Error(`not a well-formed RSS document: ${describeParseError(error)}`, { cause: error });
  }

  const warnings: string[] = [];
  if (flattened.length > 0) {
    const fields = [...new Set(flattened)].join(', ');
    warnings.push(`markup in ${flattened.length} text field(s) (${fields}) kept as plain text`);
  }
  const skipped: SkippedItem[] = [];
  let items = feed.items;
  if (items.length > LIMITS.maxItems) {
    // Keep the newest by pubDate; an undated item sorts last.
    const epoch = (item: RawItem) => {
      const iso = item.pubDate ? pubDateToIso(item.pubDate) : undefined;
      return iso ? Date.parse(iso) : -Infinity;
    };
    const sorted = items.map((item, index) => ({ item, index, at: epoch(item) }));
    sorted.sort((a, b) => b.at - a.at || a.index - b.index);
    const keep = new Set(sorted.slice(0, LIMITS.maxItems).map((s) => s.index));
    warnings.push(`${items.length} items, more than ${LIMITS.maxItems}: kept the newest ${LIMITS.maxItems}`);
    items = items.filter((_, index) => keep.has(index));
  }

  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const mapped = mapItem(item, prefix);
    const label = (mapped.input?.guid as string | undefined) ?? item.title ?? '(untitled item)';
    warnings.push(...mapped.warnings.map((w) => `item ${label}: ${w}`));
    const skip = (reason: string) => {
      const entry: SkippedItem = { reason };
      const guid = mapped.input?.guid ?? textOf(item.rawGuid);
      if (typeof guid === 'string') entry.guid = guid;
      if (item.title !== undefined) entry.title = item.title;
      skipped.push(entry);
    };
    if (!mapped.input) {
      skip(mapped.reason ?? 'unreadable item');
      continue;
    }
    const input = cutLongStrings(mapped.input, '', (field) =>
      warnings.push(`item ${label}: ${field} cut to ${LIMITS.maxString} characters`),
    );
    const result = validateNotice(input);
    if (!result.ok) {
      skip(formatErrors(result.errors));
      continue;
    }
    if (seen.has(result.value.guid)) {
      skip(`guid: duplicate guid ${JSON.stringify(result.value.guid)} in this feed (first one kept)`);
      continue;
    }
    seen.add(result.value.guid);
    notices.push(result.value);
  }

  const channel: ParsedFeed['channel'] = { title: feed.title?.trim() ?? '' };
  if (feed.link) channel.link = feed.link.trim();
  if (feed.ttl !== undefined) {
    const ttl = Number(String(feed.ttl).trim());
    if (Number.isInteger(ttl) && ttl >= 0) channel.ttl = ttl;
    else warnings.push(`channel ttl ${JSON.stringify(feed.ttl)} ignored: not a whole number of minutes`);
  }
  return { channel, notices, skipped, warnings };
}
