// The reader side of feed-format.md: feed text → validated notices. Runs in the extension's
// MV3 service worker, so it uses no Node API; the caller fetches the text and decides what to
// do with the result. Every item that cannot be used is skipped with a reason, never silently.
import { LIMITS, formatErrors, isHttpsUrl, isAction, validateNotice, type Notice } from '../notice/schema.ts';
import { BEIJING_OFFSET, isoProblem, toBeijingIso } from '../notice/time.ts';
import { fallbackGuid } from './identity.ts';
import { childrenNamed, elementText, firstChild, parseXmlTree, type XmlElement } from './xml-tree.ts';

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
/** How an ISO 8601 date starts; anything else is no ISO date. */
const ISO_START = /^\d{4}-/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An RSS pubDate as an ISO instant in the offset the feed wrote, so "Fri, 10 Feb 2023
 * 17:48:00 +0800" reads back as 2023-02-10T17:48:00+08:00. Other forms Date can read are
 * shown in Beijing time; undefined when it is no date at all.
 */
export function pubDateToIso(value: string): string | undefined {
  return readPubDate(value).iso;
}

/** `pubDateToIso`, also saying whether a bare local time was taken as Beijing time (to warn). */
function readPubDate(value: string): { iso: string | undefined; assumedBeijing?: true } {
  const trimmed = value.trim();
  // RSS's own form (RFC 822, "Fri, 10 Feb …") is the usual one: no ISO check for it.
  const problem = ISO_START.test(trimmed) ? isoProblem(trimmed) : 'not-a-date';
  if (problem === null) return { iso: trimmed };
  if (problem === 'missing-offset') {
    // A bare local time would otherwise be read in whatever zone the reader's machine is in;
    // 1688 notices are in Beijing time (feed-format.md "Time"). The caller warns.
    const [date, time = '00:00:00'] = trimmed.split('T');
    const iso = `${date}T${time.length === 5 ? `${time}:00` : time}${BEIJING_OFFSET}`;
    return isoProblem(iso) === null ? { iso, assumedBeijing: true } : { iso: undefined };
  }
  return { iso: rfc822OrDateParse(trimmed) };
}

/** RSS's RFC 822 form in the offset it names, else whatever Date reads, in Beijing time. */
function rfc822OrDateParse(trimmed: string): string | undefined {
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

/**
 * Cuts, in place, every string over the limit in what `mapItem` built (fresh objects and arrays
 * of its own), naming each field it cut. The path is only spelled out for a string it cuts.
 */
function cutLongStrings(
  container: Record<string, unknown> | unknown[],
  path: string,
  warn: (field: string) => void,
): void {
  const record = container as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'string') {
      if (value.length > LIMITS.maxString) {
        warn(path ? `${path}.${key}` : key);
        record[key] = value.slice(0, LIMITS.maxString);
      }
    } else if (value && typeof value === 'object') {
      cutLongStrings(value as Record<string, unknown>, path ? `${path}.${key}` : key, warn);
    }
  }
}

interface Mapped {
  /** The item's title and guid as written (for warnings and skip reasons). */
  rawTitle?: string;
  rawGuid?: string;
  input?: Record<string, unknown>;
  reason?: string;
  warnings: string[];
}

/** Reads text fields, noting the name of each that held markup (reduced to its text). */
type ReadText = (element: XmlElement | undefined) => string | undefined;

function textReader(flattened: string[]): ReadText {
  return (element) => {
    if (!element) return undefined;
    const { text, hadMarkup } = elementText(element);
    if (hadMarkup) flattened.push(element.name);
    return text;
  };
}

/** The first of `names` the element has, as text (`title`, then Dublin Core's `dc:title`). */
function field(parent: XmlElement, read: ReadText, ...names: string[]): string | undefined {
  for (const name of names) {
    const child = firstChild(parent, name);
    if (child) return read(child);
  }
  return undefined;
}

