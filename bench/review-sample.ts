/**
 * Drawing a 1,000-record review sample from a large population.
 *
 *   npx tsx bench/review-sample.ts                 # generate 1M records in the OS temp folder, then measure
 *   npx tsx bench/review-sample.ts --n 200000      # a smaller population
 *   npx tsx bench/review-sample.ts --reuse DIR     # a workspace generated earlier (bench/records-scale-data.ts)
 *   npx tsx bench/review-sample.ts --keep DIR      # generate into DIR and keep it for later --reuse
 *
 * Times `review.sample` through the API dispatch every host uses (population query, sha256 of the ids, seeded draw,
 * queue + items + audit entry in one transaction) for simple random, stratified-by-flag, stratified-by-model and
 * risk-weighted draws, 5 runs each, and as baselines in the same run the bare id queries (`SELECT id FROM records`,
 * which SQLite answers from a covering index, as the population query does, and the same with ORDER BY id).
 * The goal (issue 11): under 1 s wall for every method; CPU at most ~500 ms, so that it holds on a loaded machine.
 * Prints the load average with each figure: on a shared machine compare against the baseline, not across runs.
 * Each figure also gives this process's CPU time (user + system), which a loaded machine stretches far less than
 * wall time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callApi } from '../main/api/dispatch';
import { EventBus } from '../main/api/event-bus';
import { createHandlers } from '../main/api/handlers';
import { openWorkspace, type Workspace } from '../main/storage/workspace';
import { generateRecordsWorkspace } from './records-scale-data';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const n = Number(arg('--n') ?? 1_000_000);
const reuse = arg('--reuse');
const keep = arg('--keep');
const load = () => os.loadavg()[0]!.toFixed(1);
const RUNS = 5;

let tempRoot: string | null = null;
let ws: Workspace;
if (reuse) ws = openWorkspace(reuse, { actor: 'bench' });
else {
  tempRoot = keep ?? mkdtempSync(path.join(os.tmpdir(), 'assay-review-bench-'));
  const g = generateRecordsWorkspace(path.join(tempRoot, 'ws'), n);
  console.log(`generated ${n} records in ${(g.ms / 1000).toFixed(1)} s (load ${load()})`);
  ws = g.ws;
}
const handlers = createHandlers(ws, new EventBus());
const population = (ws.db.prepare('SELECT count(*) FROM records').pluck().get() as number);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function stats(ms: number[], cpu: number[]): string {
  return `median ${median(ms).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; CPU median ${median(cpu).toFixed(0)} ms`;
}

/** Wall and CPU milliseconds of one call. */
async function timed(f: () => unknown): Promise<[number, number]> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await f();
  const used = process.cpuUsage(cpu);
  return [performance.now() - t, (used.user + used.system) / 1000];
}

for (const sql of ['SELECT id FROM records', 'SELECT id FROM records ORDER BY id']) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [w, c] = await timed(() => ws.db.prepare(sql).pluck().all());
    times.push(w);
    cpu.push(c);
  }
  console.log(`baseline: ${sql} over ${population} records: ${stats(times, cpu)} (load ${load()})`);
}

// The whole population of a workspace with nothing deleted is known from count, min and max; a filter (here the
// larger asset, 90% of the records, every tenth id missing) takes the general path that reads every id.
const largestAsset = ws.db.prepare('SELECT asset_id FROM records GROUP BY asset_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
const byAsset = { filter: { assetId: largestAsset } };
const methods = [
  { label: 'simple random', request: { method: 'random' as const } },
  { label: 'stratified by flag', request: { method: 'stratified' as const, strata: 'flag' as const } },
  { label: 'stratified by model', request: { method: 'stratified' as const, strata: 'model' as const } },
  { label: 'risk-weighted', request: { method: 'risk' as const } },
  { label: 'simple random, larger asset', request: { method: 'random' as const, ...byAsset } },
  { label: 'stratified by flag, larger asset', request: { method: 'stratified' as const, strata: 'flag' as const, ...byAsset } },
  { label: 'risk-weighted, larger asset', request: { method: 'risk' as const, ...byAsset } },
];
for (const m of methods) {
  const times: number[] = [];
  const cpu: number[] = [];
  let pop = 0;
  for (let i = 0; i < RUNS; i++) {
    let n = 0;
    const [w, c] = await timed(async () => {
      const r = await callApi(handlers, 'review.sample', { name: `bench-${m.label}-${Date.now()}-${i}`, size: 1000, seed: i, ...m.request });
      n = r.n;
      pop = r.population;
    });
    times.push(w);
    cpu.push(c);
    if (n !== Math.min(1000, pop)) throw new Error(`drew ${n} records`);
  }
  console.log(`review.sample ${m.label}, 1,000 of ${pop}: ${stats(times, cpu)} (load ${load()})`);
}
ws.close();
if (tempRoot && !keep) rmSync(tempRoot, { recursive: true, force: true });
else if (keep) console.log(`kept the workspace: --reuse ${path.join(keep, 'ws')}`);
