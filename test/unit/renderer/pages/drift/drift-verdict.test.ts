import { describe, expect, it } from 'vitest';
import type { MetricOverTime } from '../../../../../shared/contract/drift-schemas';
import { driftVerdict } from '../../../../../renderer/pages/drift/drift-verdict';

const col = (name: string, drifted: boolean) => ({ name, drifted, statistic: 0.1 });
const columns = (drifted: number, total: number) => Array.from({ length: total }, (_, i) => col(`c${i}`, i < drifted));

function accuracy(values: number[]): MetricOverTime {
  return {
    metric: 'accuracy', higher_is_better: true, band: { mean: 0.86, std: 0.02, lower: 0.8, upper: 0.92, chunks: 6 },
    points: values.map((value, i) => ({ start: `2026-0${i + 1}-01`, rows: 100, value, alert: value < 0.8 || value > 0.92 })),
  };
}
const quality = (m: MetricOverTime[]) => ({ period: 'week' as const, quality: { task: 'classification' as const, positive_label: '1', metrics: m } });

describe('drift verdict', () => {
  it('warns, not all-clear, when 6 of 15 columns drift under a 50% dataset threshold', () => {
    const v = driftVerdict({ dataset_drifted: false, columns: columns(6, 15) });
    expect(v.tone).toBe('warning');
    expect(v.label).toBe('Some columns drifted');
    expect(v.reasons[0]).toMatch(/^6 of 15 columns drifted: c0, c1/);
  });

  it('warns when accuracy falls below its reference band even with no column drifted', () => {
    const v = driftVerdict({ dataset_drifted: false, columns: columns(0, 5) }, quality([accuracy([0.86, 0.84, 0.74])]));
    expect(v).toMatchObject({ tone: 'warning', label: 'Quality dropped' });
    expect(v.reasons[0]).toMatch(/Accuracy below its band .* in 1 of 3 weeks, e\.g\. 0\.74/);
  });

  it('does not call quality above its band (better) a drop', () => {
    expect(driftVerdict({ dataset_drifted: false, columns: columns(0, 5) }, quality([accuracy([0.86, 0.95])])).tone).toBe('success');
  });

  it('counts an error metric above its band as a drop', () => {
    const mae: MetricOverTime = { metric: 'mae', higher_is_better: false, band: { mean: 1, std: 0.1, lower: 0.7, upper: 1.3, chunks: 5 },
      points: [{ start: '2026-01-01', rows: 10, value: 1.9, alert: true }] };
    expect(driftVerdict({ dataset_drifted: false, columns: columns(0, 2) }, quality([mae])).label).toBe('Quality dropped');
  });

  it('says drifted when the dataset crosses its threshold, and all clear only when nothing moved', () => {
    expect(driftVerdict({ dataset_drifted: true, columns: columns(9, 15) })).toMatchObject({ tone: 'danger', label: 'Dataset drifted' });
    expect(driftVerdict({ dataset_drifted: false, columns: columns(0, 15) }, quality([accuracy([0.85, 0.9])]))).toEqual({ tone: 'success', label: 'No dataset drift', reasons: [] });
    expect(driftVerdict({ dataset_drifted: false, columns: columns(2, 15) }, quality([accuracy([0.7])])).label).toBe('Columns drifted, quality dropped');
  });
});
