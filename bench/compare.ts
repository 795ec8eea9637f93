// Speed of a paired version comparison: two versions of N items (default 100k) answering the same inputs, every
// metric of `assay compare` (4 flag rates by exact McNemar, 3 scores by Wilcoxon, 4 usage means by the paired
// bootstrap with 10,000 resamples; the bootstrap also gives the score intervals), Holm correction, buckets.
//   npx tsx bench/compare.ts [--items 100000] [--resamples 10000] [--repeat 3]
// Times compareVersions on items in memory (pairing by normalized input text included) and prints the best of
// --repeat runs with the load average, since timings on a shared machine wander. The baseline timed in the same
// run is the bootstrap alone on few-valued metrics (drawn per distinct value), to show where the time goes: the
// continuous metrics (relevance scores, cost) are the ones resampled item by item.
import os from 'node:os';
import type { CompareItem } from '../shared/compare/compare-item';
import { compareVersions } from '../shared/compare/compare-versions';
import { pairedBootstrap } from '../shared/stats/bootstrap';
import { createRng } from '../shared/stats/prng';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const items = arg('items', 100_000);
const resamples = arg('resamples', 10_000);
const repeat = arg('repeat', 3);

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
// Wall and CPU time: on a machine shared with other work the CPU time is the closer figure for an idle one.
const best = (f: () => void) => {
  let wall = Infinity;
  let cpu = Infinity;
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    const c = process.cpuUsage();
    f();
    const used = process.cpuUsage(c);
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  return `wall ${(wall / 1000).toFixed(2)} s, cpu ${(cpu / 1000).toFixed(2)} s`;
};

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`bench/compare: ${items.toLocaleString('en')} paired items per version, ${resamples.toLocaleString('en')} resamples, ${os.cpus().length} cpus; load ${load()}`);
let result: ReturnType<typeof compareVersions> | undefined;
const full = best(() => {
  result = compareVersions(a, b, { by: 'prompt_version', a: 'v1', b: 'v2', correction: 'holm', seed: 1, resamples, bucketFlag: 'any' });
});
const k = 7;
const matrix = new Float64Array(items * k).map((_, i) => (i % 13) / 13 - 0.4);
const bootOnly = best(() => pairedBootstrap({ values: matrix, k }, { seed: 1, resamples }));
console.log(`compareVersions (all 12 metrics, pairing, buckets): best ${full} of ${repeat}`);
console.log(`  baseline, the paired bootstrap of 7 few-valued metrics alone: best ${bootOnly}`);
console.log(`  pairs ${result!.paired}, significant: ${result!.metrics.filter((m) => m.significant).map((m) => m.name).join(', ')}`);
console.log(`load after: ${load()}`);
