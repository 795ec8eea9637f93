// Model quality from aligned columns of targets, predictions, optional scores (probability of the positive
// class) and an optional segment: classification or regression, overall and per segment. Rows missing a
// target or prediction are skipped and counted; anything not computable is null with a note.
import { calibration, type ReliabilityBin } from './calibration';
import { classificationMetrics, labelSet, type ClassificationMetrics } from './classification';
import { averagePrecision, brierScore, logLoss, rocAuc } from './probabilistic';
import { regressionMetrics, type RegressionMetrics } from './regression';

export type Task = 'classification' | 'regression';
type Value = string | number | null;

export interface QualityInput {
  target: readonly Value[];
  prediction: readonly Value[];
  score?: readonly (number | null)[];
  segment?: readonly Value[];
}

export interface QualityOptions {
  task?: Task;
  positiveLabel?: string;
  calibrationBins?: number;
  /** At most this many segments (the largest) are reported. */
  maxSegments?: number;
}

export interface ScoreMetrics {
  positive_label: string;
  rows: number;
  roc_auc: number | null;
  pr_auc: number | null;
  log_loss: number | null;
  brier: number | null;
  ece: number | null;
  reliability: ReliabilityBin[];
}

export interface QualityMetrics {
  rows: number;
  classification: ClassificationMetrics | null;
  scores: ScoreMetrics | null;
  regression: RegressionMetrics | null;
}

export interface ModelQualityReport extends QualityMetrics {
  task: Task;
  rows_skipped: number;
  notes: string[];
  segments: (QualityMetrics & { segment: string })[];
}

const POSITIVE_NAMES = ['1', 'true', 'yes', 'positive', 'pos', 'y'];
const REGRESSION_MIN_DISTINCT = 20;

const label = (v: Value): string => (typeof v === 'number' ? (Object.is(v, -0) ? '0' : String(v)) : String(v));

export function detectTask(target: readonly Value[], prediction: readonly Value[]): Task {
  const values = [...target, ...prediction].filter((v): v is string | number => v !== null);
  if (!values.every((v) => typeof v === 'number')) return 'classification';
  const nums = target.filter((v): v is number => typeof v === 'number');
  const distinct = new Set(nums).size;
  return distinct > REGRESSION_MIN_DISTINCT || nums.some((v) => !Number.isInteger(v)) ? 'regression' : 'classification';
}

function choosePositive(labels: string[], requested: string | undefined, notes: string[]): string {
  if (requested !== undefined) {
    if (!labels.includes(requested)) notes.push(`positive label ${JSON.stringify(requested)} does not occur in the target`);
    return requested;
  }
  const known = labels.find((l) => POSITIVE_NAMES.includes(l.toLowerCase()));
  if (known !== undefined) return known;
  const last = labels[labels.length - 1]!;
  notes.push(`positive label taken as ${JSON.stringify(last)} (set it with --positive)`);
  return last;
}

function scoreMetrics(scores: number[], positive: boolean[], positiveLabel: string, bins: number, notes: string[]): ScoreMetrics {
  const probabilities = scores.every((s) => s >= 0 && s <= 1);
  if (!probabilities) notes.push('scores outside [0, 1]: log loss, Brier and calibration need probabilities');
  const cal = probabilities ? calibration(scores, positive, bins) : null;
  const hasBoth = positive.includes(true) && positive.includes(false);
  return {
    positive_label: positiveLabel,
    rows: scores.length,
    roc_auc: hasBoth ? rocAuc(scores, positive) : null,
    pr_auc: hasBoth ? averagePrecision(scores, positive) : null,
    log_loss: probabilities && scores.length ? logLoss(scores, positive) : null,
    brier: probabilities && scores.length ? brierScore(scores, positive) : null,
    ece: cal && scores.length ? cal.ece : null,
    reliability: cal?.bins ?? [],
  };
}

interface Prepared {
  task: Task;
  truth: string[];
  pred: string[];
  truthNum: number[];
  predNum: number[];
  score: (number | null)[];
  segment: string[];
  positiveLabel: string | null;
}

