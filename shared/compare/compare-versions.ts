// Compares two versions item by item: pairs them, computes every requested metric with its test and interval,
// corrects the p-values across the metrics shown, and sorts paired items into buckets.
import type { BucketFlag, ComparisonResult, CompareAxis, CorrectionMethod, MetricName } from '../contract/compare-schemas';
import { pairedBootstrap, unpairedBootstrap, type BootstrapInterval } from '../stats/bootstrap';
import { adjustPValues } from '../stats/multiple-testing';
import { bucketPairs } from './buckets';
import type { CompareItem } from './compare-item';
import { METRIC_BY_NAME, METRICS, metricCanBeEstimated, type MetricDef } from './metrics';
import { pairedRow, unpairedRow, type RowBase } from './metric-tests';
import { pairItems } from './pairing';

export interface CompareOptions {
  by: CompareAxis;
  a: string;
  b: string;
  metrics?: readonly MetricName[];
  correction: CorrectionMethod;
  seed: number;
  resamples: number;
  bucketFlag: BucketFlag;
  alpha?: number;
}

/** Paired statistics need pairs for at least half of the smaller side; a few coincidental repeats do not count. */
export const MIN_PAIRS = 10;
export const MIN_PAIRED_SHARE = 0.5;

function present(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

function bootstrapIntervals(defs: readonly MetricDef[], rows: number, valueAt: (d: MetricDef, i: number) => number): Float64Array {
  const k = defs.length;
  const values = new Float64Array(rows * k);
  for (let i = 0; i < rows; i++) for (let j = 0; j < k; j++) values[i * k + j] = valueAt(defs[j]!, i);
  return values;
}

const nanIfNull = (v: number | null) => (v === null || !Number.isFinite(v) ? Number.NaN : v);

export function compareVersions(a: readonly CompareItem[], b: readonly CompareItem[], options: CompareOptions): ComparisonResult {
  const defs = (options.metrics ?? METRICS.map((m) => m.name)).map((n) => METRIC_BY_NAME.get(n)!);
  const pairing = pairItems(a, b);
  const notes: string[] = [];
  const nPairs = pairing.pairs.length;
  const paired = nPairs >= MIN_PAIRS && nPairs >= MIN_PAIRED_SHARE * Math.min(a.length, b.length);
  if (a.length === 0) notes.push(`side A (${options.by} ${options.a}) has no records`);
  if (b.length === 0) notes.push(`side B (${options.by} ${options.b}) has no records`);
  if (paired) {
    notes.push(`paired: ${nPairs} items answered on both sides; paired tests on them` +
      (pairing.unpairedA.length + pairing.unpairedB.length ? `; ${pairing.unpairedA.length} A and ${pairing.unpairedB.length} B records without a partner are left out` : ''));
  } else if (a.length && b.length) {
    notes.push(nPairs === 0
      ? 'unpaired: no input was answered on both sides; independent-sample tests on all records'
      : `unpaired: only ${nPairs} items were answered on both sides (fewer than ${Math.max(MIN_PAIRS, Math.ceil(MIN_PAIRED_SHARE * Math.min(a.length, b.length)))}); independent-sample tests on all records`);
  }
  const bootDefs = defs.filter((d) => d.kind !== 'flag');
  const bootOptions = { seed: options.seed, resamples: options.resamples };
  let rows: RowBase[];
  if (a.length === 0 || b.length === 0) {
    rows = defs.map((d) => unpairedRow(d, present(a.map(d.get)), present(b.map(d.get)), undefined));
  } else if (paired) {
    const pa = pairing.pairs.map(([i]) => a[i]!);
    const pb = pairing.pairs.map(([, j]) => b[j]!);
    let boots: BootstrapInterval[] = [];
    if (bootDefs.length) {
      const diffs = bootstrapIntervals(bootDefs, nPairs, (d, i) => nanIfNull(d.get(pb[i]!)) - nanIfNull(d.get(pa[i]!)));
      boots = pairedBootstrap({ values: diffs, k: bootDefs.length }, bootOptions);
    }
    rows = defs.map((d) => {
      const va: number[] = [];
      const vb: number[] = [];
      for (let i = 0; i < nPairs; i++) {
        const x = d.get(pa[i]!);
        const y = d.get(pb[i]!);
        if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) {
          va.push(x);
          vb.push(y);
        }
      }
      const boot = boots[bootDefs.indexOf(d)];
      return pairedRow(d, va, vb, va.length ? boot : undefined);
    });
  } else {
    let boots: BootstrapInterval[] = [];
    if (bootDefs.length) {
      const ma = bootstrapIntervals(bootDefs, a.length, (d, i) => nanIfNull(d.get(a[i]!)));
      const mb = bootstrapIntervals(bootDefs, b.length, (d, i) => nanIfNull(d.get(b[i]!)));
      boots = unpairedBootstrap({ values: ma, k: bootDefs.length }, { values: mb, k: bootDefs.length }, bootOptions);
    }
    rows = defs.map((d) => unpairedRow(d, present(a.map(d.get)), present(b.map(d.get)), boots[bootDefs.indexOf(d)]));
  }
  const unanalyzed = (items: readonly CompareItem[]) => items.filter((i) => i.flags === null).length;
  const ua = unanalyzed(a);
  const ub = unanalyzed(b);
  if (ua || ub) notes.push(`${ua} A and ${ub} B records have no analysis results (run \`assay analyze\`); flag rates leave them out`);

  const tested = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.p_value !== null);
  const adjusted = adjustPValues(tested.map(({ r }) => r.p_value!), options.correction);
  const alpha = options.alpha ?? 0.05;
  const adjustedAt = new Map(tested.map(({ i }, k) => [i, adjusted[k]!]));
  const estimatedA = a.some((i) => i.estimated);
  const estimatedB = b.some((i) => i.estimated);
  const metrics = rows.map((r, i) => {
    const pAdj = adjustedAt.get(i) ?? null;
    return { ...r, p_adjusted: pAdj, significant: pAdj !== null && pAdj < alpha, estimate: metricCanBeEstimated(r.name) && (estimatedA || estimatedB) };
  });
  const buckets = paired ? bucketPairs(a, b, pairing.pairs, options.bucketFlag) : { counts: { regressed: 0, fixed: 0, still_failing: 0, unchanged: 0 }, items: { regressed: [], fixed: [], still_failing: [], unchanged: [] } };
  if (!paired && a.length && b.length) notes.push('buckets need paired items; none are formed for an unpaired comparison');
  return {
    by: options.by, a: options.a, b: options.b,
    paired: paired ? nPairs : 0,
    unpaired_a: paired ? pairing.unpairedA.length : a.length,
    unpaired_b: paired ? pairing.unpairedB.length : b.length,
    metrics, buckets: buckets.counts,
    mode: paired ? 'paired' : 'unpaired',
    pairing: pairing.by,
    records_a: a.length, records_b: b.length,
    correction: options.correction, seed: options.seed, resamples: options.resamples, bucket_flag: options.bucketFlag,
    notes, bucket_items: buckets.items,
  };
}
