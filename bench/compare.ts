// Speed of a paired version comparison: two versions of N items (default 100k) answering the same inputs, every
// metric of `assay compare` (4 flag rates by exact McNemar, 3 scores by Wilcoxon, 4 usage means by the paired
// bootstrap with 10,000 resamples; the bootstrap also gives the score intervals), Holm correction, buckets.
//   npx tsx bench/compare.ts [--items 100000] [--resamples 10000] [--repeat 3]
// Times the comparison on items in memory (pairing by normalized input text included) as `compare.run` runs it:
// compareVersionsParallel, the bootstrap's item-by-item resamples split over --threads threads (default 2), and
// the same on one thread as the baseline of the same run, checking both give identical metrics. Prints the best
// of --repeat runs, wall and CPU time (all threads), with the load average, since timings on a shared machine wander.
// Then where the single-thread time goes: preparing (pairing, the metric matrix), the bootstrap, and finishing
// (tests, intervals, buckets), with the bootstrap's plan (which metrics are resampled item by item on the SIMD kernels).
import os from 'node:os';
import type { CompareItem } from '../shared/compare/compare-item';
import { compareVersionsParallel } from '../main/compare/parallel-resample';
import { prepareComparison } from '../shared/compare/compare-versions';
import { METRICS } from '../shared/compare/metrics';
import type { ComparisonResult } from '../shared/contract/compare-schemas';
import { planResamples, resampleMeans } from '../shared/stats/bootstrap';
import { createRng } from '../shared/stats/prng';
import { resampleKernels } from '../shared/stats/resample-kernels';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const items = arg('items', 100_000);
const resamples = arg('resamples', 10_000);
const repeat = arg('repeat', 3);
const threads = arg('threads', 2);

function side(seed: number, shift: number): CompareItem[] {
  const rng = createRng(seed);
  return Array.from({ length: items }, (_, i) => ({
    recordId: i + 1, input: `Question ${i}: where is order ${10_000 + i}?`, pairKey: null, itemId: null,
    flags: { hallucination: rng() < 0.08 + shift, toxic: rng() < 0.01, injection: rng() < 0.02, pii: rng() < 0.03 + shift / 2 },
    grounding: Math.round(rng() * 100) / 100, answerRelevance: rng(), contextRelevance: rng(), reviewPass: null,
    tokensIn: 500 + Math.floor(rng() * 400), tokensOut: 40 + Math.floor(rng() * 60 + shift * 100), latencyMs: Math.round(800 + rng() * 900), cost: 0.0004 + rng() * 0.0003, estimated: false,
  }));
}

const a = side(1, 0);
const b = side(2, 0.01);
// Wall and CPU time: process.cpuUsage counts every thread of the process, workers included.
const best = async (f: () => Promise<void>) => {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await f();
    const used = process.cpuUsage(c);
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return `wall ${(wall / 1000).toFixed(2)} s, cpu ${(cpu / 1000).toFixed(2)} s`;
};

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const options = { by: 'prompt_version', a: 'v1', b: 'v2', correction: 'holm', seed: 1, resamples, bucketFlag: 'any' } as const;
console.log(`bench/compare: ${items.toLocaleString('en')} paired items per version, ${resamples.toLocaleString('en')} resamples, ${os.cpus().length} cpus; load ${load()}`);
let split: ComparisonResult | undefined;
let single: ComparisonResult | undefined;
const full = await best(async () => { split = await compareVersionsParallel(a, b, options, threads); });
const one = await best(async () => { single = await compareVersionsParallel(a, b, options, 1); });
console.log(`compare.run's comparison (all 12 metrics, pairing, buckets), ${threads} threads: best ${full} of ${repeat}`);
console.log(`  baseline, the same on 1 thread: best ${one}`);
console.log(`  identical metrics on ${threads} and 1 threads: ${JSON.stringify(split!.metrics) === JSON.stringify(single!.metrics)}`);
console.log(`  pairs ${split!.paired}, significant: ${split!.metrics.filter((m) => m.significant).map((m) => m.name).join(', ')}`);

// Phases on one thread, best of --repeat each (wall; the machine's other load shows up here too).
const phase = (f: () => unknown) => {
  let wall = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    f();
    wall = Math.min(wall, performance.now() - t);
  }
  return `${(wall / 1000).toFixed(2)} s`;
};
const prepared = prepareComparison(a, b, options);
const job = prepared.jobs[0]!;
const plan = planResamples(job.matrix);
// The bootstrap's metrics, in prepareComparison's order: every metric but the flags.
const bootNames = METRICS.filter((m) => m.kind !== 'flag').map((m) => m.name);
const itemByItem = plan.denseMetrics.map((j) => bootNames[j]).join(', ');
const byValue = plan.distinct.flatMap((g, j) => (g ? [`${bootNames[j]} (${g.values.length} values)`] : [])).join(', ');
let means: Float64Array[] = [];
console.log(`phases on 1 thread: prepare ${phase(() => prepareComparison(a, b, options))}, bootstrap ${phase(() => {
  means = resampleMeans(job.matrix, resamples, job.seed);
})}, finish ${phase(() => prepared.finish([means]))}`);
console.log(`  bootstrap plan: item by item ${itemByItem || 'none'}; by value ${byValue || 'none'}; SIMD kernels: ${resampleKernels() ? 'yes' : 'no (JS reference)'}`);
console.log(`load after: ${load()}`);
