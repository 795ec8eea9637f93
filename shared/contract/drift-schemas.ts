// Drift and model-quality reports as the API returns them for workspace dataset assets. Field names follow
// the engine's JSON contract (`assay drift --json`, `assay metrics --json`), hence snake_case.
import { z } from 'zod';
import { DRIFT_TESTS } from '../drift/types';

const num = z.number().nullable();

export const DriftTestName = z.enum(DRIFT_TESTS);

export const DriftDatasetsRequest = z.object({
  referenceAssetId: z.number().int().positive(),
  currentAssetId: z.number().int().positive(),
  columns: z.array(z.string().min(1).max(500)).max(2000).optional(),
  /** Test per column; key '*' applies to every column without its own entry. */
  tests: z.record(z.string().min(1).max(500), DriftTestName).optional(),
  /** Threshold per column (p-value level for tests, distance for distances); key '*' as for `tests`. */
  thresholds: z.record(z.string().min(1).max(500), z.number().positive().finite()).optional(),
  correction: z.enum(['none', 'bonferroni', 'bh']).optional(),
}).strict();
export type DriftDatasetsRequest = z.infer<typeof DriftDatasetsRequest>;

/** What the distribution chart draws: shares per bin (numeric) or per category, for each side. */
export const ColumnDistribution = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('numeric'), edges: z.array(z.number()), reference: z.array(z.number()), current: z.array(z.number()) }),
  z.object({ kind: z.literal('categorical'), categories: z.array(z.string()), reference: z.array(z.number()), current: z.array(z.number()) }),
]);
export type ColumnDistribution = z.infer<typeof ColumnDistribution>;

export const ColumnDriftResult = z.object({
  name: z.string(),
  type: z.enum(['numeric', 'categorical', 'datetime', 'text', 'mixed', 'empty']).nullable(),
  test: DriftTestName.nullable(),
  statistic: num,
  p_value: num,
  p_value_adjusted: num.optional(),
  threshold: num,
  drifted: z.boolean(),
  psi: num,
  missing_share: z.object({ reference: num, current: num }),
  unseen_categories: z.object({ count: z.number(), share: z.number(), examples: z.array(z.string()) }).nullable(),
  note: z.string().optional(),
  /** Absent for columns without a chartable distribution (dates, text, a side missing). */
  distribution: ColumnDistribution.optional(),
});
export type ColumnDriftRow = z.infer<typeof ColumnDriftResult>;

const AssetSide = z.object({ assetId: z.number().int(), name: z.string(), rows: z.number().int() });

export const DatasetDriftReport = z.object({
  reference: AssetSide,
  current: AssetSide,
  columns: z.array(ColumnDriftResult),
  share_drifted: z.number(),
  dataset_drifted: z.boolean(),
  dataset_share_threshold: z.number(),
});
export type DatasetDriftReport = z.infer<typeof DatasetDriftReport>;

export const MetricsDatasetRequest = z.object({
  assetId: z.number().int().positive(),
  /** Column to report per value of; defaults to no segments. */
  segment: z.string().min(1).max(500).optional(),
}).strict();

const ReliabilityBin = z.object({
  bin: z.number().int(), lower: z.number(), upper: z.number(), count: z.number().int(), mean_score: z.number(), positive_rate: z.number(),
});

const ClassificationMetrics = z.object({
  labels: z.array(z.string()),
  confusion_matrix: z.array(z.array(z.number().int())),
  accuracy: z.number(),
  per_class: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number().int() })),
  precision_macro: z.number(),
  recall_macro: z.number(),
  f1_macro: z.number(),
  precision_weighted: z.number(),
  recall_weighted: z.number(),
  f1_weighted: z.number(),
});

const ScoreMetrics = z.object({
  positive_label: z.string(),
  rows: z.number().int(),
  roc_auc: num,
  pr_auc: num,
  log_loss: num,
  brier: num,
  ece: num,
  reliability: z.array(ReliabilityBin),
});

const QualityMetrics = z.object({
  rows: z.number().int(),
  classification: ClassificationMetrics.nullable(),
  scores: ScoreMetrics.nullable(),
  regression: z.object({ mae: z.number(), rmse: z.number(), r2: num }).nullable(),
});

export const ModelQualityReport = QualityMetrics.extend({
  task: z.enum(['classification', 'regression']),
  rows_skipped: z.number().int(),
  notes: z.array(z.string()),
  segments: z.array(QualityMetrics.extend({ segment: z.string() })),
  /** The dataset columns used, found by their roles. */
  columns: z.object({ target: z.string(), prediction: z.string(), score: z.string().nullable(), segment: z.string().nullable() }),
});
export type ModelQualityReport = z.infer<typeof ModelQualityReport>;

// ---- time windows ---------------------------------------------------------------------------------------

export const DriftPeriod = z.enum(['day', 'week']);

export const DriftOverTimeRequest = z.object({
  referenceAssetId: z.number().int().positive(),
  currentAssetId: z.number().int().positive(),
  period: DriftPeriod.default('week'),
  /** Column of the current dataset holding row times; defaults to its timestamp-role column, else its first date column. */
  timeColumn: z.string().min(1).max(500).optional(),
  columns: z.array(z.string().min(1).max(500)).max(2000).optional(),
}).strict();
export type DriftOverTimeRequest = z.infer<typeof DriftOverTimeRequest>;

