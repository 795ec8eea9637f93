import { describe, it, expect } from 'vitest';
import { columnDrift } from '../../../../shared/drift/column-drift';
import { chooseTest, parseAssignments } from '../../../../shared/drift/test-choice';
import { ks2Samp } from '../../../../shared/stats/ks';
import { wasserstein } from '../../../../shared/stats/wasserstein';
import { std } from '../../../../shared/stats/descriptive';
import { chi2Homogeneity } from '../../../../shared/stats/chi2';
import { allFiniteOrNull, column, spread } from './column-data';

describe('chooseTest follows Evidently', () => {
  it('small reference: KS, chi-square or Z by distinct values', () => {
    expect(chooseTest('numeric', 1000, 6)).toBe('ks');
    expect(chooseTest('numeric', 1000, 5)).toBe('chisquare');
    expect(chooseTest('numeric', 1000, 2)).toBe('z');
    expect(chooseTest('categorical', 500, 3)).toBe('chisquare');
    expect(chooseTest('categorical', 500, 2)).toBe('z');
  });
  it('large reference: Wasserstein for many values, Jensen-Shannon otherwise', () => {
    expect(chooseTest('numeric', 1001, 6)).toBe('wasserstein');
    expect(chooseTest('numeric', 1001, 5)).toBe('jensenshannon');
    expect(chooseTest('categorical', 5000, 40)).toBe('jensenshannon');
  });
  it('parses per-column assignments, with all= for every column', () => {
    expect([...parseAssignments('age=ks, all=psi,a=b=z')]).toEqual([['age', 'ks'], ['*', 'psi'], ['a=b', 'z']]);
    expect(() => parseAssignments('age')).toThrow(/column=value/);
  });
});

describe('columnDrift on numeric columns', () => {
  it('uses KS with SciPy-equal numbers on a small reference', () => {
    const ref = spread(300);
    const cur = spread(200, 0.2);
    const r = columnDrift('x', column('x', ref), column('x', cur));
    const expected = ks2Samp(ref, cur);
    expect(r).toMatchObject({ type: 'numeric', test: 'ks', statistic: expected.statistic, p_value: expected.pValue, threshold: 0.05 });
    expect(r.drifted).toBe(expected.pValue < 0.05);
    expect(r.psi).toBeGreaterThan(0);
    expect(r.note).toBeUndefined();
  });
  it('uses Wasserstein / reference std on a large reference, with p_value null', () => {
    const ref = spread(2000);
    const cur = spread(1500, 0.05);
    const r = columnDrift('x', column('x', ref), column('x', cur));
    expect(r.test).toBe('wasserstein');
    expect(r.p_value).toBeNull();
    expect(r.statistic).toBeCloseTo(wasserstein(ref, cur) / std(ref), 12);
    expect(r.drifted).toBe(r.statistic! >= 0.1);
  });
  it('honours per-column and all= overrides of test and threshold', () => {
    const ref = column('x', spread(2000));
    const cur = column('x', spread(2000, 0.02));
    const ks = columnDrift('x', ref, cur, { tests: { '*': 'ks' } });
    expect(ks.test).toBe('ks');
    const strict = columnDrift('x', ref, cur, { tests: { x: 'psi' }, thresholds: { x: 1e-9 } });
    expect(strict).toMatchObject({ test: 'psi', threshold: 1e-9, drifted: true });
    expect(strict.statistic).toBe(strict.psi);
  });
  it('treats a few-valued numeric column as categories (chi-square / Z)', () => {
    const ref = column('n', Array.from({ length: 90 }, (_, i) => i % 3));
    const cur = column('n', Array.from({ length: 90 }, (_, i) => (i % 5 === 0 ? 0 : i % 3)));
    const r = columnDrift('n', ref, cur);
    expect(r.test).toBe('chisquare');
    const counts = (a: number[]) => [0, 1, 2].map((v) => a.filter((x) => x === v).length);
    const a = Array.from({ length: 90 }, (_, i) => i % 3);
    const b = Array.from({ length: 90 }, (_, i) => (i % 5 === 0 ? 0 : i % 3));
    expect(r.statistic).toBeCloseTo(chi2Homogeneity(counts(a), counts(b)).statistic, 12);
    const binary = columnDrift('b', column('b', [0, 1, 1, 0, 1]), column('b', [1, 1, 1, 1, 0]));
    expect(binary.test).toBe('z');
  });
});

