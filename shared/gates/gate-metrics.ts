// Metrics a gate can test: every `assay compare` metric (rates, means) plus counts and totals over the records in
// scope, and evidence kept beside the logs: drift and model quality of a dataset asset, retrieval of a KB. Each
// carries the range its threshold must lie in, so an impossible threshold is refused up front.
import { METRIC_NAMES } from '../compare/metric-names';

export const COUNT_METRICS = ['hallucination_count', 'toxic_count', 'injection_count', 'pii_count', 'records', 'cost_total'] as const;
export const ALIAS_METRICS = { cost_per_query: 'cost_mean' } as const;
/**
 * Measured on one asset rather than on log records: drift_share and auc on a dataset asset, retrieval_hit_at_5 on
 * a KB asset (its stored `assay kb validate` run). Their scope can only name that asset.
 */
export const EVIDENCE_METRICS = ['drift_share', 'auc', 'retrieval_hit_at_5'] as const;
export type EvidenceMetric = (typeof EVIDENCE_METRICS)[number];
export const GATE_METRICS = [...METRIC_NAMES, ...COUNT_METRICS, ...(Object.keys(ALIAS_METRICS) as (keyof typeof ALIAS_METRICS)[]), ...EVIDENCE_METRICS] as const;
export type GateMetric = (typeof GATE_METRICS)[number];

export function isGateMetric(name: string): name is GateMetric {
  return (GATE_METRICS as readonly string[]).includes(name);
}

export function isEvidenceMetric(name: string): name is EvidenceMetric {
  return (EVIDENCE_METRICS as readonly string[]).includes(name);
}

/** The values a threshold on this metric can meaningfully take. */
export function thresholdRange(metric: GateMetric): { min: number; max: number; what: string } {
  if (metric.endsWith('_rate')) return { min: 0, max: 1, what: 'a rate between 0 and 1' };
  if (metric === 'grounding_mean' || metric === 'answer_relevance_mean' || metric === 'context_relevance_mean') return { min: 0, max: 1, what: 'a score between 0 and 1' };
  if (metric === 'drift_share' || metric === 'retrieval_hit_at_5') return { min: 0, max: 1, what: 'a share between 0 and 1' };
  if (metric === 'auc') return { min: 0, max: 1, what: 'an AUC between 0 and 1' };
  return { min: 0, max: Number.POSITIVE_INFINITY, what: 'a non-negative number' };
}
