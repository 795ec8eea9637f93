// Review workbench contract. The outputs whose shape the CLI prints with --json (review.sample, review.sampleSize,
// review.stats) use the CLI's snake_case keys, and the rest of the review domain follows them, so there is one shape
// per result whichever host asks.
import { z } from 'zod';
import { RecordFlag, StoredFinding } from './analysis-schemas';
import { LogRecord } from './schemas';

export const VerdictValue = z.enum(['pass', 'fail', 'unsure']);
export type VerdictValue = z.infer<typeof VerdictValue>;

export const Reviewer = z.string().trim().min(1, 'reviewer is required').max(100);

export const ScoreName = z.enum(['grounding', 'answer_relevance', 'context_relevance', 'toxicity', 'input_toxicity', 'injection', 'context_injection', 'pii']);
export type ScoreName = z.infer<typeof ScoreName>;

/** The population a queue samples from: the records-table filter plus a time range and score ranges. */
export const PopulationFilter = z.object({
  assetId: z.number().int().positive().optional(),
  model: z.string().max(200).optional(),
  promptVersion: z.string().max(200).optional(),
  flag: RecordFlag.optional(),
  /** ISO timestamps, inclusive. */
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  scores: z.array(z.object({ score: ScoreName, min: z.number().optional(), max: z.number().optional() }).strict()).max(8).optional(),
}).strict();
export type PopulationFilter = z.infer<typeof PopulationFilter>;

export const SamplingMethod = z.enum(['random', 'stratified', 'risk']);
export type SamplingMethod = z.infer<typeof SamplingMethod>;
export const StrataColumn = z.enum(['flag', 'model', 'promptVersion']);
export type StrataColumn = z.infer<typeof StrataColumn>;
export const Allocation = z.enum(['proportional', 'equal']);
export type Allocation = z.infer<typeof Allocation>;

export const DEFAULT_LABELS = ['hallucination', 'toxic', 'pii', 'injection', 'off-topic', 'other'];
const Label = z.string().trim().min(1).max(40);

export const ReviewConfig = z.object({
  labels: z.array(Label).max(30).default(DEFAULT_LABELS),
  /** A reviewer does not see other reviewers' verdicts. */
  blind: z.boolean().default(false),
  /** Reviews each item needs before it counts as done (2 for double review). */
  minReviews: z.number().int().min(1).max(10).default(1),
  /** Reviewers who may judge this queue; empty: anyone. */
  assignees: z.array(Reviewer).max(50).default([]),
  allowCorrection: z.boolean().default(true),
}).strict();
export type ReviewConfig = z.infer<typeof ReviewConfig>;

export const SampleRequest = z.object({
  name: z.string().trim().min(1).max(100),
  filter: PopulationFilter.default({}),
  method: SamplingMethod.default('random'),
  strata: StrataColumn.optional(),
  allocation: Allocation.default('proportional'),
  /** A fixed size; without it the attribute-sampling rule sizes the sample from confidence, tolerable and expected. */
  size: z.number().int().min(1).max(100000).optional(),
  confidence: z.number().gt(0).lt(1).default(0.95),
  tolerable: z.number().gt(0).lt(1).default(0.05),
  expected: z.number().min(0).lt(1).default(0.01),
  seed: z.number().int().min(0).max(4294967295).optional(),
  config: ReviewConfig.default(ReviewConfig.parse({})),
}).strict();
export type SampleRequest = z.input<typeof SampleRequest>;

export const SampleResult = z.object({
  queue: z.string(),
  n: z.number().int(),
  population: z.number().int(),
  population_sha256: z.string(),
  seed: z.number().int(),
  method: SamplingMethod,
  records: z.array(z.number().int()),
});
export type SampleResult = z.infer<typeof SampleResult>;

export const SampleSizeRequest = z.object({
  confidence: z.number().gt(0).lt(1),
  tolerable: z.number().gt(0).lt(1),
  expected: z.number().min(0).lt(1),
  population: z.number().int().positive().optional(),
}).strict();
export const SampleSizeResult = z.object({
  n: z.number().int(),
  expected_deviations: z.number().int(),
  model: z.enum(['binomial', 'hypergeometric']),
});

export const Verdict = z.object({
  record: z.number().int(),
  reviewer: z.string(),
  verdict: VerdictValue,
  labels: z.array(z.string()),
  comment: z.string().nullable(),
  corrected_output: z.string().nullable(),
  at: z.string(),
});
export type Verdict = z.infer<typeof Verdict>;

export const VerdictRequest = z.object({
  queue: z.string().min(1).max(100),
  record: z.number().int().positive(),
  reviewer: Reviewer,
  verdict: VerdictValue,
  labels: z.array(Label).max(30).default([]),
  comment: z.string().max(10000).nullable().default(null),
  corrected_output: z.string().max(200000).nullable().default(null),
}).strict();
export type VerdictRequest = z.input<typeof VerdictRequest>;