describe('columnDrift on categorical columns', () => {
  const ref = column('c', [...Array(40).fill('a'), ...Array(40).fill('b'), ...Array(20).fill('c')]);
  const cur = column('c', [...Array(20).fill('a'), ...Array(40).fill('b'), ...Array(30).fill('c'), ...Array(10).fill('new')]);
  it('chi-square on a small reference, unseen categories listed with their share', () => {
    const r = columnDrift('c', ref, cur);
    expect(r.type).toBe('categorical');
    expect(r.test).toBe('chisquare');
    expect(r.drifted).toBe(true);
    expect(r.unseen_categories).toEqual({ count: 1, share: 0.1, examples: ['new'] });
    expect(r.note).toMatch(/1 category not in reference \(10\.0% of current rows\)/);
    expect(r.psi).toBeGreaterThan(0.1);
  });
  it('Jensen-Shannon when the reference is large', () => {
    const big = column('c', Array.from({ length: 3000 }, (_, i) => ['x', 'y', 'z'][i % 3]!));
    const r = columnDrift('c', big, big);
    expect(r).toMatchObject({ test: 'jensenshannon', statistic: 0, p_value: null, drifted: false });
  });
});

describe('columnDrift on bad input: a note, never a crash, never NaN', () => {
  const cases: [string, ReturnType<typeof column> | undefined, ReturnType<typeof column> | undefined, RegExp][] = [
    ['column missing in current', column('x', [1, 2, 3]), undefined, /not found in the current file/],
    ['column missing in reference', undefined, column('x', [1, 2, 3]), /not found in the reference file/],
    ['all-null column', column('x', [null, null, null]), column('x', [1, 2, 3]), /all values missing in reference/],
    ['fewer than 2 rows', column('x', [1]), column('x', [1, 2, 3]), /fewer than 2 rows \(reference has 1\)/],
    ['constant column', column('x', [5, 5, 5, 5]), column('x', [5, 5, 5]), /constant column/],
    ['types differ', column('x', [1, 2, 3, 4]), column('x', ['a', 'b', 'c', 'd']), /type differs \(reference numeric, current categorical\)/],
    ['mixed numbers and strings', column('x', [1, 'a', 2, 'b', 3, 'c']), column('x', [1, 'a', 'b', 2, 4, 'c']), /mixed numbers and strings/],
    ['NaN and Infinity', column('x', [1, 2, Number.NaN, 3, Infinity, 4, 5, 6]), column('x', [1, 2, 3, -Infinity, 5, 6, 7]), /1 NaN value in reference treated as missing.*1 infinite value in reference excluded.*1 infinite value in current excluded/],
    ['dates', column('d', [new Date('2024-01-01'), new Date('2024-01-02')]), column('d', [new Date('2024-02-01'), new Date('2024-02-02')]), /datetime column: not tested/],
    ['a few stray strings in a numeric column', column('x', [...spread(30), 'n/a?']), column('x', spread(30, 1)), /1 non-numeric value in reference excluded \(e\.g\. "n\/a\?"\)/],
  ];
  for (const [label, ref, cur, note] of cases) {
    it(label, () => {
      const r = columnDrift('x', ref, cur);
      expect(r.note).toMatch(note);
      expect(allFiniteOrNull(r)).toBe(true);
      // JSON.stringify would silently turn NaN into null; a round trip must change nothing.
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    });
  }
  it('counts NaN as missing in missing_share', () => {
    const r = columnDrift('x', column('x', [1, Number.NaN, null, 4]), column('x', [1, 2, 3, 4]));
    expect(r.missing_share).toEqual({ reference: 0.5, current: 0 });
  });
  it('does not test untestable columns but still reports them', () => {
    const r = columnDrift('x', column('x', [null, null]), column('x', [null, null]));
    expect(r).toMatchObject({ test: null, statistic: null, p_value: null, drifted: false, psi: null });
  });
});

describe('columnDrift when one file has strings in a numeric column', () => {
  it('compares the numbers and says how many strings were left out', () => {
    const cur = [...spread(60, 0.5), ...Array(15).fill('unknown')];
    const r = columnDrift('x', column('x', spread(80)), column('x', cur));
    expect(r.type).toBe('mixed');
    expect(r.test).toBe('ks');
    expect(r.note).toMatch(/type differs \(reference numeric, current mixed\); compared on the numeric values.*15 non-numeric values in current excluded/);
  });
});

describe('columnFromValues (workspace records to columns)', () => {
  it('follows the CSV rules for missing, numbers, NaN, Infinity, dates and categories', async () => {
    const { columnFromValues } = await import('../../../../shared/drift/column-from-values');
    const c = columnFromValues('v', [null, undefined, '', 'NA', 1.5, ' 2 ', 'NaN', Number.NaN, 'inf', -Infinity, '2024-01-02', new Date(0), true, 'red', 'red']);
    expect(c.profile).toEqual({ rows: 15, missing: 4, nan: 2, numbers: 2, posInf: 1, negInf: 1, dates: 2, strings: 3 });
    expect(c.dictionary).toEqual(['true', 'red']);
    expect(c.dictionaryCounts).toEqual([1, 2]);
    expect(Array.from(c.dates!).filter((v) => !Number.isNaN(v))).toEqual([Date.parse('2024-01-02T00:00:00Z'), 0]);
    const drift = columnDrift('v', columnFromValues('v', spread(50)), columnFromValues('v', spread(50, 1).map(String)));
    expect(drift).toMatchObject({ type: 'numeric', test: 'ks', drifted: true });
  });
});