function metricsFor(p: Prepared, rows: number[], bins: number, notes: string[]): QualityMetrics {
  if (p.task === 'regression') {
    const t = rows.map((i) => p.truthNum[i]!);
    const y = rows.map((i) => p.predNum[i]!);
    return { rows: rows.length, classification: null, scores: null, regression: rows.length ? regressionMetrics(t, y) : null };
  }
  const classification = rows.length ? classificationMetrics(rows.map((i) => p.truth[i]!), rows.map((i) => p.pred[i]!)) : null;
  let scores: ScoreMetrics | null = null;
  if (p.positiveLabel !== null) {
    const withScore = rows.filter((i) => p.score[i] !== null);
    scores = scoreMetrics(withScore.map((i) => p.score[i]!), withScore.map((i) => p.truth[i] === p.positiveLabel), p.positiveLabel, bins, notes);
  }
  return { rows: rows.length, classification, scores, regression: null };
}

export function modelQuality(input: QualityInput, options: QualityOptions = {}): ModelQualityReport {
  const n = input.target.length;
  if (input.prediction.length !== n) throw new RangeError('target and prediction columns differ in length');
  const notes: string[] = [];
  const task = options.task ?? detectTask(input.target, input.prediction);
  const keep: number[] = [];
  let skipped = 0;
  for (let i = 0; i < n; i++) {
    const t = input.target[i] ?? null;
    const y = input.prediction[i] ?? null;
    const numericOk = task !== 'regression' || (typeof t === 'number' && typeof y === 'number');
    if (t === null || y === null || !numericOk) skipped++;
    else keep.push(i);
  }
  if (skipped) notes.push(`${skipped} row${skipped > 1 ? 's' : ''} skipped (missing${task === 'regression' ? ' or non-numeric' : ''} target or prediction)`);
  const prepared: Prepared = {
    task,
    truth: input.target.map(label),
    pred: input.prediction.map(label),
    truthNum: input.target.map((v) => (typeof v === 'number' ? v : Number.NaN)),
    predNum: input.prediction.map((v) => (typeof v === 'number' ? v : Number.NaN)),
    score: (input.score ?? []).map((s) => (s !== null && Number.isFinite(s) ? s : null)),
    segment: (input.segment ?? []).map((s) => (s === null ? '(missing)' : label(s))),
    positiveLabel: null,
  };
  if (task === 'classification' && input.score) {
    const labels = labelSet(keep.map((i) => prepared.truth[i]!));
    if (labels.length > 2) notes.push(`score ignored: ROC AUC, PR AUC and calibration need a binary target (found ${labels.length} classes)`);
    else if (labels.length > 0) {
      prepared.positiveLabel = choosePositive(labelSet(keep.map((i) => prepared.truth[i]!), keep.map((i) => prepared.pred[i]!)), options.positiveLabel, notes);
      const missingScore = keep.filter((i) => prepared.score[i] === null).length;
      if (missingScore) notes.push(`${missingScore} row${missingScore > 1 ? 's' : ''} without a numeric score left out of score metrics`);
    }
  }
  const bins = options.calibrationBins ?? 10;
  const overall = metricsFor(prepared, keep, bins, notes);
  const segments: ModelQualityReport['segments'] = [];
  if (input.segment) {
    const groups = new Map<string, number[]>();
    for (const i of keep) {
      const key = prepared.segment[i]!;
      const g = groups.get(key);
      if (g) g.push(i);
      else groups.set(key, [i]);
    }
    const max = options.maxSegments ?? 50;
    const ordered = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    if (ordered.length > max) notes.push(`${ordered.length} segments; the ${max} largest are reported`);
    for (const [segment, rows] of ordered.slice(0, max)) segments.push({ segment, ...metricsFor(prepared, rows, bins, []) });
  }
  return { task, ...overall, rows_skipped: skipped, notes: [...new Set(notes)], segments };
}
