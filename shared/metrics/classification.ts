// Label metrics for classification: confusion matrix, accuracy, and precision / recall / F1 per class with
// macro and support-weighted averages. A class never predicted (or absent) scores 0 where its ratio is 0/0,
// as scikit-learn does with zero_division=0.

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  labels: string[];
  /** matrix[i][j] = rows whose true label is labels[i] and predicted label is labels[j]. */
  confusion_matrix: number[][];
  accuracy: number;
  per_class: ClassMetrics[];
  precision_macro: number;
  recall_macro: number;
  f1_macro: number;
  precision_weighted: number;
  recall_weighted: number;
  f1_weighted: number;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** Sorted union of labels; numeric-looking labels sort numerically. */
export function labelSet(...lists: ReadonlyArray<readonly string[]>): string[] {
  const set = new Set<string>();
  for (const l of lists) for (const v of l) set.add(v);
  const all = [...set];
  const numeric = all.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return numeric ? all.sort((a, b) => Number(a) - Number(b)) : all.sort();
}

export function confusionMatrix(truth: readonly string[], predicted: readonly string[], labels: readonly string[]): number[][] {
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < truth.length; i++) {
    const t = index.get(truth[i]!);
    const p = index.get(predicted[i]!);
    if (t !== undefined && p !== undefined) m[t]![p]!++;
  }
  return m;
}

export function classificationMetrics(truth: readonly string[], predicted: readonly string[]): ClassificationMetrics {
  if (truth.length !== predicted.length) throw new RangeError('truth and predictions differ in length');
  const labels = labelSet(truth, predicted);
  const cm = confusionMatrix(truth, predicted, labels);
  const n = truth.length;
  let correct = 0;
  const perClass = labels.map((label, i) => {
    const tp = cm[i]![i]!;
    correct += tp;
    const support = cm[i]!.reduce((s, v) => s + v, 0);
    const predictedCount = cm.reduce((s, row) => s + row[i]!, 0);
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support };
  });
  const k = labels.length;
  const macro = (key: 'precision' | 'recall' | 'f1'): number => ratio(perClass.reduce((s, c) => s + c[key], 0), k);
  const weighted = (key: 'precision' | 'recall' | 'f1'): number => ratio(perClass.reduce((s, c) => s + c[key] * c.support, 0), n);
  return {
    labels,
    confusion_matrix: cm,
    accuracy: ratio(correct, n),
    per_class: perClass,
    precision_macro: macro('precision'),
    recall_macro: macro('recall'),
    f1_macro: macro('f1'),
    precision_weighted: weighted('precision'),
    recall_weighted: weighted('recall'),
    f1_weighted: weighted('f1'),
  };
}
