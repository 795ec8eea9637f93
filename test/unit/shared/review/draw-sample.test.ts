import { describe, expect, it } from 'vitest';
import { allocate, drawRandom, drawStratified, drawWeighted, drawWeightedFrom, stratumCodes } from '../../../../shared/review/draw-sample';
import { createRng } from '../../../../shared/stats/prng';
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
    const s = drawStratified(stratumCodes(keys), 50, 'proportional', 9);
    expect(s.filter((d) => d.stratum === 'flagged')).toHaveLength(5);
    expect(s.every((d) => keys[d.index] === d.stratum)).toBe(true);
    expect(drawStratified(stratumCodes(keys), 50, 'proportional', 9)).toEqual(s);
    expect(drawStratified(stratumCodes(keys), 50, 'equal', 9).filter((d) => d.stratum === 'flagged')).toHaveLength(25);
    // Names that no member carries take no part; the draw does not depend on the order the names are listed in.
    const codes = Uint32Array.from(keys, (k) => (k === 'flagged' ? 2 : 0));
    expect(drawStratified({ names: ['none', 'empty', 'flagged'], codes }, 50, 'proportional', 9)).toEqual(s);
  });

  it('risk-weighted draws favour heavy records and still reach light ones', () => {
    const weights = Array.from({ length: 1000 }, (_, i) => (i < 100 ? 1.05 : 0.05));
    const s = drawWeightedFrom(weights, 100, 3);
    expect(new Set(s.map((d) => d.index)).size).toBe(100);
    const heavy = s.filter((d) => d.index < 100).length;
    expect(heavy).toBeGreaterThan(50);
    expect(heavy).toBeLessThan(100);
    expect(drawWeightedFrom(weights, 100, 3)).toEqual(s);
  });

  it('reads few weights of a large population and draws exactly the top keys of all of them', () => {
    // The definition: every key log(u)/w in population order, the `size` largest, ties to the lower position.
    const reference = (w: ArrayLike<number>, size: number, seed: number) => {
      const rng = createRng(seed);
      const keys = Array.from(w, (wi, i) => ({ key: Math.log(rng() || Number.MIN_VALUE) / wi, i }));
      return keys.sort((a, b) => b.key - a.key || a.i - b.i).slice(0, size).map((k) => k.i);
    };
    const rng = createRng(5);
    const shapes: [string, (i: number) => number][] = [
      ['uniform risk', () => 0.05 + rng()], ['mostly floor', (i) => (i % 7 === 0 ? 1.05 : 0.05)], ['all equal', () => 0.5],
      ['two decimals (ties)', () => 0.05 + Math.round(rng() * 100) / 100],
    ];
    for (const [shape, weightAt] of shapes) {
      const n = 20_000;
      const weights = Float64Array.from({ length: n }, (_, i) => weightAt(i));
      for (const [size, seed] of [[1, 1], [100, 2], [3_000, 3], [n, 4]] as const) {
        let read = 0;
        const got = drawWeighted(n, size, seed, { max: 1.05, at: (p) => { read += p.length; return Array.from(p, (i) => weights[i]!); } });
        expect({ shape, size, got: got.map((d) => d.index) }).toEqual({ shape, size, got: reference(weights, size, seed) });
        // Reading (nearly) every weight is the path of small populations only.
        if (size === 100) expect(read).toBeLessThan(n / 5);
      }
    }
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
