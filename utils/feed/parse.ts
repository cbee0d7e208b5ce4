// The reader side of feed-format.md: feed text → validated notices. Runs in the extension's
// MV3 service worker, so it uses no Node API; the caller fetches the text and decides what to
// do with the result. The XML is read by rss-parser (the design card's parser: xml2js over sax,
// strict XML, no DTD entities expanded), the `sunset:` elements through its custom fields.
//
// Bad input loses the smallest unit that is wrong, with a recorded reason (issue 17 item 1): a bad
// alias or replacement drops itself, a bad product drops the product (a notice left with none
// becomes a plain notice), a bad item drops the item; the rest of the feed is kept.
import Parser from 'rss-parser';
import {
  LIMITS,
  formatErrors,
  isHttpsUrl,
  isAction,
  validateNotice,
  type FieldError,
  type Notice,
} from '../notice/schema.ts';
import { BEIJING_OFFSET, isoProblem, toBeijingIso } from '../notice/time.ts';
import { fallbackGuid } from './identity.ts';
import { attr, childrenNamed, nestingDepth, nodeText, XML2JS_OPTIONS, type XmlNode } from './xml-nodes.ts';

export const SUNSET_NS = 'urn:sunset-watch:feed:1';
const DEFAULT_PREFIX = 'sunset';
/** Element levels an item's fields may nest (issue 17 item 3: 100,000 levels must cost a skip, not the feed). */
export const MAX_DEPTH = 64;

/** What a skip dropped: a whole item, or one part of a notice that was kept. */
export type SkippedUnit = 'item' | 'product' | 'alias' | 'replacement';

