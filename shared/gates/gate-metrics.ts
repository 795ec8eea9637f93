// Metrics a gate can test: every `assay compare` metric (rates, means) plus counts and totals over the records in
// scope. Each carries the range its threshold must lie in, so an impossible threshold is refused up front.
import { METRIC_NAMES } from '../compare/metric-names';

export const COUNT_METRICS = ['hallucination_count', 'toxic_count', 'injection_count', 'pii_count', 'records', 'cost_total'] as const;
export const ALIAS_METRICS = { cost_per_query: 'cost_mean' } as const;
export const GATE_METRICS = [...METRIC_NAMES, ...COUNT_METRICS, ...(Object.keys(ALIAS_METRICS) as (keyof typeof ALIAS_METRICS)[])] as const;
export type GateMetric = (typeof GATE_METRICS)[number];

export function isGateMetric(name: string): name is GateMetric {
  return (GATE_METRICS as readonly string[]).includes(name);
}

/** The values a threshold on this metric can meaningfully take. */
export function thresholdRange(metric: GateMetric): { min: number; max: number; what: string } {
  if (metric.endsWith('_rate')) return { min: 0, max: 1, what: 'a rate between 0 and 1' };
  if (metric === 'grounding_mean' || metric === 'answer_relevance_mean' || metric === 'context_relevance_mean') return { min: 0, max: 1, what: 'a score between 0 and 1' };
  return { min: 0, max: Number.POSITIVE_INFINITY, what: 'a non-negative number' };
}
