// End-to-end speed of `compare.run` on a workspace: two prompt versions of N records each (default 100k) that
// answered the same inputs, analyzed, with logged tokens, latency and cost; every metric, 10,000 resamples.
//   npx tsx bench/compare-workspace.ts [--items 100000] [--repeat 2] [--dir DIR]
// Times the records and scores read from SQLite (both sides), pricing, and the comparison as compare.run runs
// them (runCompare, bootstrap on ASSAY_COMPARE_THREADS or 2 threads). The workspace is written straight through the
// storage layer, as bench/records-scale-data.ts does, and is not part of the timing. Prints the best of --repeat
// runs, wall and CPU time of every thread of the process, with the load average (a shared machine's timings wander).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCompare } from '../main/compare/run-compare';
import { applyCosts } from '../main/cost/apply-costs';
import { insertAsset } from '../main/storage/assets-repo';
import { loadSideItems } from '../main/storage/compare-repo';
import { recordInserter } from '../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../main/storage/workspace';
import { CompareRequest } from '../shared/contract/compare-schemas';
import { createRng } from '../shared/stats/prng';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const items = arg('items', 100_000);
const repeat = arg('repeat', 2);
const dirArg = process.argv.indexOf('--dir');
const root = dirArg === -1 ? mkdtempSync(path.join(os.tmpdir(), 'assay-bench-compare-')) : process.argv[dirArg + 1]!;

function generate(dir: string): Workspace {
  const ws = createWorkspace(dir, { name: 'bench-compare', actor: 'bench' });
  const db = ws.db;
  const asset = insertAsset(db, { kind: 'logs', name: 'paired', version: 1, sha256: 'bench-compare', sourcePath: null });
  db.prepare(`INSERT INTO analysis_runs (started_at, finished_at, status, analyzers, total, scored) VALUES (?, ?, 'succeeded', '[]', ?, ?)`)
    .run(new Date().toISOString(), new Date().toISOString(), 2 * items, 2 * items);
  const insertScore = db.prepare(`INSERT INTO record_scores (record_id, run_id, grounding, answer_relevance, context_relevance, pii,
    flag_hallucination, flag_toxic, flag_injection, flag_pii) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insert = recordInserter(db, asset);
  const rng = createRng(7);
  const start = Date.parse('2026-11-01T00:00:00Z');
  let id = 0;
  for (let from = 0; from < items; from += 25_000) {
    db.transaction(() => {
      for (let i = from; i < Math.min(items, from + 25_000); i++) {
        for (const [v, shift] of [['v1', 0], ['v2', 0.01]] as const) {
          const pii = rng() < 0.03 + shift / 2;
          insert({
            id: `${v}-${i}`, timestamp: new Date(start + i * 1000).toISOString(), model: 'gpt-4o-mini', prompt_version: v,
            input: `Question ${i}: where is order ${10_000 + i}?`, output: `Order ${10_000 + i} ships in ${1 + (i % 5)} days.`, contexts: [],
            tokens_in: 500 + Math.floor(rng() * 400), tokens_out: 40 + Math.floor(rng() * 60 + shift * 100),
            latency_ms: Math.round(800 + rng() * 900), cost: 0.0004 + rng() * 0.0003, metadata: {},
          });
          id++;
          insertScore.run(id, Math.round(rng() * 100) / 100, rng(), rng(), pii ? 1 : 0, rng() < 0.08 + shift ? 1 : 0, rng() < 0.01 ? 1 : 0, rng() < 0.02 ? 1 : 0, pii ? 1 : 0);
        }
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return ws;
}

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const clock = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const since = (t: ReturnType<typeof clock>) => {
  const used = process.cpuUsage(t.cpu);
  return { wall: (performance.now() - t.wall) / 1000, cpu: (used.user + used.system) / 1e6 };
};
const fmt = (x: { wall: number; cpu: number }) => `wall ${x.wall.toFixed(2)} s, cpu ${x.cpu.toFixed(2)} s`;

const t0 = performance.now();
const ws = generate(path.join(root, 'ws'));
console.log(`bench/compare-workspace: ${items.toLocaleString('en')} paired records per prompt version written in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${os.cpus().length} cpus; load ${load()}`);
const request = CompareRequest.parse({ by: 'prompt_version', a: 'v1', b: 'v2' });
let bestRun = { wall: Infinity, cpu: Infinity };
let bestRead = { wall: Infinity, cpu: Infinity };
let paired = 0;
for (let r = 0; r < repeat; r++) {
  // The read alone (both sides, priced), then the whole of compare.run, which reads again.
  const t = clock();
  await applyCosts(ws.db, loadSideItems(ws.db, 'prompt_version', 'v1'));
  await applyCosts(ws.db, loadSideItems(ws.db, 'prompt_version', 'v2'));
  const read = since(t);
  const u = clock();
  const result = await runCompare(ws, request);
  const run = since(u);
  paired = result.paired;
  if (read.wall < bestRead.wall) bestRead = read;
  if (run.wall < bestRun.wall) bestRun = run;
}
console.log(`compare.run (read both sides from SQLite, price, pair, 12 metrics, 10,000 resamples): best ${fmt(bestRun)} of ${repeat}; ${paired.toLocaleString('en')} pairs`);
console.log(`  of which reading and pricing both sides: best ${fmt(bestRead)}`);
console.log(`load after: ${load()}`);
ws.close();
if (dirArg === -1) rmSync(root, { recursive: true, force: true });
