/**
 * A generated workspace of N log records for bench/records-scale.ts: two log assets, five models, four prompt
 * versions, timestamps over 90 days, tokens, latency and cost, short questions and answers with one retrieved
 * context, a PII-bearing answer every 50th record, headline scores for 80% of them. Written straight through the
 * storage layer (no importer) so a million records take about a minute; the FTS index and the per-group sums
 * (record_groups) are caught up at the end, as the app does after an import.
 */
import { insertAsset } from '../main/storage/assets-repo';
import { catchUpFts } from '../main/storage/records-fts';
import { catchUpRecordGroups } from '../main/storage/records-groups';
import { recordInserter } from '../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../main/storage/workspace';
import { createRng } from '../shared/stats/prng';

const WORDS = ('order shipping refund router warranty account password invoice delivery battery screen update return window days ' +
  'policy store credit card charge device reset firmware support ticket customer replacement label carrier tracking').split(' ');
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-3-haiku', 'llama-3-70b', 'mistral-large'];
const PROMPTS = ['v1.2', 'v1.3', 'v1.4', 'v2.0'];

export interface GeneratedWorkspace {
  ws: Workspace;
  assetIds: [number, number];
  ms: number;
}

export function generateRecordsWorkspace(dir: string, n: number, seed = 7): GeneratedWorkspace {
  const t0 = performance.now();
  const ws = createWorkspace(dir, { name: `records-scale-${n}`, actor: 'bench' });
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(' ');
  const db = ws.db;
  const assetIds: [number, number] = [
    insertAsset(db, { kind: 'logs', name: 'production', version: 1, sha256: 'bench-a', sourcePath: null }),
    insertAsset(db, { kind: 'logs', name: 'reference', version: 1, sha256: 'bench-b', sourcePath: null }),
  ];
  db.prepare(`INSERT INTO analysis_runs (started_at, finished_at, status, analyzers, total, scored) VALUES (?, ?, 'succeeded', '[]', ?, ?)`)
    .run(new Date().toISOString(), new Date().toISOString(), n, n);
  const insertScore = db.prepare(`INSERT INTO record_scores (record_id, run_id, grounding, toxicity, injection, context_injection, pii,
    flag_hallucination, flag_toxic, flag_injection, flag_pii) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const inserters = assetIds.map((id) => recordInserter(db, id));
  const start = Date.parse('2026-07-01T00:00:00Z');
  const batch = 50_000;
  for (let from = 0; from < n; from += batch) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + batch); i += 1) {
        const pii = i % 50 === 0;
        inserters[i % 10 === 0 ? 1 : 0]!({
          id: `r${i}`,
          timestamp: new Date(start + Math.floor(rng() * 90 * 86_400_000)).toISOString(),
          model: pick(MODELS), prompt_version: pick(PROMPTS),
          input: `${words(6)} ${i}?`,
          output: pii ? `${words(12)} write to jane.doe${i}@example.com or call 415-555-${String(i % 10000).padStart(4, '0')}` : words(18),
          contexts: [words(25)],
          tokens_in: 200 + Math.floor(rng() * 800), tokens_out: 20 + Math.floor(rng() * 300),
          latency_ms: Math.round(200 + rng() * 3000), cost: Math.round(rng() * 1e5) / 1e7,
          metadata: { session: `s${i % 997}` },
        });
        if (rng() < 0.8) {
          const grounding = rng();
          const toxicity = rng() * 0.3;
          const injection = rng() * 0.2;
          insertScore.run(i + 1, grounding, toxicity, injection, null, pii ? 2 : 0, grounding < 0.3 ? 1 : 0, 0, 0, pii ? 1 : 0);
        }
      }
    })();
  }
  catchUpFts(db, 20_000);
  db.transaction(() => catchUpRecordGroups(db))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { ws, assetIds, ms: performance.now() - t0 };
}
