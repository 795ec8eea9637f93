import { describe, it, expect } from 'vitest';
import { classificationMetrics, confusionMatrix } from '../../../../shared/metrics/classification';
import { averagePrecision, brierScore, logLoss, rocAuc } from '../../../../shared/metrics/probabilistic';
import { calibration } from '../../../../shared/metrics/calibration';
import { regressionMetrics } from '../../../../shared/metrics/regression';
import { expectRel, loadCases } from '../stats/fixtures';

interface ClassCase {
  labels: string[];
  y_true: string[];
  y_pred: string[];
  confusion: number[][];
  accuracy: number;
  precision: number[];
  recall: number[];
  f1: number[];
  macro_f1: number;
  weighted_f1: number;
  macro_precision: number;
  weighted_recall: number;
  score?: number[];
  roc_auc?: number;
  average_precision?: number;
  log_loss?: number;
  brier?: number;
  ece?: number;
  reliability?: { bin: number; count: number; mean_score: number; positive_rate: number }[];
}

const cases = loadCases<{ binary: ClassCase; tied: ClassCase; multiclass: ClassCase; regression: { y_true: number[]; y_pred: number[]; mae: number; rmse: number; r2: number } }>('metrics.json');

describe('classification metrics match the numpy reference (scikit-learn definitions)', () => {
  for (const name of ['binary', 'tied', 'multiclass'] as const) {
    it(name, () => {
      const c = cases[name];
      const m = classificationMetrics(c.y_true, c.y_pred);
      expect(m.labels).toEqual(c.labels);
      expect(m.confusion_matrix).toEqual(c.confusion);
      expectRel(m.accuracy, c.accuracy, 1e-12);
      m.per_class.forEach((pc, i) => {
        expectRel(pc.precision + 1, c.precision[i]! + 1, 1e-12);
        expectRel(pc.recall + 1, c.recall[i]! + 1, 1e-12);
        expectRel(pc.f1 + 1, c.f1[i]! + 1, 1e-12);
      });
      expectRel(m.f1_macro, c.macro_f1, 1e-12);
      expectRel(m.f1_weighted, c.weighted_f1, 1e-12);
      expectRel(m.precision_macro, c.macro_precision, 1e-12);
      expectRel(m.recall_weighted, c.weighted_recall, 1e-12);
    });
  }
  it('scores one class never predicted as 0, not NaN', () => {
    const m = classificationMetrics(['a', 'b', 'b'], ['b', 'b', 'b']);
    expect(m.per_class[0]).toEqual({ label: 'a', precision: 0, recall: 0, f1: 0, support: 1 });
    expect(confusionMatrix(['a', 'b', 'b'], ['b', 'b', 'b'], m.labels)).toEqual([[0, 1], [0, 2]]);
  });
});

describe('score metrics', () => {
  for (const name of ['binary', 'tied'] as const) {
    it(`${name}: ROC AUC, average precision, log loss, Brier, ECE and reliability bins`, () => {
      const c = cases[name];
      const positive = c.y_true.map((t) => t === c.labels[c.labels.length - 1]);
      const s = c.score!;
      expectRel(rocAuc(s, positive)!, c.roc_auc!, 1e-12);
      expectRel(averagePrecision(s, positive)!, c.average_precision!, 1e-12);
      expectRel(logLoss(s, positive), c.log_loss!, 1e-12);
      expectRel(brierScore(s, positive), c.brier!, 1e-12);
      const cal = calibration(s, positive);
      expectRel(cal.ece, c.ece!, 1e-10);
      expect(cal.bins.map((b) => b.count)).toEqual(c.reliability!.map((b) => b.count));
      cal.bins.forEach((b, i) => expectRel(b.positive_rate + 1, c.reliability![i]!.positive_rate + 1, 1e-12));
    });
  }
  it('perfect ranking gives AUC 1 and average precision 1; log loss stays finite at 0 and 1', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(averagePrecision([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(Number.isFinite(logLoss([0, 1], [true, false]))).toBe(true);
  });
});

describe('regression metrics', () => {
  it('MAE, RMSE and R2 match numpy', () => {
    const c = cases.regression;
    const m = regressionMetrics(c.y_true, c.y_pred);
    expectRel(m.mae, c.mae, 1e-12);
    expectRel(m.rmse, c.rmse, 1e-12);
    expectRel(m.r2!, c.r2, 1e-12);
  });
  it('R2 is null for a constant target', () => {
    expect(regressionMetrics([2, 2, 2], [1, 2, 3]).r2).toBeNull();
  });
});
