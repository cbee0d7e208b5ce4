// The polling benchmark's rss-parser baseline runs in the service worker (bench/poll.ts bundles
// it with Vite); these build-time stand-ins replace Node modules that rss-parser and its
// xml2js/sax dependencies require but never use when they are handed text to parse:
// http/https/url (rss-parser's parseURL), xmlbuilder (xml2js's XML writer), timers (xml2js's
// async mode), stream (sax's streaming API). Bundling the real ones would only bloat the worker.
export class Stream {}

export function setImmediate(callback: () => void): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0);
}

export function create(): never {
  throw new Error('xmlbuilder is not bundled: the extension never writes XML');
}

export default {};

/**
 * Stands in for the `entities` package, whose full HTML entity tables are large: rss-parser
 * uses it only for `contentSnippet`, which we never read (descriptions stay plain text).
 */
export function decodeHTML(text: string): string {
  return text;
}
