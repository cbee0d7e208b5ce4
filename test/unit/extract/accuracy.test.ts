// Accuracy of the extractor over the labelled corpus of real announcements (issue 6, part 5):
// per field, with floors cutoff day 95 %, products 90 %, replacements 90 %. The figures are
// printed so that a run shows them, not only pass or fail.
import { describe, expect, it } from 'vitest';
import { extractAnnouncement } from '../../../utils/extract/extract.ts';
import { loadCorpus, score, type Score } from './corpus.ts';

const FLOORS = { cutoff: 0.95, products: 0.9, replacements: 0.9 } as const;

describe('extractor accuracy over the real-announcement corpus', () => {
  const corpus = loadCorpus();

  it('holds at least 40 announcements, each with a source and a publish date', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const f of corpus) expect(f.source).toMatch(/^https:\/\//);
  });

  it('meets the per-field floors', () => {
    const scores: Score[] = corpus.map((f) => {
      const result = extractAnnouncement(f.text, f.published);
      if (!result.ok) throw new Error(`${f.file}: ${result.error}`);
      return score(f, result.value);
    });
    const rate = (field: keyof typeof FLOORS | 'kind' | 'grandfather') =>
      scores.filter((s) => s[field]).length / scores.length;
    const figures = {
      announcements: scores.length,
      cutoff: rate('cutoff'),
      products: rate('products'),
      replacements: rate('replacements'),
      kind: rate('kind'),
      grandfather: rate('grandfather'),
    };
    const misses = scores
      .filter((s) => !s.cutoff || !s.products || !s.replacements)
      .map((s) => `${s.file}: ${JSON.stringify(s.got)}`);
    console.log(
      `extract accuracy over ${figures.announcements} announcements: ` +
        (['cutoff', 'products', 'replacements', 'kind', 'grandfather'] as const)
          .map((k) => `${k} ${(figures[k] * 100).toFixed(1)}%`)
          .join(', ') +
        (misses.length ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(figures.cutoff).toBeGreaterThanOrEqual(FLOORS.cutoff);
    expect(figures.products).toBeGreaterThanOrEqual(FLOORS.products);
    expect(figures.replacements).toBeGreaterThanOrEqual(FLOORS.replacements);
  });
});
