// Model quality per time window against bands from reference chunks (mean +- 3 std, as NannyML's realized
// performance): accuracy and the positive class's F1 for classification, ROC AUC when there is a score, MAE
// and RMSE for regression. The task and positive label are fixed once from the reference so every window is
// measured the same way.
import { modelQuality, type ModelQualityReport, type QualityInput, type QualityOptions, type Task } from '../metrics/model-quality';
import { referenceChunks, seriesOverWindows, sliceByPeriod, type Period, type WindowSeries } from './time-windows';

export type WindowMetric = 'accuracy' | 'f1' | 'roc_auc' | 'mae' | 'rmse';

export interface MetricOverTime extends WindowSeries {
  metric: WindowMetric;
  /** Higher is better (accuracy, F1, AUC) or lower is better (errors). */
  higher_is_better: boolean;
}

export interface QualityOverTime {
  task: Task;
  positive_label: string | null;
  metrics: MetricOverTime[];
}

export interface QualityOverTimeOptions {
  period: Period;
  referenceTimes?: ArrayLike<number> | null;
}

function pickRows(input: QualityInput, rows: readonly number[]): QualityInput {
  const out: QualityInput = { target: rows.map((r) => input.target[r] ?? null), prediction: rows.map((r) => input.prediction[r] ?? null) };
  const score = input.score;
  if (score) out.score = rows.map((r) => score[r] ?? null);
  return out;
}

const METRIC_VALUE: Record<WindowMetric, (r: ModelQualityReport, positive: string | null) => number | null | undefined> = {
  accuracy: (r) => r.classification?.accuracy,
  f1: (r, positive) => {
    const c = r.classification;
    if (!c) return null;
    // Binary targets: the positive class's F1 (what a default or fraud model is judged on); else macro F1.
    const hit = positive === null ? undefined : c.per_class.find((k) => k.label === positive);
    return hit ? hit.f1 : c.f1_macro;
  },
  roc_auc: (r) => r.scores?.roc_auc,
  mae: (r) => r.regression?.mae,
  rmse: (r) => r.regression?.rmse,
};

/** Null when the whole current side has no row with both a target and a prediction. */
export function qualityOverTime(reference: QualityInput, current: QualityInput, currentTimes: ArrayLike<number>, options: QualityOverTimeOptions): QualityOverTime | null {
  const whole = modelQuality(reference.target.length ? reference : current);
  if (whole.rows === 0) return null;
  const task = whole.task;
  const positive = whole.scores?.positive_label ?? null;
  const fixed: QualityOptions = { task, ...(positive !== null ? { positiveLabel: positive } : {}) };
  const windows = sliceByPeriod(currentTimes, options.period);
  const chunks = referenceChunks(reference.target.length, options.referenceTimes ?? null, windows, options.period);
  // Each window's report is computed once and read for every metric.
  const reports = new Map<readonly number[], ModelQualityReport | null>();
  const reportFor = (rows: number[], isReference: boolean): ModelQualityReport | null => {
    if (!reports.has(rows)) {
      const r = modelQuality(pickRows(isReference ? reference : current, rows), fixed);
      reports.set(rows, r.rows > 0 ? r : null);
    }
    return reports.get(rows) ?? null;
  };
  const names: WindowMetric[] = task === 'regression' ? ['mae', 'rmse'] : whole.scores ? ['accuracy', 'f1', 'roc_auc'] : ['accuracy', 'f1'];
  const metrics = names.map((metric) => {
    const series = seriesOverWindows(windows, reference.target.length ? chunks : [], (rows, isRef) => {
      const r = reportFor(rows, isRef);
      const v = r ? METRIC_VALUE[metric](r, positive) : null;
      return v === undefined || v === null || !Number.isFinite(v) ? null : v;
    });
    return { metric, higher_is_better: metric !== 'mae' && metric !== 'rmse', ...series };
  });
  return { task, positive_label: positive, metrics };
}
