// The extractor as capture uses it (issue 19 items 3–4): the one import of utils/extract in the
// extension, so that it is bundled only where this module is imported (the capture script on
// rule.1688.com and the review page; test/e2e/bundle-budget.e2e.test.ts checks the others).
import { extractAnnouncement } from '../extract/extract.ts';
import type { Extraction } from '../extract/schema.ts';
import type { Notice } from '../notice/schema.ts';
import { draftNotice, isRetirement } from './draft.ts';
import type { CaptureSource } from './source.ts';

export type { Extraction };

export type Captured =
  { ok: true; extraction: Extraction; notice: Notice; retirement: boolean } | { ok: false; error: string };

/**
 * Reads a source's text: the extraction, the notice it makes (guid and clock given) and whether
 * it is a retirement the capture offer is for. Never throws (the extractor returns its errors).
 */
export function capture(source: CaptureSource, meta: { guid: string; now: number }): Captured {
  const result = extractAnnouncement(source.text, source.published);
  if (!result.ok) return { ok: false, error: result.error };
  return {
    ok: true,
    extraction: result.value,
    notice: draftNotice(result.value, source, meta),
    retirement: isRetirement(result.value),
  };
}