export interface SkippedItem {
  guid?: string;
  title?: string;
  /** Absent: the whole item (records written before issue 17 name no unit). */
  unit?: SkippedUnit;
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

/**
 * A DOCTYPE with an internal subset (`<!DOCTYPE rss [ … ]>`) is where entity declarations live.
 * sax expands none of them (it refuses the first use as an unknown entity), but that error names
 * a character, not the cause; this says what is refused and why, before anything is parsed.
 */
const INTERNAL_SUBSET = /<!DOCTYPE[^>[]*\[/i;

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
    const [date, time = '00:00:00'] = trimmed.split(/[Tt]/);
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

/**
 * xml2js would hand `description` to rss-parser's HTML helpers (content, contentSnippet, and an
 * XML writer for descriptions holding only elements). Our descriptions are plain text read as
 * such, so the element reaches rss-parser under another name and only our custom field reads it.
 */
const PLAIN_DESCRIPTION = 'sunset-reader:description';

/** rss-parser custom fields: each named element's nodes, as xml2js built them, under `x:<name>`. */
const raw = (name: string) => [name, `x:${name}`, { keepArray: true }];

type RawFields = Record<string, XmlNode[] | undefined>;

/** Reads text fields, noting the name of each that held markup (reduced to its text). */
interface Reader {
  (found: Found | undefined): string | undefined;
  flattened: string[];
}

function textReader(): Reader {
  const flattened: string[] = [];
  const read = (found: Found | undefined) => {
    if (!found) return undefined;
    const { text, hadMarkup } = nodeText(found.node);
    if (hadMarkup) flattened.push(found.name === PLAIN_DESCRIPTION ? 'description' : found.name);
    return text;
  };
  return Object.assign(read, { flattened });
}

/** An element and the name it was found under. */
interface Found {
  name: string;
  node: XmlNode;
}

/** The first of `names` the element has (`title`, then Dublin Core's `dc:title`). */
function first(fields: RawFields, ...names: string[]): Found | undefined {
  for (const name of names) {
    const node = fields[`x:${name}`]?.[0];
    if (node) return { name, node };
  }
  return undefined;
}

/** A child element found in document order (`$$`), under its own name. */
const found = (node: XmlNode): Found => ({ name: node['#name'] ?? '?', node });

interface Mapped {
  /** The item's title and guid as written (for warnings and skip reasons). */
  rawTitle?: string;
  rawGuid?: string;
  input?: Record<string, unknown>;
  reason?: string;
  warnings: string[];
}

/** The fields of an item that the reader reads (their depth is checked before anything else). */
const ITEM_FIELDS = ['title', 'dc:title', 'guid', 'link', 'pubDate', PLAIN_DESCRIPTION];

/** One <item> → the notice shape (unvalidated), applying the reader rules. */
function mapItem(fields: RawFields, prefix: string, read: Reader): Mapped {
  const warnings: string[] = [];
  // Depth first: nothing below reads a field nested past MAX_DEPTH.
  const tooDeep = [...ITEM_FIELDS, `${prefix}:notice`].find((name) => {
    const node = fields[`x:${name}`]?.[0];
    return node !== undefined && nestingDepth(node, MAX_DEPTH) > MAX_DEPTH;
  });
  const shallow = (...names: string[]) => first(fields, ...names.filter((name) => name !== tooDeep));
  const rawTitle = read(shallow('title', 'dc:title'));
  const rawGuid = read(shallow('guid'));
  const mapped = (rest: { input?: Record<string, unknown>; reason?: string }): Mapped => ({
    ...rest,
    warnings,
    ...(rawTitle !== undefined ? { rawTitle } : {}),
    ...(rawGuid !== undefined ? { rawGuid } : {}),
  });
  if (tooDeep !== undefined) {
    const label = tooDeep === PLAIN_DESCRIPTION ? 'description' : tooDeep;
    return mapped({ reason: `${label}: nested more than ${MAX_DEPTH} elements deep` });
  }
  const title = rawTitle?.trim();
  const link = read(first(fields, 'link'))?.trim();
  const guid = rawGuid?.trim() || fallbackGuid(link, title);
  const out: Record<string, unknown> = { guid, title };
  const pubDateText = read(first(fields, 'pubDate'));

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
  const description = read(first(fields, PLAIN_DESCRIPTION));
  if (description !== undefined && description.trim() !== '') out.description = description;

  const el = first(fields, `${prefix}:notice`)?.node;
  if (el === undefined) return mapped({ input: out });
  const productNodes = childrenNamed(el, `${prefix}:product`);
  if (productNodes.length > LIMITS.maxProducts) {
    return mapped({
      reason: `sunset.products: ${productNodes.length} products, more than ${LIMITS.maxProducts}`,
    });
  }
  const products = productNodes.map((node, pi) => {
    const aliases = childrenNamed(node, `${prefix}:alias`).map((a) => read(found(a)) ?? '');
    const milestones = childrenNamed(node, `${prefix}:milestone`).map((m) => {
      const action = attr(m, 'action');
      const at = attr(m, 'at');
      const previous = attr(m, 'previous');
      const milestone: Record<string, unknown> = { action, at: at ?? null };
      if (action !== undefined && !isAction(action)) {
        // feed-format.md: an unknown action is shown as `retire`, the raw value kept.
        milestone.action = 'retire';
        milestone.rawAction = action;
      }
      if (previous !== undefined) milestone.previous = previous;
      const atMs = at !== undefined && isoProblem(at) === null ? Date.parse(at) : undefined;
      if (atMs !== undefined && (atMs < PLAUSIBLE.from || atMs >= PLAUSIBLE.to)) {
        // Kept as written (the publisher may mean it), but said out loud: 1900 or 9999 is more
        // likely a typo than a real cutoff, and a reminder for it would never or always be due.
        warnings.push(`sunset.products.${pi}: milestone at ${at} is implausibly far away; kept as written`);
      }
      return milestone;
    });
    const replacements = childrenNamed(node, `${prefix}:replacement`).map((r) => {
      const replacement: Record<string, unknown> = { name: read(found(r)) ?? '' };
      const href = attr(r, 'href')?.trim();
      if (href) {
        if (isHttpsUrl(href)) replacement.href = href;
        else
          warnings.push(
            `sunset.products.${pi}: replacement link ${JSON.stringify(href)} dropped: not https:`,
          );
      }
      return replacement;
    });
    return { name: attr(node, 'name') ?? '', aliases, milestones, replacements };
  });
  const sunset: Record<string, unknown> = { kind: attr(el, 'kind'), updated: attr(el, 'updated'), products };
  for (const key of ['platform', 'area'] as const) {
    const value = attr(el, key);
    if (value !== undefined) sunset[key] = value;
  }
  const grandfather = childrenNamed(el, `${prefix}:grandfather`)[0];
  if (grandfather !== undefined) sunset.grandfather = read(found(grandfather)) ?? '';
  out.sunset = sunset;
  return mapped({ input: out });
}

/** Where an issue lies: `sunset.products.<p>[.aliases|.replacements.<i>]…`. */
const PART = /^sunset\.products\.(\d+)(?:\.(aliases|replacements)\.(\d+))?(?:\.|$)/;

interface Salvaged {
  notice?: Notice;
  /** Parts dropped, each with its reason; when `notice` is undefined the last one is the item's. */
  dropped: { unit: SkippedUnit; reason: string }[];
}

/**
 * Validates an item's notice, and when that fails drops the smallest units the problems lie in
 * and validates again: an alias or a replacement on its own, a product for anything else in it
 * (its name, a milestone). A notice whose every product went is kept as a plain notice; a problem
 * outside the products (guid, title, kind, updated…) drops the item.
 */
function salvage(input: Record<string, unknown>): Salvaged {
  const dropped: Salvaged['dropped'] = [];
  let result = validateNotice(input);
  if (result.ok) return { notice: result.value, dropped };
  const sunset = input.sunset as { products: Record<string, unknown>[] } | undefined;
  const outside: FieldError[] = [];
  const badProducts = new Map<number, FieldError[]>();
  const badMembers = new Map<string, FieldError[]>();
  for (const error of result.errors) {
    const m = PART.exec(error.field);
    if (!m || !sunset) outside.push(error);
    else if (m[2])
      badMembers.set(`${m[1]}.${m[2]}.${m[3]}`, [
        ...(badMembers.get(`${m[1]}.${m[2]}.${m[3]}`) ?? []),
        error,
      ]);
    else badProducts.set(Number(m[1]), [...(badProducts.get(Number(m[1])) ?? []), error]);
  }
  if (outside.length > 0 || !sunset)
    return { dropped: [{ unit: 'item', reason: formatErrors(result.errors) }] };
  const name = (p: number) => {
    const value = sunset.products[p]?.name;
    return typeof value === 'string' && value.trim() ? ` (${value.trim()})` : '';
  };
  // Members first, by descending index so earlier indexes stay valid while splicing.
  for (const key of [...badMembers.keys()].sort(
    (a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]),
  )) {
    const [p, list, i] = key.split('.') as [string, 'aliases' | 'replacements', string];
    if (badProducts.has(Number(p))) continue;
    (sunset.products[Number(p)]![list] as unknown[]).splice(Number(i), 1);
    dropped.push({
      unit: list === 'aliases' ? 'alias' : 'replacement',
      reason: `sunset.products.${p}${name(Number(p))}: ${list === 'aliases' ? 'alias' : 'replacement'} dropped: ${formatErrors(badMembers.get(key)!)}`,
    });
  }
  for (const p of [...badProducts.keys()].sort((a, b) => b - a)) {
    dropped.push({
      unit: 'product',
      reason: `sunset.products.${p}${name(p)}: product dropped: ${formatErrors(badProducts.get(p)!)}`,
    });
    sunset.products.splice(p, 1);
  }
  if (badProducts.size > 0 && sunset.products.length === 0) {
    // feed-format.md: a notice left without products is kept as a plain notice.
    delete input.sunset;
  }
  result = validateNotice(input);
  if (!result.ok) return { dropped: [...dropped, { unit: 'item', reason: formatErrors(result.errors) }] };
  return { notice: result.value, dropped };
}

/** sax's message ("Invalid character entity\nLine: 0\nColumn: 83\nChar: ;") as `1:83: …`. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [what, ...rest] = message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join('\n'))?.[1];
  const column = /Column: (\d+)/.exec(rest.join('\n'))?.[1];
  return line !== undefined && column !== undefined
    ? `${Number(line) + 1}:${column}: ${what}`
    : (what ?? message);
}

type RawFeed = RawFields & { items: RawFields[] };

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
  if (INTERNAL_SUBSET.test(text)) {
    throw new Error(
      'feed refused: it declares a DTD internal subset (entity declarations are never expanded)',
    );
  }

  const prefix = sunsetPrefix(text);
  const parser = new Parser({
    defaultRSS: 2,
    xml2js: {
      ...XML2JS_OPTIONS,
      tagNameProcessors: [(name: string) => (name === 'description' ? PLAIN_DESCRIPTION : name)],
    },
    customFields: {
      // rss-parser's typings allow only names for the channel; it takes the same arrays as for items.
      feed: ['title', 'dc:title', 'link', 'ttl'].map(raw) as never[],
      item: [...ITEM_FIELDS, `${prefix}:notice`].map(raw) as never[],
    },
  });
  let feed: RawFeed;
  try {
    feed = (await parser.parseString(
      text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    )) as unknown as RawFeed;
  } catch (error) {
    throw new Error(`not a well-formed RSS document: ${describeParseError(error)}`, { cause: error });
  }
  const read = textReader();
  const warnings: string[] = [];
  const skipped: SkippedItem[] = [];

  const channel: ParsedFeed['channel'] = { title: read(first(feed, 'title', 'dc:title'))?.trim() ?? '' };
  const channelLink = read(first(feed, 'link'))?.trim();
  if (channelLink) channel.link = channelLink;
  const ttlText = read(first(feed, 'ttl'));
  if (ttlText !== undefined) {
    const ttl = Number(ttlText.trim());
    if (Number.isInteger(ttl) && ttl >= 0) channel.ttl = ttl;
    else warnings.push(`channel ttl ${JSON.stringify(ttlText)} ignored: not a whole number of minutes`);
  }

  let items = feed.items;
  if (items.length > LIMITS.maxItems) {
    // Keep the newest by pubDate; an undated item sorts last.
    const epoch = (item: RawFields) => {
      const pub = first(item, 'pubDate');
      const iso = pub ? pubDateToIso(nodeText(pub.node).text) : undefined;
      return iso ? Date.parse(iso) : -Infinity;
    };
    const sorted = items.map((item, index) => ({ index, at: epoch(item) }));
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
    const skip = (reason: string, unit: SkippedUnit = 'item') => {
      const entry: SkippedItem = { reason };
      if (unit !== 'item') entry.unit = unit;
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
    const { notice, dropped } = salvage(input);
    for (const part of dropped) skip(part.reason, part.unit);
    if (!notice) continue;
    if (seen.has(notice.guid)) {
      skip(`guid: duplicate guid ${JSON.stringify(notice.guid)} in this feed (first one kept)`);
      continue;
    }
    seen.add(notice.guid);
    notices.push(notice);
  }

  if (read.flattened.length > 0) {
    const fields = [...new Set(read.flattened)].join(', ');
    warnings.unshift(`markup in ${read.flattened.length} text field(s) (${fields}) kept as plain text`);
  }
  return { channel, notices, skipped, warnings };
}
