// Version comparison, release gates, prices and budgets: the request and result shapes of the compare.*,
// gates.*, prices.* and budgets.* methods. Field names of a comparison follow `assay compare --json`.
import { z } from 'zod';
import { METRIC_NAMES } from '../compare/metric-names';
import { COMPARE_AXES, CORRECTION_METHODS } from './enum-values';

export const CompareAxis = z.enum(COMPARE_AXES);
export type CompareAxis = z.infer<typeof CompareAxis>;
export const CorrectionMethod = z.enum(CORRECTION_METHODS);
export type CorrectionMethod = z.infer<typeof CorrectionMethod>;
export const MetricName = z.enum(METRIC_NAMES);
export type MetricName = z.infer<typeof MetricName>;
export const BucketFlag = z.enum(['any', 'hallucination', 'toxic', 'injection', 'pii']);
export type BucketFlag = z.infer<typeof BucketFlag>;

export const CompareRequest = z.object({
  by: CompareAxis,
  a: z.string().min(1).max(500),
  b: z.string().min(1).max(500),
  metrics: z.array(MetricName).min(1).optional(),
  correction: CorrectionMethod.default('holm'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  resamples: z.number().int().min(100).max(100_000).default(10_000),
  /** Which flag makes an item "failing" for the regressed/fixed buckets. */
  bucketFlag: BucketFlag.default('any'),
  /** Keep the result in the workspace (audit-logged) for reports. */
  store: z.boolean().default(false),
}).strict();
export type CompareRequest = z.input<typeof CompareRequest>;
export type ParsedCompareRequest = z.output<typeof CompareRequest>;

const num = z.number().nullable();

export const MetricRow = z.object({
  name: MetricName,
  a: num,
  b: num,
  diff: num,
  ci_low: num,
  ci_high: num,
  /** mcnemar_exact | wilcoxon | paired_bootstrap | fisher_exact | mann_whitney | none */
  test: z.string(),
  p_value: num,
  p_adjusted: num,
  significant: z.boolean(),
  n_a: z.number().int(),
  n_b: z.number().int(),
  /** How the test was run (zero method, exact or normal approximation, discordant counts) or why it was not. */
  detail: z.string(),
  better: z.enum(['lower', 'higher']),
  /** True when some values are estimates (token counts without an exact tokenizer, prices applied to them). */
  estimate: z.boolean(),
});
export type MetricRow = z.infer<typeof MetricRow>;

export const Buckets = z.object({
  regressed: z.number().int(), fixed: z.number().int(), still_failing: z.number().int(), unchanged: z.number().int(),
});
export type Buckets = z.infer<typeof Buckets>;

export const BucketPair = z.object({ a: z.number().int(), b: z.number().int() });
export const BucketItems = z.object({
  regressed: z.array(BucketPair), fixed: z.array(BucketPair), still_failing: z.array(BucketPair), unchanged: z.array(BucketPair),
});
export type BucketItems = z.infer<typeof BucketItems>;

export const ComparisonResult = z.object({
  by: CompareAxis,
  a: z.string(),
  b: z.string(),
  paired: z.number().int(),
  unpaired_a: z.number().int(),
  unpaired_b: z.number().int(),
  metrics: z.array(MetricRow),
  buckets: Buckets,
  mode: z.enum(['paired', 'unpaired']),
  /** What paired the items: metadata pair_key / item_id, or the normalized input text. */
  pairing: z.object({ pair_key: z.number().int(), item_id: z.number().int(), input: z.number().int() }),
  records_a: z.number().int(),
  records_b: z.number().int(),
  correction: CorrectionMethod,
  seed: z.number().int(),
  resamples: z.number().int(),
  bucket_flag: BucketFlag,
  notes: z.array(z.string()),
  /** Up to 200 record pairs per bucket, for links into the records. */
  bucket_items: BucketItems,
  /** Set when the comparison was stored. */
  id: z.number().int().optional(),
});
export type ComparisonResult = z.infer<typeof ComparisonResult>;

export const CompareValues = z.object({ by: CompareAxis }).strict();
export const AxisValue = z.object({ value: z.string(), label: z.string(), records: z.number().int() });
export type AxisValue = z.infer<typeof AxisValue>;

export const PromptDiff = z.object({
  promptId: z.string(),
  a: z.object({ version: z.string().nullable(), template: z.string().nullable() }),
  b: z.object({ version: z.string().nullable(), template: z.string().nullable() }),
  /** Line diff of the templates: ' ' unchanged, '-' only in A, '+' only in B. */
  lines: z.array(z.object({ op: z.enum([' ', '-', '+']), text: z.string() })),
});
export type PromptDiff = z.infer<typeof PromptDiff>;

export const GateResult = z.object({
  name: z.string(),
  metric: z.string(),
  /** Line of the gate in the policy file. */
  line: z.number().int(),
  scope: z.record(z.string(), z.union([z.string(), z.number()])),
  op: z.enum(['min', 'max', 'equals']).nullable(),
  threshold: z.number().nullable(),
  value: z.number().nullable(),
  baseline: z.object({ by: z.string(), version: z.string(), diff: z.number().nullable(), p_value: z.number().nullable(), regressed: z.boolean() }).nullable(),
  passed: z.boolean(),
  detail: z.string(),
  estimate: z.boolean(),
});
export type GateResult = z.infer<typeof GateResult>;

export const GateRun = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  policyPath: z.string().nullable(),
  policySha256: z.string(),
  passed: z.boolean(),
  results: z.array(GateResult),
});
export type GateRun = z.infer<typeof GateRun>;

/** What `assay kb validate` keeps of a run: the validated KB's rank of the first gold document per question. */
export const KbValidationStoreRequest = z.object({
  kbAssetId: z.number().int().positive(),
  againstAssetId: z.number().int().positive().nullable(),
  k: z.number().int().min(1).max(100),
  questionsPath: z.string().max(4096).nullable(),
  questionsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** 1-based rank within the top k, or null when no gold document was retrieved; one per question. */
  ranks: z.array(z.number().int().min(1).max(100).nullable()).min(1).max(1_000_000),
  regressed: z.boolean(),
}).strict();
export type KbValidationStoreRequest = z.infer<typeof KbValidationStoreRequest>;

export const GatesRunRequest = z.object({
  /** The policy text (YAML or JSON). */
  policy: z.string().min(1).max(1_000_000),
  /** Where it came from, for error messages and the stored run. */
  path: z.string().max(4096).optional(),
}).strict();
