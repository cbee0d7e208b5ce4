// The labelled corpus of real announcements (test/fixtures/announcements, issues 6 and 19) and
// the per-field scoring the accuracy test reports.
//
// Issue 19 splits it once by a hash of the file name: a third of the files added since issue 6
// is held back in held-back/, labelled before the extractor ever ran on it, and never used to
// tune a rule. The 48 files of issue 6 (legacy.txt) were tuned on, so they always train.
// `loadCorpus()` alone gives the training part: the fuzz and CLI tests draw texts from it, and
// nothing that reads held-back texts should be one call away.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { parse } from 'yaml';
import { KINDS } from '../../../utils/notice/schema.ts';
import { cutoffDay } from '../../../utils/extract/extract.ts';
import { GLOSS } from '../../../utils/extract/text.ts';
import type { Extraction } from '../../../utils/extract/schema.ts';

export const CORPUS_DIR = join(import.meta.dirname, '../../fixtures/announcements');
export const HELD_BACK_DIR = join(CORPUS_DIR, 'held-back');
/** The issue 6 files, one name a line: training whatever their hash says. */
export const LEGACY_LIST = join(CORPUS_DIR, 'legacy.txt');

export type Part = 'training' | 'held-back';

/** The split: sha256 of the file's base name (with `.yaml`); first byte % 3 === 0 is held back. */
export function hashSaysHeldBack(file: string): boolean {
  return createHash('sha256').update(file, 'utf8').digest()[0]! % 3 === 0;
}

