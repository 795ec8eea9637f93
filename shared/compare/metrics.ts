// What each comparison metric reads from an item, what kind of value it is (which picks the test) and which
// direction is better.
import type { MetricName } from '../contract/compare-schemas';
import type { CompareItem } from './compare-item';

/** flag: a yes/no per item (rates); score: a bounded analyzer score; value: any other number (tokens, cost). */
export type MetricKind = 'flag' | 'score' | 'value';

export interface MetricDef {
  name: MetricName;
  label: string;
  kind: MetricKind;
  better: 'lower' | 'higher';
  get(item: CompareItem): number | null;
}

const flag = (f: keyof NonNullable<CompareItem['flags']>) => (item: CompareItem) => (item.flags ? Number(item.flags[f]) : null);

export const METRICS: readonly MetricDef[] = [
  { name: 'hallucination_rate', label: 'Hallucination rate', kind: 'flag', better: 'lower', get: flag('hallucination') },
  { name: 'toxic_rate', label: 'Toxic rate', kind: 'flag', better: 'lower', get: flag('toxic') },
  { name: 'injection_rate', label: 'Injection rate', kind: 'flag', better: 'lower', get: flag('injection') },
  { name: 'pii_rate', label: 'PII rate', kind: 'flag', better: 'lower', get: flag('pii') },
  { name: 'review_pass_rate', label: 'Reviewer pass rate', kind: 'flag', better: 'higher', get: (i) => (i.reviewPass === null ? null : Number(i.reviewPass)) },
  { name: 'grounding_mean', label: 'Grounding (mean)', kind: 'score', better: 'higher', get: (i) => i.grounding },
  { name: 'answer_relevance_mean', label: 'Answer relevance (mean)', kind: 'score', better: 'higher', get: (i) => i.answerRelevance },
  { name: 'context_relevance_mean', label: 'Context relevance (mean)', kind: 'score', better: 'higher', get: (i) => i.contextRelevance },
  { name: 'tokens_in_mean', label: 'Input tokens (mean)', kind: 'value', better: 'lower', get: (i) => i.tokensIn },
  { name: 'tokens_out_mean', label: 'Output tokens (mean)', kind: 'value', better: 'lower', get: (i) => i.tokensOut },
  { name: 'latency_ms_mean', label: 'Latency ms (mean)', kind: 'value', better: 'lower', get: (i) => i.latencyMs },
  { name: 'cost_mean', label: 'Cost USD (mean)', kind: 'value', better: 'lower', get: (i) => i.cost },
];

export const METRIC_BY_NAME: ReadonlyMap<MetricName, MetricDef> = new Map(METRICS.map((m) => [m.name, m]));

/** Metrics whose values can be estimates (flagged as such wherever they appear). */
export function metricCanBeEstimated(name: MetricName): boolean {
  return name === 'tokens_in_mean' || name === 'tokens_out_mean' || name === 'cost_mean';
}
