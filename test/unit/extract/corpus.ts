// The labelled corpus of real announcements (test/fixtures/announcements, issue 6) and the
// per-field scoring the accuracy test reports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { KINDS } from '../../../utils/notice/schema.ts';
import { cutoffDay } from '../../../utils/extract/extract.ts';
import type { Extraction } from '../../../utils/extract/schema.ts';

export const CORPUS_DIR = join(import.meta.dirname, '../../fixtures/announcements');

const Day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
export const FixtureSchema = v.object({
  publisher: v.pipe(v.string(), v.minLength(2)),
  source: v.pipe(v.string(), v.startsWith('https://')),
  published: Day,
  published_note: v.optional(v.string()),
  text: v.pipe(v.string(), v.minLength(10)),
  expected: v.object({
    kind: v.picklist(KINDS),
    cutoff: v.nullable(Day),
    products: v.array(v.string()),
    replacements: v.array(v.string()),
    grandfather: v.optional(v.boolean()),
  }),
});
export type Fixture = v.InferOutput<typeof FixtureSchema> & { file: string };

export function loadCorpus(): Fixture[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      // yaml reads unquoted YYYY-MM-DD as a string under the core schema (no timestamp tag).
      const raw: unknown = parse(readFileSync(join(CORPUS_DIR, file), 'utf8'));
      return { ...v.parse(FixtureSchema, raw), file };
    });
}

const norm = (s: string) => s.replace(/[\s“”"「」【】《》]/gu, '').toLowerCase();

/**
 * Names match when one contains the other once spaces and quotes are dropped: labels name a
 * product the way a person would ("API 网关"), the text may add a qualifier ("API 网关产品").
 * Every expected name must be found, and every extracted name must match an expected one.
 */
export function namesMatch(expected: string[], actual: string[]): boolean {
  const e = expected.map(norm);
  const a = actual.map(norm);
  const hit = (x: string, y: string) => x.includes(y) || y.includes(x);
  return e.every((x) => a.some((y) => hit(x, y))) && a.every((y) => e.some((x) => hit(x, y)));
}

export interface Score {
  file: string;
  cutoff: boolean;
  products: boolean;
  replacements: boolean;
  kind: boolean;
  grandfather: boolean;
  got: { cutoff: string | null; products: string[]; replacements: string[]; kind: string };
}

export function score(fixture: Fixture, result: Extraction): Score {
  const cutoff = cutoffDay(result);
  return {
    file: fixture.file,
    cutoff: cutoff === fixture.expected.cutoff,
    products: namesMatch(fixture.expected.products, result.products),
    replacements: namesMatch(fixture.expected.replacements, result.replacements),
    kind: result.kind === fixture.expected.kind,
    grandfather:
      fixture.expected.grandfather === undefined ||
      fixture.expected.grandfather === (result.grandfather !== null),
    got: { cutoff, products: result.products, replacements: result.replacements, kind: result.kind },
  };
}
