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