export function legacyNames(): string[] {
  return readFileSync(LEGACY_LIST, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Where a file belongs: legacy files train, the others go where their hash says. */
export function partOf(file: string, legacy: readonly string[] = legacyNames()): Part {
  return !legacy.includes(file) && hashSaysHeldBack(file) ? 'held-back' : 'training';
}

const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real day'),
);

const Expected = v.pipe(
  v.object({
    kind: v.picklist(KINDS),
    cutoff: v.nullable(Day),
    /** Every day the text names as a milestone (stop, offline, effective, deadline to act), sorted. */
    milestones: v.array(Day),
    products: v.array(v.string()),
    replacements: v.array(v.string()),
    grandfather: v.optional(v.boolean()),
  }),
  v.check(
    (e) => (e.cutoff === null ? e.milestones.length === 0 : e.milestones.includes(e.cutoff)),
    'cutoff must be one of the milestones, and null exactly when there are none',
  ),
  v.check(
    (e) => e.milestones.every((d, i) => i === 0 || e.milestones[i - 1]! < d),
    'milestones must be sorted and distinct',
  ),
);

export const FixtureSchema = v.object({
  publisher: v.pipe(v.string(), v.minLength(2)),
  source: v.pipe(v.string(), v.startsWith('https://')),
  published: Day,
  published_note: v.optional(v.string()),
  /** The script the text is written in (traditional texts come from Taiwan and Hong Kong). */
  lang: v.picklist(['zh-Hans', 'zh-Hant']),
  text: v.pipe(v.string(), v.minLength(10)),
  expected: Expected,
});
export type Fixture = v.InferOutput<typeof FixtureSchema> & { file: string; part: Part };

export function corpusFiles(part: Part): string[] {
  return readdirSync(part === 'training' ? CORPUS_DIR : HELD_BACK_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function loadCorpus(part: Part = 'training'): Fixture[] {
  const dir = part === 'training' ? CORPUS_DIR : HELD_BACK_DIR;
  return corpusFiles(part).map((file) => {
    // yaml reads unquoted YYYY-MM-DD as a string under the core schema (no timestamp tag).
    const raw: unknown = parse(readFileSync(join(dir, file), 'utf8'));
    const checked = v.safeParse(FixtureSchema, raw);
    if (!checked.success) {
      const issue = checked.issues[0];
      const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
      throw new Error(`${part}/${file}: ${path} ${issue?.message ?? ''}`);
    }
    return { ...checked.output, file, part };
  });
}

// A repost's reading glosses (網(wǎng)易相冊) are no part of a name, in a label or in the output.
const norm = (s: string) =>
  s
    .replace(GLOSS, '')
    .replace(/[\s“”"「」【】《》]/gu, '')
    .toLowerCase();

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

/**
 * The days the extractor took as milestones (Beijing days of every dated milestone), distinct and
 * sorted. The one place that knows where the result keeps its milestones.
 */
export function milestoneDays(result: Extraction): string[] {
  const days = result.milestones.flatMap((m) => (m.at === null ? [] : [m.at.slice(0, 10)]));
  return [...new Set(days)].sort();
}

export interface Score {
  file: string;
  cutoff: boolean;
  /** Days taken as milestones, and those of them the text names as no milestone. */
  taken: string[];
  notMilestones: string[];
  /** Labelled milestone days the extractor found. */
  milestonesFound: number;
  /** For a notice the label leaves undated: whether the extractor took no date either. */
  undated: boolean | null;
  products: boolean;
  replacements: boolean;
  kind: boolean;
  grandfather: boolean;
  got: {
    cutoff: string | null;
    milestones: string[];
    products: string[];
    replacements: string[];
    kind: string;
  };
}

export function score(fixture: Fixture, result: Extraction): Score {
  const cutoff = cutoffDay(result);
  const taken = milestoneDays(result);
  const expected = fixture.expected;
  return {
    file: fixture.file,
    cutoff: cutoff === expected.cutoff,
    taken,
    notMilestones: taken.filter((d) => !expected.milestones.includes(d)),
    milestonesFound: expected.milestones.filter((d) => taken.includes(d)).length,
    undated: expected.cutoff === null ? taken.length === 0 : null,
    products: namesMatch(expected.products, result.products),
    replacements: namesMatch(expected.replacements, result.replacements),
    kind: result.kind === expected.kind,
    grandfather: expected.grandfather === undefined || expected.grandfather === (result.grandfather !== null),
    got: {
      cutoff,
      milestones: taken,
      products: result.products,
      replacements: result.replacements,
      kind: result.kind,
    },
  };
}

export interface Figures {
  announcements: number;
  /** Share of notices whose cutoff day is right. */
  cutoff: number;
  /** Days taken that the text names as no milestone, over all days taken. */
  notMilestoneTaken: number;
  takenDays: number;
  /** Labelled milestone days found, over all labelled milestone days (reported, no floor). */
  milestoneRecall: number;
  /** Undated notices the extractor left undated, over undated notices. */
  undatedLeftUndated: number;
  undatedNotices: number;
  products: number;
  replacements: number;
  kind: number;
  grandfather: number;
}

export function figures(fixtures: Fixture[], scores: Score[]): Figures {
  const n = scores.length;
  const share = (pick: (s: Score) => boolean) => (n === 0 ? 0 : scores.filter(pick).length / n);
  const taken = scores.reduce((sum, s) => sum + s.taken.length, 0);
  const wrong = scores.reduce((sum, s) => sum + s.notMilestones.length, 0);
  const labelled = fixtures.reduce((sum, f) => sum + f.expected.milestones.length, 0);
  const found = scores.reduce((sum, s) => sum + s.milestonesFound, 0);
  const undated = scores.filter((s) => s.undated !== null);
  return {
    announcements: n,
    cutoff: share((s) => s.cutoff),
    notMilestoneTaken: taken === 0 ? 0 : wrong / taken,
    takenDays: taken,
    milestoneRecall: labelled === 0 ? 1 : found / labelled,
    undatedLeftUndated: undated.length === 0 ? 1 : undated.filter((s) => s.undated).length / undated.length,
    undatedNotices: undated.length,
    products: share((s) => s.products),
    replacements: share((s) => s.replacements),
    kind: share((s) => s.kind),
    grandfather: share((s) => s.grandfather),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function formatFigures(part: Part, f: Figures): string {
  return (
    `${part} (${f.announcements} announcements): cutoff day ${pct(f.cutoff)}, ` +
    `dates that are no milestone taken ${pct(f.notMilestoneTaken)} of ${f.takenDays} days taken, ` +
    `milestone days found ${pct(f.milestoneRecall)}, ` +
    `undated left undated ${pct(f.undatedLeftUndated)} of ${f.undatedNotices}, ` +
    `products ${pct(f.products)}, replacements ${pct(f.replacements)}, ` +
    `kind ${pct(f.kind)}, grandfather ${pct(f.grandfather)}`
  );
}
