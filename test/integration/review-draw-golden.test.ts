// Queues drawn before the sampling pipeline was made faster must redraw identically: the same workspace, filter,
// method and seed give the same records, strata and order as the algorithm that drew them. The digests below were
// taken from the draw as it stood before the speed work (commit 62e9c37); a change to them means old queues could
// no longer be redrawn and checked.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawQueue } from '../../main/review/draw-queue';
import { insertAsset } from '../../main/storage/assets-repo';
import { queueByName, queueItems } from '../../main/storage/review-repo';
import { recordInserter } from '../../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import { SampleRequest, type PopulationFilter } from '../../shared/contract/review-schemas';
import { createRng } from '../../shared/stats/prng';
import { sha256Hex } from '../../shared/util/hash';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-review-golden-');

/** 4,000 records over two assets, unset models and prompt versions, 30% unscored, scores with gaps, id gaps. */
function workspace(): { ws: Workspace; assets: number[] } {
  const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
  const rng = createRng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const maybe = (p: number, v: number) => (rng() < p ? null : v);
  const assets = [1, 2].map((v) => insertAsset(ws.db, { kind: 'logs', name: `a${v}`, version: 1, sha256: `x${v}`, sourcePath: null }));
  ws.db.prepare(`INSERT INTO analysis_runs (started_at, finished_at, status, analyzers, total, scored) VALUES ('t', 't', 'succeeded', '[]', 0, 0)`).run();
  const insertScore = ws.db.prepare(`INSERT INTO record_scores (record_id, run_id, grounding, answer_relevance, toxicity, injection,
    context_injection, pii, flag_hallucination, flag_toxic, flag_injection, flag_pii) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  ws.db.transaction(() => {
    const inserters = assets.map((a) => recordInserter(ws.db, a));
    for (let i = 0; i < 4000; i++) {
      inserters[i % 3 === 0 ? 1 : 0]!({
        input: 'q', output: 'a', contexts: [], metadata: {},
        timestamp: rng() < 0.05 ? undefined : new Date(Date.UTC(2026, 6, 1) + Math.floor(rng() * 30 * 86_400_000)).toISOString(),
        model: pick(['m-a', 'm-b', 'm-c', undefined]), prompt_version: pick(['v1', 'v2', undefined]),
      });
      if (rng() < 0.7) {
        insertScore.run(i + 1, maybe(0.1, rng()), maybe(0.5, rng()), maybe(0.1, rng() * 0.5), maybe(0.2, rng() * 0.4), maybe(0.7, rng()),
          maybe(0.2, rng() < 0.1 ? 2 : 0), rng() < 0.2 ? 1 : 0, rng() < 0.05 ? 1 : 0, rng() < 0.05 ? 1 : 0, rng() < 0.08 ? 1 : 0);
      }
    }
    ws.db.prepare('DELETE FROM records WHERE id % 89 = 0').run();
  })();
  return { ws, assets };
}

describe('review draws are stable across versions of the pipeline', () => {
  it('redraws every method, stratification and filter exactly as before', () => {
    const { ws, assets } = workspace();
    const cases: [string, Partial<SampleRequest> & { filter?: PopulationFilter }][] = [
      ['random', { method: 'random', size: 150, seed: 1 }],
      ['random filtered', { method: 'random', size: 40, seed: 2, filter: { assetId: assets[1], flag: 'any' } }],
      ['random all', { method: 'random', size: 5000, seed: 3, filter: { model: 'm-b' } }],
      ['stratified flag', { method: 'stratified', strata: 'flag', size: 120, seed: 4 }],
      ['stratified flag equal', { method: 'stratified', strata: 'flag', allocation: 'equal', size: 90, seed: 5 }],
      ['stratified flag filtered', { method: 'stratified', strata: 'flag', size: 60, seed: 6, filter: { from: '2026-07-08T00:00:00.000Z', scores: [{ score: 'grounding', max: 0.7 }] } }],
      ['stratified model', { method: 'stratified', strata: 'model', size: 100, seed: 7 }],
      ['stratified prompt equal', { method: 'stratified', strata: 'promptVersion', allocation: 'equal', size: 70, seed: 8, filter: { assetId: assets[0] } }],
      ['risk', { method: 'risk', size: 200, seed: 9 }],
      ['risk filtered', { method: 'risk', size: 50, seed: 10, filter: { flag: 'unscored' } }],
      ['risk scored', { method: 'risk', size: 80, seed: 4294967295, filter: { scores: [{ score: 'toxicity', min: 0.05 }] } }],
    ];
    const digests: Record<string, string> = {};
    for (const [name, req] of cases) {
      const drawn = drawQueue(ws, SampleRequest.parse({ name, ...req }));
      const items = queueItems(ws.db, queueByName(ws.db, name)!.id).map((i) => [i.record, i.stratum]);
      expect(items.map((i) => i[0])).toEqual(drawn.records);
      digests[name] = `${drawn.population} ${drawn.population_sha256.slice(0, 16)} ${sha256Hex(JSON.stringify(items)).slice(0, 16)}`;
    }
    expect(digests).toEqual({
      'random': '3956 e62f126d35dd7848 e8bc5ffbedbc4fc9',
      'random filtered': '302 e23e971c60300e60 f821a711a242a74f',
      'random all': '1001 d0977f285ccdc93b 512039dc1b617c29',
      'stratified flag': '3956 e62f126d35dd7848 7dcd4530a823b0c5',
      'stratified flag equal': '3956 e62f126d35dd7848 99b3c44e6e304a5b',
      'stratified flag filtered': '1255 03700dc92c1d13ed 1b82c4db2590ce18',
      'stratified model': '3956 e62f126d35dd7848 13b4c5e563552427',
      'stratified prompt equal': '2637 6657d4847f26ff40 e9a314cbb009c577',
      'risk': '3956 e62f126d35dd7848 60a1856ff575fada',
      'risk filtered': '1194 dddae5f598505db2 7044e789b455d5fb',
      'risk scored': '2238 578c193a78cede0b 5906f06db478abe5',
    });
    ws.close();
  });
});
