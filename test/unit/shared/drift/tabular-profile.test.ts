// Tabular profiles: key sorting, merge laws, the value codec, and drift from summaries (exact where values
// are kept, within the stated bounds where only sketches are).
import { describe, expect, it } from 'vitest';
import { columnDrift } from '../../../../shared/drift/column-drift';
import { columnFromValues } from '../../../../shared/drift/column-from-values';
import { countSorted, mergeSummaries, summarizeColumn, ProfileMismatchError } from '../../../../shared/drift/profile/column-summary';
import { columnDriftFromSummaries } from '../../../../shared/drift/profile/profile-drift';
import { mergeTabularProfiles, profileColumns } from '../../../../shared/drift/profile/tabular-profile';
import { decodeValueCounts, encodeValueCounts } from '../../../../shared/drift/profile/value-codec';
import { sortKeysToValues } from '../../../../shared/drift/sorted-keys';
import { ks2SampSorted } from '../../../../shared/stats/ks';
import { createRng } from '../../../../shared/stats/prng';
import { wassersteinSorted } from '../../../../shared/stats/wasserstein';

function normals(n: number, seed: number, shift = 0, decimals = 4): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    let x = -6 + shift;
    for (let k = 0; k < 12; k++) x += rng();
    return Number(x.toFixed(decimals));
  });
}

describe('sortKeysToValues', () => {
  it('gives the built-in order by counting (narrow keys) and by radix passes (wide keys)', () => {
    const rng = createRng(3);
    for (const spread of [1000, 2 ** 30]) {
      const keys = Int32Array.from({ length: 50_000 }, () => Math.floor((rng() - 0.5) * spread));
      const chunks = [keys.subarray(0, 1234), keys.subarray(1234)];
      const expected = Float64Array.from(keys, (k) => k / 100).sort();
      expect(sortKeysToValues(chunks, keys.length, 100)).toEqual(expected);
    }
  });
});

describe('column summaries', () => {
  const a = normals(3000, 1);
  const b = normals(2000, 2, 0.3);
  const labelsA = a.map((v) => (v > 0 ? 'up' : 'down'));
  const labelsB = b.map((v) => (v > 0.5 ? 'up' : v > -1 ? 'down' : 'flat'));

  it('merge(profile(A), profile(B)) equals profile(A + B), in either order', () => {
    const pa = profileColumns([columnFromValues('x', a), columnFromValues('c', labelsA)]);
    const pb = profileColumns([columnFromValues('x', b), columnFromValues('c', labelsB)]);
    const whole = profileColumns([columnFromValues('x', [...a, ...b]), columnFromValues('c', [...labelsA, ...labelsB])]);
    for (const merged of [mergeTabularProfiles(pa, pb), mergeTabularProfiles(pb, pa)]) {
      expect(merged.rows).toBe(5000);
      const [x, c] = merged.columns;
      expect(x!.profile).toEqual(whole.columns[0]!.profile);
      expect(x!.numbers).toEqual(whole.columns[0]!.numbers);
      expect(x!.sketch).toEqual(whole.columns[0]!.sketch);
      expect(x!.moments.n).toBe(5000);
      expect(x!.moments.mean).toBeCloseTo(whole.columns[0]!.moments.mean, 12);
      const counts = (s: typeof c): Record<string, number> => Object.fromEntries(s!.dictionary.map((k, i) => [k, s!.dictionaryCounts[i]!]));
      expect(counts(c)).toEqual(counts(whole.columns[1]));
    }
  });

  it('refuses profiles of another schema, naming the columns', () => {
    const pa = profileColumns([columnFromValues('x', a)]);
    const pb = profileColumns([columnFromValues('y', b)]);
    expect(() => mergeTabularProfiles(pa, pb)).toThrow(/columns differ \(missing x; extra y\)/);
    expect(() => mergeSummaries(pa.columns[0]!, pb.columns[0]!)).toThrow(ProfileMismatchError);
  });

  it('keeps exactness only while every merged part kept exact values', () => {
    const exact = summarizeColumn(columnFromValues('x', a));
    const sketched = summarizeColumn(columnFromValues('x', b), { exactCap: 10 });
    expect(sketched.numbers).toBeNull();
    expect(mergeSummaries(exact, sketched).numbers).toBeNull();
    expect(mergeSummaries(exact, exact).numbers!.counts.reduce((s, v) => s + v, 0)).toBe(6000);
  });

  it('encodes value counts losslessly (fixed decimals as gaps, anything else as float64)', () => {
    for (const values of [[-3.25, -0.5, 0, 0.0001, 7], [Math.PI, 1e-300, 2 ** 60], [-1_000_000_123, 5]]) {
      const vc = countSorted(Float64Array.from([...values, values[0]!]).sort());
      const e = encodeValueCounts(vc);
      expect(decodeValueCounts(e.bytes, e.encoding, e.count)).toEqual(vc);
    }
    expect(encodeValueCounts(countSorted(Float64Array.from([1.5, 2.25]))).encoding).toEqual({ kind: 'decimal', decimals: 2 });
  });
});

describe('drift from summaries', () => {
  const ref = normals(4000, 5);
  const cur = normals(3000, 6, 0.15);

  it('equals drift from the values when exact values are kept', () => {
    const r = columnFromValues('x', ref);
    const c = columnFromValues('x', cur);
    for (const test of ['ks', 'wasserstein', 'psi'] as const) {
      const options = { tests: { x: test } };
      expect(columnDriftFromSummaries('x', summarizeColumn(r), summarizeColumn(c), options)).toEqual(columnDrift('x', r, c, options));
    }
  });

  it('from sketches, reports KS and Wasserstein within the bounds its note states, and says it is approximate', () => {
    const r = summarizeColumn(columnFromValues('x', ref), { exactCap: 0 });
    const c = summarizeColumn(columnFromValues('x', cur), { exactCap: 0 });
    const rs = Float64Array.from(ref).sort();
    const cs = Float64Array.from(cur).sort();
    const ks = columnDriftFromSummaries('x', r, c, { tests: { x: 'ks' } });
    const exactD = ks2SampSorted(rs, cs).statistic;
    const [lo, hi] = /lies in \[([\d.e-]+), ([\d.e-]+)\]/.exec(ks.note ?? '')!.slice(1).map(Number) as [number, number];
    expect(ks.note).toMatch(/approximate: KS from quantile sketches/);
    expect(exactD).toBeGreaterThanOrEqual(lo - 1e-4);
    expect(exactD).toBeLessThanOrEqual(hi + 1e-4);
    const w = columnDriftFromSummaries('x', r, c, { tests: { x: 'wasserstein' } });
    const within = Number(/within ([\d.e-]+) of the value/.exec(w.note ?? '')![1]);
    const mean = ref.reduce((s, v) => s + v, 0) / ref.length;
    const sd = Math.sqrt(ref.reduce((s, v) => s + (v - mean) ** 2, 0) / ref.length);
    expect(Math.abs(w.statistic! - wassersteinSorted(rs, cs) / sd)).toBeLessThanOrEqual(within * 1.01);
    expect(w.test).toBe('wasserstein');
  });
});
