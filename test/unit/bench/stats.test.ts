import { describe, expect, it } from 'vitest';
import { linearFit, median } from '../../../bench/lib/stats.ts';

describe('linearFit', () => {
  it('recovers a line through exact points', () => {
    const fit = linearFit([
      [3, 10 + 1.1 * 3],
      [24, 10 + 1.1 * 24],
      [85, 10 + 1.1 * 85],
    ]);
    expect(fit.slope).toBeCloseTo(1.1, 10);
    expect(fit.fixed).toBeCloseTo(10, 10);
  });

  it('fits noisy points by least squares (not through the first and last)', () => {
    // Residuals +1, -2, +1 around y = 2 + 0.5x cancel in both sums.
    const fit = linearFit([
      [0, 3],
      [10, 5],
      [20, 13],
    ]);
    expect(fit.slope).toBeCloseTo(0.5, 10);
    expect(fit.fixed).toBeCloseTo(2, 10);
  });

  it('refuses points that do not fix a slope', () => {
    expect(() => linearFit([[5, 1]])).toThrow(/two points/);
    expect(() =>
      linearFit([
        [5, 1],
        [5, 2],
      ]),
    ).toThrow(/two points/);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
