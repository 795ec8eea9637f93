import { describe, expect, it } from 'vitest';
import { denseMeans, planResamples, resampleMeans } from '../../../../shared/stats/bootstrap';
import { createRng } from '../../../../shared/stats/prng';

// n items x columns built by `value(column, item)`, row-major as the comparison builds them.
function matrix(n: number, k: number, value: (j: number, i: number) => number) {
  const values = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) values[i * k + j] = value(j, i);
  return { values, k };
}

describe('the bootstrap plan', () => {
  const n = 20_000;
  const rng = createRng(4);

  it('draws a few-valued metric by value and one with many values item by item beside a continuous one', () => {
    // Continuous (item by item in any case), 10 values (10 draws per resample: by value), 600 values (600 draws
    // per resample cost more than adding one more column to the item-by-item pass over 20k items).
    const plan = planResamples(matrix(n, 3, (j, i) => (j === 0 ? rng() : j === 1 ? i % 10 : i % 600)));
    expect(plan.denseMetrics).toEqual([0, 2]);
    expect(plan.distinct[1]!.values.length).toBe(10);
    expect(Array.from(plan.distinct[1]!.counts)).toEqual(new Array(10).fill(n / 10));
    expect(plan.columns.map((c) => c.length)).toEqual([n, n]);
  });

  it('with no continuous metric, skips the item-by-item pass while drawing by value is cheaper', () => {
    const plan = planResamples(matrix(n, 2, (j, i) => (j === 0 ? i % 10 : i % 600)));
    expect(plan.denseMetrics).toEqual([]);
    expect(plan.distinct.map((g) => g!.values.length)).toEqual([10, 600]);
  });

  it('a few-valued metric resamples with the same spread by value as item by item (both Poisson bootstraps)', () => {
    const m5 = matrix(n, 1, (_, i) => i % 5);
    expect(planResamples(m5).denseMetrics).toEqual([]);
    const sd = (x: Float64Array) => {
      const mean = x.reduce((s, v) => s + v, 0) / x.length;
      return Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1));
    };
    // The standard error of the mean of n values spread evenly over 0..4: sqrt(2 / n); 2,000 resamples estimate
    // a standard deviation to about 1.6% (one standard error).
    const expected = Math.sqrt(2 / n);
    const byValue = resampleMeans(m5, 2000, 1)[0]!;
    const itemByItem = denseMeans([Float64Array.from({ length: n }, (_, i) => i % 5)], 1, 0, 2000)[0]!;
    expect(Math.abs(sd(byValue) / expected - 1)).toBeLessThan(0.06);
    expect(Math.abs(sd(itemByItem) / expected - 1)).toBeLessThan(0.06);
  });
});
