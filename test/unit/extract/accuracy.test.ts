// Accuracy of the extractor over the labelled corpus of real announcements (issue 19, part 2):
// per-field figures printed for both parts; the floors apply to the held-back part only, the
// part no rule was tuned on. Misses are listed for the training part only: a list of held-back
// misses would be a list of what to tune next.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractAnnouncement } from '../../../utils/extract/extract.ts';
import {
  CORPUS_DIR,
  corpusFiles,
  figures,
  formatFigures,
  HELD_BACK_DIR,
  legacyNames,
  loadCorpus,
  partOf,
  score,
  type Fixture,
  type Part,
} from './corpus.ts';

/** Issue 19's floors for the held-back part. */
const FLOORS = {
  cutoff: 0.95,
  notMilestoneTaken: 0.02,
  undatedLeftUndated: 1,
  products: 0.85,
  replacements: 0.85,
} as const;

/**
 * What the held-back part measured, far below the floors, so issue 19 stays open. CI cannot be held
 * red on a goal not yet reached, and the held-back part must not become a tuning target either; so
 * this test prints each floor's verdict (MET / NOT MET) and fails only when the extractor gets worse
 * than this. Raise a figure here when a change made on the training part lifts the held-back one;
 * never lower it for the same files. The floors are unchanged: they are what done means.
 *
 * History. 41 files: first scored at fdbcf4f (cutoff 28/41, 9 of 39 days taken no milestone), then
 * 30/41 and 9 of 42 at 41b5157 (2026-12-02). On 2026-12-03 nine more batches were labelled
 * (74 held-back files, each before any extractor ran on it) and the extractor was changed on the
 * training part only, each batch's training files measured before any change was made for them;
 * the held-back part was scored once, at the end, for the code before (bbd7041) and after:
 *   bbd7041, 115 files: cutoff 74/115, 36 of 125 days taken no milestone, undated 22/27,
 *     products 54/115, replacements 63/115 (the original 41: 30, 9 of 42, 8/11, 21, 25);
 *   71e23ce, 115 files: cutoff 78/115, 29 of 120, 23/27, products 55/115, replacements 62/115
 *     (the original 41: 31, 7 of 40, 9/11, 21, 21).
 * On 2026-12-04 six more batches brought 47 held-back files (labelled the same way), and the
 * extractor was changed on the training part only; the held-back part was scored once, at the end:
 *   71e23ce, 162 files: cutoff 112/162, 37 of 157, undated 39/46, products 77/162, replacements 99/162
 *     (the 115: 78, 29 of 120, 23/27, 55, 62; the 47 new: 34, 8 of 37, 16/19, 22, 37);
 *   e513219, 162 files: cutoff 116/162, 39 of 173, undated 38/46, products 78/162,
 *     replacements 97/162 (the 115: 81, 30 of 133, 23/27, 54, 61; the 47 new: 35, 9 of 40, 15/19,
 *     24, 36). One undated notice and two replacements fewer than 71e23ce: recorded as measured,
 *     not tuned back on held-back texts;
 *   this code (the same, less the days a notice's main action only stood in for), 162 files:
 *     cutoff 116/162, 38 of 169, undated 38/46, products 78/162, replacements 97/162.
 */
const HELD_BACK_MEASURED = {
  cutoff: 116 / 162,
  notMilestoneTaken: 38 / 169,
  undatedLeftUndated: 38 / 46,
  products: 78 / 162,
  replacements: 97 / 162,
} as const;

type Field = keyof typeof FLOORS;
/** Lower is better for dates taken that are no milestone; higher for everything else. */
const atLeast = (field: Field, value: number, bar: number) =>
  field === 'notMilestoneTaken' ? value <= bar + 1e-9 : value >= bar - 1e-9;

describe('corpus files: split and labels', () => {
  const legacy = legacyNames();

  it('keeps the 48 issue 6 files in the training part', () => {
    expect(new Set(legacy).size).toBe(48);
    expect(corpusFiles('training')).toEqual(expect.arrayContaining(legacy));
    expect(corpusFiles('held-back').filter((f) => legacy.includes(f))).toEqual([]);
  });

  it('holds every other file in the directory its name hash says', () => {
    const misplaced = (['training', 'held-back'] as Part[]).flatMap((part) =>
      corpusFiles(part)
        .filter((f) => partOf(f, legacy) !== part)
        .map((f) => `${part}/${f}`),
    );
    expect(misplaced).toEqual([]);
    // Nothing but the labelled files (and the held-back directory) lives beside them.
    const stray = [
      ...readdirSync(CORPUS_DIR).filter((f) => !/\.yaml$|^README\.md$|^legacy\.txt$|^held-back$/.test(f)),
      ...readdirSync(HELD_BACK_DIR).filter((f) => !f.endsWith('.yaml')),
    ];
    expect(stray).toEqual([]);
  });

  it('holds at least 553 labelled announcements, a third of the new ones held back, none twice', () => {
    const all = [...loadCorpus('training'), ...loadCorpus('held-back')];
    expect(all.length).toBeGreaterThanOrEqual(553);
    const added = all.length - legacy.length;
    const held = all.filter((f) => f.part === 'held-back').length;
    expect(held / added).toBeGreaterThan(0.2);
    expect(held / added).toBeLessThan(0.47);
    const texts = new Map<string, string>();
    for (const f of all) {
      const key = f.text.replace(/\s/gu, '');
      expect(texts.get(key), `${f.file} repeats ${texts.get(key)}`).toBeUndefined();
      texts.set(key, f.file);
    }
    expect(all.filter((f) => f.lang === 'zh-Hant').length).toBeGreaterThanOrEqual(10);
  });
});

function run(fixtures: Fixture[]) {
  return fixtures.map((f) => {
    const result = extractAnnouncement(f.text, f.published);
    if (!result.ok) throw new Error(`${f.part}/${f.file}: ${result.error}`);
    return score(f, result.value);
  });
}

describe('extractor accuracy over the real-announcement corpus', () => {
  it('training part: figures and misses (no floors: these texts are tuned on)', () => {
    const fixtures = loadCorpus('training');
    const scores = run(fixtures);
    const misses = scores
      .filter((s) => !s.cutoff || s.notMilestones.length > 0 || !s.products || !s.replacements)
      .map((s) => `${s.file}: ${JSON.stringify(s.got)}`);
    console.log(
      formatFigures('training', figures(fixtures, scores)) +
        (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(scores.length).toBe(fixtures.length);
  });

  it('held-back part: every floor reported, and no field worse than first measured', () => {
    const fixtures = loadCorpus('held-back');
    const f = figures(fixtures, run(fixtures));
    const fields = Object.keys(FLOORS) as Field[];
    const verdicts = fields.map(
      (field) =>
        `${field}: ${(f[field] * 100).toFixed(1)}% (floor ${FLOORS[field] * 100}%) ` +
        (atLeast(field, f[field], FLOORS[field]) ? 'MET' : 'NOT MET'),
    );
    console.log(`${formatFigures('held-back', f)}\nissue 19 floors:\n  ${verdicts.join('\n  ')}`);
    expect(f.announcements).toBeGreaterThanOrEqual(162);
    const worse = fields.filter((field) => !atLeast(field, f[field], HELD_BACK_MEASURED[field]));
    expect(worse, 'held-back fields worse than first measured').toEqual([]);
  });
});
