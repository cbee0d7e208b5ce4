// What a capture starts from (issue 19 items 3–4): the text as read, the page's title, its
// address when it is https (feed-format.md: readers follow https links only) and its publish day
// (YYYY-MM-DD, Beijing). Validated wherever it crosses a boundary: a message, session storage.
// valibot alone, nothing of utils/notice/schema.ts: the message protocol imports this, and every
// content script imports the protocol (the backend one has a 20 kB budget).
import * as v from 'valibot';

/** The extractor's own limit (utils/extract MAX_INPUT_BYTES, 1 MiB): what it refuses is refused early. */
export const MAX_INPUT_CHARS = 1024 * 1024;

export const CaptureSourceSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_INPUT_CHARS)),
  title: v.pipe(v.string(), v.maxLength(4000)),
  link: v.optional(v.pipe(v.string(), v.url(), v.startsWith('https://', 'the link must be https'))),
  published: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/u, 'published must be YYYY-MM-DD')),
});

export type CaptureSource = v.InferOutput<typeof CaptureSourceSchema>;