/** One <item> → the notice shape (unvalidated), applying the reader rules. */
function mapItem(item: XmlElement, prefix: string, read: ReadText): Mapped {
  const warnings: string[] = [];
  const rawTitle = field(item, read, 'title', 'dc:title');
  const rawGuid = field(item, read, 'guid');
  const title = rawTitle?.trim();
  const link = field(item, read, 'link')?.trim();
  const guid = rawGuid?.trim() || fallbackGuid(link, title);
  const mapped = (rest: { input?: Record<string, unknown>; reason?: string }): Mapped => ({
    ...rest,
    warnings,
    ...(rawTitle !== undefined ? { rawTitle } : {}),
    ...(rawGuid !== undefined ? { rawGuid } : {}),
  });
  const out: Record<string, unknown> = { guid, title };
  const pubDateText = field(item, read, 'pubDate');

  if (link) {
    if (isHttpsUrl(link)) out.link = link;
    else warnings.push(`link ${JSON.stringify(link)} dropped: not an https: link`);
  }
  if (pubDateText === undefined) return mapped({ reason: 'pubDate: is missing' });
  const { iso: pubDate, assumedBeijing } = readPubDate(pubDateText);
  if (!pubDate) return mapped({ reason: `pubDate: ${JSON.stringify(pubDateText)} is not a date` });
  out.pubDate = pubDate;
  if (assumedBeijing) {
    warnings.push(`pubDate ${JSON.stringify(pubDateText)} has no offset: read as Beijing time`);
  }

  // Plain text as written: no HTML is stripped or interpreted (escaped markup and CDATA stay
  // literal text). A description holding raw elements is reduced to their text.
  const description = field(item, read, 'description');
  if (description !== undefined && description.trim() !== '') out.description = description;

  const el = firstChild(item, `${prefix}:notice`);
  if (el === undefined) return mapped({ input: out });
  const attrs = el.attrs;
  const productNodes = childrenNamed(el, `${prefix}:product`);
  if (productNodes.length > LIMITS.maxProducts) {
    return mapped({
      reason: `sunset.products: ${productNodes.length} products, more than ${LIMITS.maxProducts}`,
    });
  }
  const products = productNodes.map((node, pi) => {
    const aliases = childrenNamed(node, `${prefix}:alias`).map((a) => read(a) ?? '');
    const milestones = childrenNamed(node, `${prefix}:milestone`).map((m) => {
      const a = m.attrs;
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
    const replacements = childrenNamed(node, `${prefix}:replacement`).map((r) => {
      const replacement: Record<string, unknown> = { name: read(r) ?? '' };
      const href = r.attrs.href?.trim();
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
      name: node.attrs.name ?? '',
      aliases,
      milestones,
      replacements,
    };
  });
  const sunset: Record<string, unknown> = { kind: attrs.kind, updated: attrs.updated, products };
  if (attrs.platform !== undefined) sunset.platform = attrs.platform;
  if (attrs.area !== undefined) sunset.area = attrs.area;
  const grandfather = firstChild(el, `${prefix}:grandfather`);
  if (grandfather !== undefined) sunset.grandfather = read(grandfather) ?? '';
  out.sunset = sunset;
  return mapped({ input: out });
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
  // A UTF-16 code unit is at most 3 bytes of UTF-8, so a short enough text needs no encoding
  // to know it is under the limit (the fetch already capped the body; this guards other callers).
  if (text.length * 3 > LIMITS.maxBodyBytes) {
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > LIMITS.maxBodyBytes) {
      throw new Error(`feed refused: ${bytes} bytes, over the ${LIMITS.maxBodyBytes}-byte limit`);
    }
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
  let rss: XmlElement;
  try {
    rss = parseXmlTree(text);
  } catch (error) {
    throw new Error(`not a well-formed RSS document: ${describeParseError(error)}`, { cause: error });
  }
  const channelElement = firstChild(rss, 'channel');
  if (!channelElement) throw new Error('not an RSS feed: <rss> has no <channel>');
  const flattened: string[] = [];
  const read = textReader(flattened);
  const warnings: string[] = [];
  const skipped: SkippedItem[] = [];

  const channel: ParsedFeed['channel'] = {
    title: field(channelElement, read, 'title', 'dc:title')?.trim() ?? '',
  };
  const channelLink = field(channelElement, read, 'link')?.trim();
  if (channelLink) channel.link = channelLink;
  const ttlText = field(channelElement, read, 'ttl');
  if (ttlText !== undefined) {
    const ttl = Number(ttlText.trim());
    if (Number.isInteger(ttl) && ttl >= 0) channel.ttl = ttl;
    else warnings.push(`channel ttl ${JSON.stringify(ttlText)} ignored: not a whole number of minutes`);
  }

  let items = childrenNamed(channelElement, 'item');
  if (items.length > LIMITS.maxItems) {
    // Keep the newest by pubDate; an undated item sorts last.
    const epoch = (item: XmlElement) => {
      const pub = firstChild(item, 'pubDate');
      const iso = pub ? pubDateToIso(elementText(pub).text) : undefined;
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
    const mapped = mapItem(item, prefix, read);
    const label = (mapped.input?.guid as string | undefined) ?? mapped.rawTitle ?? '(untitled item)';
    warnings.push(...mapped.warnings.map((w) => `item ${label}: ${w}`));
    const skip = (reason: string) => {
      const entry: SkippedItem = { reason };
      const guid = mapped.input?.guid ?? mapped.rawGuid;
      if (typeof guid === 'string') entry.guid = guid;
      if (mapped.rawTitle !== undefined) entry.title = mapped.rawTitle;
      skipped.push(entry);
    };
    if (!mapped.input) {
      skip(mapped.reason ?? 'unreadable item');
      continue;
    }
    const input = mapped.input;
    cutLongStrings(input, '', (field) =>
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

  if (flattened.length > 0) {
    const fields = [...new Set(flattened)].join(', ');
    warnings.unshift(`markup in ${flattened.length} text field(s) (${fields}) kept as plain text`);
  }
  return { channel, notices, skipped, warnings };
}
