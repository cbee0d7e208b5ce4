// Turning bytes into announcement text, with the refusals `feed extract` promises (issue 6):
// empty, binary and oversized input get one clear reason. Browser-safe (TextDecoder only).
import { MAX_INPUT_BYTES } from './extract.ts';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Decodes UTF-8 (with or without BOM), falling back to GB18030 as feed-format.md allows for feeds. */
export function decodeAnnouncement(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'the input is empty' };
  if (bytes.length > MAX_INPUT_BYTES) {
    return {
      ok: false,
      error: `the input is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} (1 MiB)`,
    };
  }
  if (bytes.includes(0))
    return { ok: false, error: 'the input looks binary (it contains NUL bytes), not announcement text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: 'the input is neither UTF-8 nor GB18030 text' };
    }
  }
  text = text.replace(/^\uFEFF/u, '');
  // Control characters other than tab and line breaks, and U+FFFD (undecodable bytes).
  let controls = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      code === 0x7f ||
      code === 0xfffd
    ) {
      controls++;
    }
  }
  if (controls > Math.max(2, text.length / 100)) {
    return { ok: false, error: 'the input looks binary (many control characters), not announcement text' };
  }
  if (text.trim() === '') return { ok: false, error: 'the input is empty (only whitespace)' };
  return { ok: true, text };
}
