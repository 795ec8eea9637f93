import { describe, expect, it } from 'vitest';
import { qualityOverTime } from '../../../../shared/drift/quality-over-time';
import { rowTimes } from '../../../../shared/drift/row-times';
import { column } from './column-data';

const DAY = 86_400_000;
const start = Date.parse('2024-05-06T00:00:00Z'); // a Monday

/** `days` days of 40 rows; the model misses every 10th row, or every 2nd on the days in `bad`. */
function days(count: number, bad: number[] = []) {
  const target: number[] = [];
  const prediction: number[] = [];
  const score: number[] = [];
  const times: number[] = [];
  for (let d = 0; d < count; d++) {
    for (let i = 0; i < 40; i++) {
      const label = i % 4 === 0 ? 1 : 0;
      const wrong = bad.includes(d) ? i % 2 === 0 : i % 10 === 0;
      const pred = wrong ? 1 - label : label;
      target.push(label);
      prediction.push(pred);
      score.push(pred ? 0.7 + (i % 5) / 20 : 0.1 + (i % 7) / 30);
      times.push(start + d * DAY + i * 1000);
    }
  }
  return { input: { target, prediction, score }, times };
}

describe('qualityOverTime', () => {
  it('reports accuracy, F1 of the positive class and ROC AUC per window, alerting on the window the model got worse', () => {
    const ref = days(10);
    const cur = days(5, [3]);
    const q = qualityOverTime(ref.input, cur.input, cur.times, { period: 'day', referenceTimes: ref.times })!;
    expect(q.task).toBe('classification');
    expect(q.positive_label).toBe('1');
    expect(q.metrics.map((m) => m.metric)).toEqual(['accuracy', 'f1', 'roc_auc']);
    const accuracy = q.metrics[0]!;
    expect(accuracy.band!.chunks).toBe(10);
    expect(accuracy.points.map((p) => p.value)).toEqual([0.9, 0.9, 0.9, 0.5, 0.9]);
    expect(accuracy.points.map((p) => p.alert)).toEqual([false, false, false, true, false]);
    expect(q.metrics.every((m) => m.higher_is_better)).toBe(true);
  });

  it('uses MAE and RMSE for regression, and has no band without a reference', () => {
    const n = 60;
    const target = Array.from({ length: n }, (_, i) => i * 1.5);
    const prediction = target.map((t, i) => t + (i < 30 ? 1 : 3));
    const times = target.map((_, i) => start + (i < 30 ? 0 : 7 * DAY));
    const q = qualityOverTime({ target: [], prediction: [] }, { target, prediction }, times, { period: 'week' })!;
    expect(q.task).toBe('regression');
    expect(q.metrics.map((m) => [m.metric, m.higher_is_better])).toEqual([['mae', false], ['rmse', false]]);
    expect(q.metrics[0]!.points.map((p) => p.value)).toEqual([1, 3]);
    expect(q.metrics[0]!.band).toBeNull();
    expect(q.metrics[0]!.points.every((p) => !p.alert)).toBe(true);
  });

  it('returns null when no current row has both a target and a prediction', () => {
    expect(qualityOverTime({ target: [], prediction: [] }, { target: [null, null], prediction: [1, 0] }, [start, start], { period: 'day' })).toBeNull();
  });
});

describe('rowTimes', () => {
  it('reads dates, epoch seconds and epoch milliseconds, and refuses small numbers and text', () => {
    const iso = column('t', [new Date(start), new Date(start + DAY), null]);
    expect(Array.from(rowTimes(iso)!)).toEqual([start, start + DAY, Number.NaN]);
    expect(Array.from(rowTimes(column('s', [start / 1000, start / 1000 + 60]))!)).toEqual([start, start + 60_000]);
    expect(Array.from(rowTimes(column('ms', [start, start + 5]))!)).toEqual([start, start + 5]);
    expect(rowTimes(column('n', [1, 2, 3]))).toBeNull();
    expect(rowTimes(column('c', ['a', 'b']))).toBeNull();
  });
});
