import { describe, it, expect } from 'vitest';
import { driftReport, summarizeDrift } from '../../../../shared/drift/dataset-drift';
import { formatDriftTable } from '../../../../shared/drift/format-table';
import { benjaminiHochberg } from '../../../../shared/stats/multiple-testing';
import type { ColumnDriftResult } from '../../../../shared/drift/types';
import { column, spread } from './column-data';

function pResult(name: string, p: number): ColumnDriftResult {
  return { name, type: 'numeric', test: 'ks', statistic: 0.1, p_value: p, threshold: 0.05, drifted: p < 0.05, psi: 0, missing_share: { reference: 0, current: 0 }, unseen_categories: null };
}

describe('summarizeDrift', () => {
  const cols = [pResult('a', 0.001), pResult('b', 0.02), pResult('c', 0.04), pResult('d', 0.5)];
  it('dataset drifts when at least half of the tested columns drift', () => {
    const r = summarizeDrift(cols);
    expect(r.share_drifted).toBe(0.75);
    expect(r.dataset_drifted).toBe(true);
    expect(summarizeDrift(cols, { datasetShare: 0.8 }).dataset_drifted).toBe(false);
  });
  it('Bonferroni multiplies p-values by the number of p-value tests before comparing', () => {
    const r = summarizeDrift(cols, { correction: 'bonferroni' });
    expect(r.columns.map((c) => c.drifted)).toEqual([true, false, false, false]);
    expect(r.columns[1]!.p_value_adjusted).toBeCloseTo(0.08, 12);
    expect(r.columns[1]!.p_value).toBe(0.02);
  });
  it('Benjamini-Hochberg adjusts as false_discovery_control does', () => {
    const r = summarizeDrift(cols, { correction: 'bh' });
    const bh = benjaminiHochberg([0.001, 0.02, 0.04, 0.5]);
    expect(r.columns.map((c) => c.p_value_adjusted)).toEqual(bh);
    expect(r.columns.map((c) => c.drifted)).toEqual(bh.map((p) => p < 0.05));
  });
  it('excludes untested columns from the share', () => {
    const untested = { ...pResult('e', 1), test: null, statistic: null, p_value: null, drifted: false };
    expect(summarizeDrift([pResult('a', 0.001), untested]).share_drifted).toBe(1);
    expect(summarizeDrift([untested])).toMatchObject({ share_drifted: 0, dataset_drifted: false });
  });
});

describe('driftReport and the table', () => {
  it('compares the union of columns, current-only ones included, and prints an aligned table', () => {
    const report = driftReport(
      [column('age', spread(100)), column('city', Array.from({ length: 100 }, (_, i) => (i % 2 ? 'A' : 'B')))],
      [column('age', spread(100, 0.5)), column('extra', spread(100))],
    );
    expect(report.columns.map((c) => c.name)).toEqual(['age', 'city', 'extra']);
    expect(report.columns[0]!.drifted).toBe(true);
    const text = formatDriftTable(report);
    expect(text.split('\n')[0]).toMatch(/^column\s+type\s+test\s+statistic\s+p-value/);
    expect(text).toMatch(/Drifted columns: 1 of 1 tested \(100\.0%\)\. Dataset drift: yes/);
  });
});