/** Alert band from reference chunks: mean +- 3 standard deviations of the same value on each chunk. */
const Band = z.object({ mean: z.number(), std: z.number(), lower: z.number(), upper: z.number(), chunks: z.number().int() });
const WindowPoint = z.object({
  /** ISO date (UTC) the window starts on. */
  start: z.string(),
  rows: z.number().int(),
  value: num,
  alert: z.boolean(),
});
const WindowSeries = z.object({ band: Band.nullable(), points: z.array(WindowPoint) });
export type WindowSeries = z.infer<typeof WindowSeries>;

export const ColumnOverTime = WindowSeries.extend({ name: z.string(), statistic: z.enum(['wasserstein', 'psi', 'jensenshannon']) });
export type ColumnOverTime = z.infer<typeof ColumnOverTime>;
export const MetricOverTime = WindowSeries.extend({ metric: z.enum(['accuracy', 'f1', 'roc_auc', 'mae', 'rmse']), higher_is_better: z.boolean() });
export type MetricOverTime = z.infer<typeof MetricOverTime>;

export const DriftOverTimeReport = z.object({
  reference: AssetSide,
  current: AssetSide,
  period: DriftPeriod,
  time_column: z.string(),
  /** The same-named column of the reference when it holds times (bands then come from reference periods), else null. */
  reference_time_column: z.string().nullable(),
  /** How the reference was cut into chunks for the bands. */
  chunking: z.enum(['period', 'rows']),
  columns: z.array(ColumnOverTime),
  /** Per-window model quality when the current dataset has target and prediction roles. */
  quality: z.object({ task: z.enum(['classification', 'regression']), positive_label: z.string().nullable(), metrics: z.array(MetricOverTime) }).nullable(),
  notes: z.array(z.string()),
});
export type DriftOverTimeReport = z.infer<typeof DriftOverTimeReport>;

// ---- record sets: embedding drift and training-serving skew ---------------------------------------------

/** A set of LLM log records; every filter is optional and they combine with AND. */
export const RecordSetFilter = z.object({
  assetId: z.number().int().positive().optional(),
  model: z.string().min(1).max(500).optional(),
  promptVersion: z.string().min(1).max(500).optional(),
  /** ISO date or date-time; records at or after it. */
  from: z.string().min(1).max(40).optional(),
  /** ISO date or date-time; records at or before it (a bare date means through the end of that day). */
  to: z.string().min(1).max(40).optional(),
}).strict();
export type RecordSetFilter = z.infer<typeof RecordSetFilter>;

export const EmbeddingDriftRequest = z.object({
  reference: RecordSetFilter,
  current: RecordSetFilter,
  field: z.enum(['input', 'output']).default('input'),
  /** Records per set beyond which a seeded sample is embedded. */
  maxRecords: z.number().int().min(10).max(20_000).default(5000),
  top: z.number().int().min(1).max(50).default(10),
}).strict();
export type EmbeddingDriftRequest = z.infer<typeof EmbeddingDriftRequest>;

const SetSide = z.object({ matched: z.number().int(), embedded: z.number().int(), label: z.string() });

export const NovelRecord = z.object({
  record_id: z.number().int(),
  distance: z.number(),
  /** The start of the record's text (untrusted log content: render as text). */
  excerpt: z.string(),
  nearest_reference_id: z.number().int().nullable(),
  nearest_reference_excerpt: z.string().nullable(),
  timestamp: z.string().nullable(),
  model: z.string().nullable(),
  prompt_version: z.string().nullable(),
});
export type NovelRecord = z.infer<typeof NovelRecord>;

export const EmbeddingDriftReport = z.object({
  field: z.enum(['input', 'output']),
  reference: SetSide,
  current: SetSide,
  provider: z.string(),
  dimension: z.number().int(),
  centroid: z.object({ cosine: z.number(), euclidean: z.number(), drifted: z.boolean() }),
  mmd: z.object({ mmd2: z.number(), sigma: z.number(), p_value: z.number(), permutations: z.number().int(), drifted: z.boolean() }).nullable(),
  classifier: z.object({ roc_auc: z.number(), drifted: z.boolean() }).nullable(),
  novelty: z.object({ threshold: z.number(), share_novel: z.number(), drifted: z.boolean(), search: z.literal('hnsw'), most_novel: z.array(NovelRecord) }).nullable(),
  thresholds: z.object({ centroid_euclidean: z.number(), mmd_p_value: z.number(), classifier_auc: z.number(), novelty_share: z.number() }),
  drifted: z.boolean(),
  notes: z.array(z.string()),
});
export type EmbeddingDriftReport = z.infer<typeof EmbeddingDriftReport>;

export const SkewRequest = z.object({
  trainingAssetId: z.number().int().positive(),
  serving: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('records'), filter: RecordSetFilter.default({}) }).strict(),
    z.object({ kind: z.literal('dataset'), assetId: z.number().int().positive() }).strict(),
  ]),
  /** Training columns to compare; defaults to those with the feature or segment role. */
  columns: z.array(z.string().min(1).max(500)).max(2000).optional(),
  tests: DriftDatasetsRequest.shape.tests,
  thresholds: DriftDatasetsRequest.shape.thresholds,
  correction: DriftDatasetsRequest.shape.correction,
}).strict();
export type SkewRequest = z.infer<typeof SkewRequest>;

export const SkewReport = DatasetDriftReport.omit({ reference: true, current: true }).extend({
  training: AssetSide,
  serving: z.object({ kind: z.enum(['records', 'dataset']), name: z.string(), rows: z.number().int() }),
  /** Training features with no same-named field in the serving data (not compared). */
  unmatched: z.array(z.string()),
});
export type SkewReport = z.infer<typeof SkewReport>;
