/** Metric names of `assay compare` and of gate policies. */
export const METRIC_NAMES = [
  'hallucination_rate', 'toxic_rate', 'injection_rate', 'pii_rate', 'review_pass_rate',
  'grounding_mean', 'answer_relevance_mean', 'context_relevance_mean',
  'tokens_in_mean', 'tokens_out_mean', 'latency_ms_mean', 'cost_mean',
] as const;
