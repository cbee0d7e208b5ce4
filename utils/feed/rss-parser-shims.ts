// Build-time stand-ins for what rss-parser and its xml2js/sax stack `require` but never use when
// handed text to parse, so the worker bundle carries the parser and not Node's network stack or
// an XML writer (wxt.config.ts aliases these names here; issue 17 item 7):
// - http, https, url: rss-parser's parseURL (we fetch ourselves: utils/feed/fetch-feed.ts);
// - xmlbuilder: xml2js's XML writer (Builder), which rss-parser calls only for a description made
//   of elements, and parse.ts renames `description` so that rss-parser never sees one;
// - timers: xml2js's async mode (off); stream: sax's streaming API (unused);
// - entities: its HTML tables, for rss-parser's `contentSnippet`, which nothing reads.
// Unit tests run the real modules in Node; test/unit/reliability/worker-build.test.ts runs the
// reader as bundled with these, on every fixture, and compares.
export class Stream {}

export function setImmediate(callback: () => void): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0);
}

export function create(): never {
  throw new Error('xmlbuilder is not bundled: the extension never writes XML');
}

export function decodeHTML(text: string): string {
  return text;
}

export default {};
