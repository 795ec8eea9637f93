// Values of gate metrics over the records in scope, and the verdict of a threshold.
import type { CompareItem } from '../compare/compare-item';
import { METRIC_BY_NAME } from '../compare/metrics';
import type { MetricName } from '../contract/compare-schemas';
import { ALIAS_METRICS, type GateMetric } from './gate-metrics';
import type { Gate } from './policy';

/** The compare metric behind a gate metric (aliases resolved), or null for counts and totals. */
export function compareMetricOf(metric: GateMetric): MetricName | null {
  const name = (ALIAS_METRICS as Record<string, MetricName>)[metric] ?? metric;
  return METRIC_BY_NAME.has(name as MetricName) ? (name as MetricName) : null;
}

/** null when no record in scope has the value (no records, or none analyzed). */
export function gateMetricValue(items: readonly CompareItem[], metric: GateMetric): number | null {
  const compared = compareMetricOf(metric);
  if (compared) {
    const get = METRIC_BY_NAME.get(compared)!.get;
    let sum = 0;
    let n = 0;
    for (const item of items) {
      const v = get(item);
      if (v !== null && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n ? sum / n : null;
  }
  if (metric === 'records') return items.length;
  if (metric === 'cost_total') {
    const costs = items.map((i) => i.cost).filter((c): c is number => c !== null);
    return costs.length ? costs.reduce((s, c) => s + c, 0) : null;
  }
  const flag = metric.replace(/_count$/, '') as 'hallucination' | 'toxic' | 'injection' | 'pii';
  const analyzed = items.filter((i) => i.flags !== null);
  return analyzed.length ? analyzed.filter((i) => i.flags![flag]).length : null;
}

export function meetsThreshold(gate: Pick<Gate, 'op' | 'threshold'>, value: number): boolean {
  if (gate.op === null || gate.threshold === null) return true;
  if (gate.op === 'min') return value >= gate.threshold;
  if (gate.op === 'max') return value <= gate.threshold;
  // Equality of measured rates and means is meant to the precision they are reported at.
  return Math.abs(value - gate.threshold) <= 1e-9 * Math.max(1, Math.abs(gate.threshold));
}
