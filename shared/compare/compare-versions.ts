// Compares two versions item by item: pairs them, computes every requested metric with its test and interval,
// corrects the p-values across the metrics shown, and sorts paired items into buckets. The bootstrap is a
// separate step (prepareComparison, then finish with the resampled means) so main/compare can run it on
// worker threads; compareVersions runs it here.
import type { BucketFlag, ComparisonResult, CompareAxis, CorrectionMethod, MetricName } from '../contract/compare-schemas';
import { pairedIntervals, resampleMeans, unpairedIntervals, unpairedSeeds, type BootstrapInterval, type MetricMatrix } from '../stats/bootstrap';
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

/** The matrices to bootstrap (none, the paired differences, or sides A and B), each with its seed. */
export interface BootstrapJob {
  matrix: MetricMatrix;
  seed: number;
}

export interface PreparedComparison {
  jobs: BootstrapJob[];
  /** The result, given resampleMeans(job.matrix, options.resamples, job.seed) of each job in order. */
  finish(means: readonly (readonly Float64Array[])[]): ComparisonResult;
}

export function compareVersions(a: readonly CompareItem[], b: readonly CompareItem[], options: CompareOptions): ComparisonResult {
  const prepared = prepareComparison(a, b, options);
  return prepared.finish(prepared.jobs.map((j) => resampleMeans(j.matrix, options.resamples, j.seed)));
}

export function prepareComparison(a: readonly CompareItem[], b: readonly CompareItem[], options: CompareOptions): PreparedComparison {
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
  const k = bootDefs.length;
  const jobs: BootstrapJob[] = [];
  const pa = paired ? pairing.pairs.map(([i]) => a[i]!) : [];
  const pb = paired ? pairing.pairs.map(([, j]) => b[j]!) : [];
  if (k && a.length && b.length) {
    if (paired) {
      jobs.push({ matrix: { values: bootstrapIntervals(bootDefs, nPairs, (d, i) => nanIfNull(d.get(pb[i]!)) - nanIfNull(d.get(pa[i]!))), k }, seed: options.seed });
    } else {
      const [seedA, seedB] = unpairedSeeds(options.seed);
      jobs.push({ matrix: { values: bootstrapIntervals(bootDefs, a.length, (d, i) => nanIfNull(d.get(a[i]!))), k }, seed: seedA });
      jobs.push({ matrix: { values: bootstrapIntervals(bootDefs, b.length, (d, i) => nanIfNull(d.get(b[i]!))), k }, seed: seedB });
    }
  }
  return { jobs, finish: (means) => finishComparison(a, b, options, defs, bootDefs, jobs, means, { pairing, paired, nPairs, pa, pb, notes }) };
}

interface Paired {
  pairing: ReturnType<typeof pairItems>;
  paired: boolean;
  nPairs: number;
  pa: CompareItem[];
  pb: CompareItem[];
  notes: string[];
}

function finishComparison(a: readonly CompareItem[], b: readonly CompareItem[], options: CompareOptions, defs: readonly MetricDef[],
  bootDefs: readonly MetricDef[], jobs: readonly BootstrapJob[], means: readonly (readonly Float64Array[])[], { pairing, paired, nPairs, pa, pb, notes: prepared }: Paired): ComparisonResult {
  const notes = [...prepared];
  if (means.length !== jobs.length) throw new RangeError(`expected resampled means for ${jobs.length} bootstrap jobs, got ${means.length}`);
  let rows: RowBase[];
  if (a.length === 0 || b.length === 0) {
    rows = defs.map((d) => unpairedRow(d, present(a.map(d.get)), present(b.map(d.get)), undefined));
  } else if (paired) {
    const boots: BootstrapInterval[] = jobs.length ? pairedIntervals(jobs[0]!.matrix, means[0]!) : [];
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
    const boots: BootstrapInterval[] = jobs.length ? unpairedIntervals(jobs[0]!.matrix, jobs[1]!.matrix, means[0]!, means[1]!) : [];
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