export const ReviewerProgress = z.object({ reviewer: z.string(), reviewed: z.number().int() });

export const QueueSummary = z.object({
  id: z.number().int(),
  queue: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  method: SamplingMethod,
  strata: StrataColumn.nullable(),
  allocation: Allocation.nullable(),
  seed: z.number().int(),
  filter: PopulationFilter,
  population: z.number().int(),
  population_sha256: z.string(),
  confidence: z.number(),
  tolerable: z.number(),
  expected: z.number(),
  n: z.number().int(),
  config: ReviewConfig,
  /** Items with at least one verdict, and with at least minReviews verdicts. */
  reviewed: z.number().int(),
  done: z.number().int(),
  reviewers: z.array(ReviewerProgress),
});
export type QueueSummary = z.infer<typeof QueueSummary>;

export const QueueItemState = z.object({
  position: z.number().int(),
  record: z.number().int(),
  mine: VerdictValue.nullable(),
  reviews: z.number().int(),
});
export type QueueItemState = z.infer<typeof QueueItemState>;

export const ReviewItem = z.object({
  queue: z.string(),
  position: z.number().int(),
  total: z.number().int(),
  record: LogRecord,
  findings: z.array(StoredFinding),
  mine: Verdict.nullable(),
  /** Other reviewers' verdicts; empty in blind mode. */
  others: z.array(Verdict),
  reviews: z.number().int(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

const Ci = z.tuple([z.number(), z.number()]);
export const FlagAccuracy = z.object({
  flag: z.string(),
  precision: z.number().nullable(),
  precision_ci: Ci,
  recall: z.number().nullable(),
  recall_ci: Ci,
  tp: z.number().int(),
  fp: z.number().int(),
  fn: z.number().int(),
  tn: z.number().int(),
});
export type FlagAccuracy = z.infer<typeof FlagAccuracy>;

export const Disagreement = z.object({
  record: z.number().int(),
  verdicts: z.array(z.object({ reviewer: z.string(), verdict: VerdictValue })),
});

export const ReviewStats = z.object({
  queue: z.string(),
  n: z.number().int(),
  reviewed: z.number().int(),
  deviations: z.number().int(),
  /** One-sided Clopper-Pearson upper limit of the deviation rate at the queue's confidence. */
  upper_limit: z.number().nullable(),
  /**
   * The exact finite-population (hypergeometric) upper limit for a sample drawn without replacement from the queue's
   * population; the conclusion rests on it, as the sample size did. Never above upper_limit.
   */
  upper_limit_finite: z.number().nullable(),
  population: z.number().int(),
  confidence: z.number(),
  tolerable: z.number(),
  /** True when the finite-population upper limit is at or below the tolerable rate on an equal-probability sample. */
  below_tolerable: z.boolean(),
  conclusion: z.string(),
  agreement: z.object({
    /** Records exactly two reviewers judged: Cohen's kappa is computed over these. */
    items: z.number().int(),
    kappa: z.number().nullable(),
    /** Records with two or more verdicts: Krippendorff's alpha is computed over these. */
    alpha_items: z.number().int(),
    alpha: z.number().nullable(),
  }),
  analyzers: z.array(FlagAccuracy),
  progress: z.array(ReviewerProgress),
  disagreements: z.array(Disagreement),
});
export type ReviewStats = z.infer<typeof ReviewStats>;

const QueueRef = z.object({ queue: z.string().min(1).max(100) }).strict();

/** Review methods; spread into the API contract in api.ts. */
export const reviewApi = {
  'review.sampleSize': { input: SampleSizeRequest, output: SampleSizeResult },
  /** Draws a seeded sample from the filtered population and stores it as a named queue. */
  'review.sample': { input: SampleRequest, output: SampleResult },
  'review.queues': { input: z.object({}).strict().default({}), output: z.array(QueueSummary) },
  'review.items': { input: QueueRef.extend({ reviewer: Reviewer }).strict(), output: z.array(QueueItemState) },
  'review.item': { input: QueueRef.extend({ reviewer: Reviewer, position: z.number().int().min(0) }).strict(), output: ReviewItem },
  'review.verdict': { input: VerdictRequest, output: z.object({ verdict: Verdict, next: z.number().int().nullable() }) },
  'review.undo': {
    input: QueueRef.extend({ reviewer: Reviewer }).strict(),
    output: z.object({ undone: z.object({ record: z.number().int(), old: Verdict.nullable(), new: Verdict.nullable() }).nullable() }),
  },
  /** Verdicts collected elsewhere, one JSON object per line; all lines are checked before any is stored. */
  'review.import': { input: QueueRef.extend({ path: z.string().min(1).max(4096) }).strict(), output: z.object({ queue: z.string(), imported: z.number().int() }) },
  'review.stats': { input: QueueRef, output: ReviewStats },
} as const;
