import { describe, expect, it } from 'vitest';
import { allocate, drawRandom, drawStratified, drawWeighted } from '../../../../shared/review/draw-sample';
import { finalVerdict } from '../../../../shared/review/final-verdict';

describe('seeded draws', () => {
  it('the same seed gives the same sample in the same order; another seed another sample', () => {
    const a = drawRandom(100_000, 1000, 42).map((d) => d.index);
    expect(drawRandom(100_000, 1000, 42).map((d) => d.index)).toEqual(a);
    expect(new Set(a).size).toBe(1000);
    expect(a.every((i) => i >= 0 && i < 100_000)).toBe(true);
    const b = drawRandom(100_000, 1000, 43).map((d) => d.index);
    expect(b).not.toEqual(a);
    expect(drawRandom(5, 10, 1)).toHaveLength(5);
  });

  it('simple random sampling is uniform: each item drawn about n/N of the time', () => {
    const hits = new Array<number>(50).fill(0);
    for (let seed = 0; seed < 2000; seed++) for (const d of drawRandom(50, 10, seed)) hits[d.index]!++;
    // Expected 400 per item; binomial sd 17.9, so 5 sd either side.
    expect(Math.min(...hits)).toBeGreaterThan(310);
    expect(Math.max(...hits)).toBeLessThan(490);
  });

  it('allocates proportionally by largest remainder and equally with spare room passed on', () => {
    expect(allocate([500, 300, 200], 10, 'proportional')).toEqual([5, 3, 2]);
    expect(allocate([5, 3, 2], 7, 'proportional')).toEqual([4, 2, 1]);
    expect(allocate([100, 2, 100], 30, 'equal')).toEqual([14, 2, 14]);
    expect(allocate([3, 3], 100, 'equal')).toEqual([3, 3]);
  });

  it('stratified draws keep each stratum at its allocation and are reproducible', () => {
    const keys = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 'flagged' : 'none'));
    const s = drawStratified(keys, 50, 'proportional', 9);
    expect(s.filter((d) => d.stratum === 'flagged')).toHaveLength(5);
    expect(s.every((d) => keys[d.index] === d.stratum)).toBe(true);
    expect(drawStratified(keys, 50, 'proportional', 9)).toEqual(s);
    expect(drawStratified(keys, 50, 'equal', 9).filter((d) => d.stratum === 'flagged')).toHaveLength(25);
  });

  it('risk-weighted draws favour heavy records and still reach light ones', () => {
    const weights = Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1.05 : 0.05));
    const s = drawWeighted(weights, 100, 3);
    expect(new Set(s.map((d) => d.index)).size).toBe(100);
    const heavy = s.filter((d) => d.index < 100).length;
    expect(heavy).toBeGreaterThan(50);
    expect(heavy).toBeLessThan(100);
    expect(drawWeighted(weights, 100, 3)).toEqual(s);
  });
});

describe('final verdict', () => {
  const v = (verdict: 'pass' | 'fail' | 'unsure') => ({ reviewer: 'x', verdict, labels: [] });
  it('is the majority; a tie with fail is fail; other ties are unsure', () => {
    expect(finalVerdict([])).toBeNull();
    expect(finalVerdict([v('pass'), v('pass'), v('fail')])).toBe('pass');
    expect(finalVerdict([v('pass'), v('fail')])).toBe('fail');
    expect(finalVerdict([v('pass'), v('unsure')])).toBe('unsure');
  });
});
