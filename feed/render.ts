// What `feed serve` sends and `feed build` writes, computed once per set of notices: the
// feed, the calendar, and their compressed forms. Shared so that both are byte-identical.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import etag from 'etag';
import type { Notice } from '../utils/notice/schema.ts';
import { milestoneEvents } from '../utils/calendar/events.ts';
import { buildCalendar } from '../utils/calendar/ics.ts';
import { DEMO_TITLE_SUFFIX, demoNotices } from './demo.ts';
import { DEFAULT_CHANNEL, buildFeedXml, type ChannelOptions } from './xml.ts';

export const CALENDAR_NAME = 'Sunset Watch：1688 数字营销下线日程';

export interface RenderOptions {
  /** Shift dates into the coming days (`--demo`); needs `now`. */
  demo?: boolean;
  now?: number;
  channel?: Partial<ChannelOptions>;
}

export interface RenderedFiles {
  'feed.xml': string;
  'calendar.ics': string;
}

export function renderFiles(notices: readonly Notice[], options: RenderOptions = {}): RenderedFiles {
  const channel: ChannelOptions = { ...DEFAULT_CHANNEL, ...options.channel };
  let list = notices;
  let calendarName = CALENDAR_NAME;
  if (options.demo) {
    list = demoNotices(notices, options.now ?? Date.now());
    channel.title += DEMO_TITLE_SUFFIX;
    calendarName += DEMO_TITLE_SUFFIX;
  }
  return {
    'feed.xml': buildFeedXml(list, channel),
    'calendar.ics': buildCalendar(milestoneEvents(list), { name: calendarName }),
  };
}

export const CONTENT_TYPES: Record<keyof RenderedFiles, string> = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'calendar.ics': 'text/calendar; charset=utf-8',
};

export type Coding = 'br' | 'gzip' | 'identity';

export interface Variant {
  body: Buffer;
  etag: string;
}

export interface Representation {
  type: string;
  /** identity always; br and gzip when they are smaller than the plain body. */
  variants: Partial<Record<Coding, Variant>> & { identity: Variant };
}

/** Compresses once, at the highest levels: the files are small and change rarely. */
export function represent(text: string, type: string): Representation {
  const body = Buffer.from(text, 'utf8');
  const variants: Representation['variants'] = { identity: { body, etag: etag(body) } };
  // gzip from node:zlib writes mtime 0, so the bytes depend on the input alone.
  const gz = gzipSync(body, { level: 9 });
  if (gz.length < body.length) variants.gzip = { body: gz, etag: etag(gz) };
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  if (br.length < body.length) variants.br = { body: br, etag: etag(br) };
  return { type, variants };
}

export function representAll(files: RenderedFiles): Record<keyof RenderedFiles, Representation> {
  return {
    'feed.xml': represent(files['feed.xml'], CONTENT_TYPES['feed.xml']),
    'calendar.ics': represent(files['calendar.ics'], CONTENT_TYPES['calendar.ics']),
  };
}
