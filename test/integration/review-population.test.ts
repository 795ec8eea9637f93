// The review population read as bulk scans merged in JavaScript must be exactly the LEFT JOIN of records and
// record_scores that defines it (same ids in the same order, same strata, the fingerprint of those ids, and
// bit-identical risk read by id), for every filter, stratification and risk weighting, or a redrawn queue would not
// match the one drawn before.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPopulation, riskOf } from '../../main/storage/review-population';
import { insertAsset } from '../../main/storage/assets-repo';
import { recordInserter } from '../../main/storage/records-repo';
import { createWorkspace, type Workspace } from '../../main/storage/workspace';
import type { PopulationFilter, StrataColumn } from '../../shared/contract/review-schemas';
import { createRng } from '../../shared/stats/prng';
import { sha256Hex } from '../../shared/util/hash';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-review-pop-');

// The definition, as one statement (what the population was read with before it became two scans).
const FLAG = {
  hallucination: 's.flag_hallucination = 1', toxic: 's.flag_toxic = 1', injection: 's.flag_injection = 1', pii: 's.flag_pii = 1',
  any: '(s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0', unscored: 's.record_id IS NULL',
} as const;
const STRATUM = {
  model: "coalesce(r.model, '(none)')",
  promptVersion: "coalesce(r.prompt_version, '(none)')",
  flag: `CASE WHEN s.record_id IS NULL THEN 'unscored' WHEN s.flag_hallucination = 1 THEN 'hallucination' WHEN s.flag_toxic = 1 THEN 'toxic'
    WHEN s.flag_injection = 1 THEN 'injection' WHEN s.flag_pii = 1 THEN 'pii' ELSE 'none' END`,
} as const;
const RISK = `max(coalesce(1 - s.grounding, 0), coalesce(s.toxicity, 0), coalesce(s.injection, 0), coalesce(s.context_injection, 0),
  CASE WHEN s.pii > 0 THEN 1 ELSE 0 END)`;

function reference(ws: Workspace, f: PopulationFilter, want: { strata?: StrataColumn; risk?: boolean }) {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.assetId !== undefined) { where.push('r.asset_id = ?'); args.push(f.assetId); }
  if (f.model !== undefined) { where.push('r.model = ?'); args.push(f.model); }
  if (f.promptVersion !== undefined) { where.push('r.prompt_version = ?'); args.push(f.promptVersion); }
  if (f.from !== undefined) { where.push('r.timestamp >= ?'); args.push(f.from); }
  if (f.to !== undefined) { where.push('r.timestamp <= ?'); args.push(f.to); }
  if (f.flag !== undefined) where.push(FLAG[f.flag]);
  for (const s of f.scores ?? []) {
    if (s.min !== undefined) { where.push(`s.${s.score} >= ?`); args.push(s.min); }
    if (s.max !== undefined) { where.push(`s.${s.score} <= ?`); args.push(s.max); }
  }
  const rows = ws.db.prepare(`SELECT r.id, ${want.strata ? STRATUM[want.strata] : 'NULL'}, ${want.risk ? RISK : 'NULL'}
    FROM records r LEFT JOIN record_scores s ON s.record_id = r.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id`)
    .raw().all(...args) as [number, string | null, number | null][];
  return {
    ids: rows.map((r) => r[0]),
    strata: want.strata ? rows.map((r) => r[1]) : null,
    risk: want.risk ? rows.map((r) => r[2]) : null,
  };
}

/** 3,000 records over two assets with unset models and prompt versions, 30% unscored, scores with gaps, id gaps. */
function workspace({ deleteSome = true } = {}): { ws: Workspace; assets: number[] } {
  const ws = createWorkspace(path.join(tmp(), 'ws'), { actor: 'tester (test)' });
  const rng = createRng(3);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const maybe = (p: number, v: number) => (rng() < p ? null : v);
  const assets = [1, 2].map((v) => insertAsset(ws.db, { kind: 'logs', name: `a${v}`, version: 1, sha256: `x${v}`, sourcePath: null }));
  ws.db.prepare(`INSERT INTO analysis_runs (started_at, finished_at, status, analyzers, total, scored) VALUES ('t', 't', 'succeeded', '[]', 0, 0)`).run();
  const insertScore = ws.db.prepare(`INSERT INTO record_scores (record_id, run_id, grounding, answer_relevance, toxicity, injection,
    context_injection, pii, flag_hallucination, flag_toxic, flag_injection, flag_pii) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  ws.db.transaction(() => {
    const inserters = assets.map((a) => recordInserter(ws.db, a));
    for (let i = 0; i < 3000; i++) {
      inserters[i % 3 === 0 ? 1 : 0]!({
        input: 'q', output: 'a', contexts: [], metadata: {},
        timestamp: rng() < 0.05 ? undefined : new Date(Date.UTC(2026, 6, 1) + Math.floor(rng() * 30 * 86_400_000)).toISOString(),
        model: pick(['m-a', 'm-b', 'm-c', '(none)', undefined]), prompt_version: pick(['v1', 'v2', undefined]),
      });
      if (rng() < 0.7) {
        insertScore.run(i + 1, maybe(0.1, rng()), maybe(0.5, rng()), maybe(0.1, rng() * 0.5), maybe(0.2, rng() * 0.4), maybe(0.7, rng()),
          maybe(0.2, rng() < 0.1 ? 2 : 0), rng() < 0.2 ? 1 : 0, rng() < 0.05 ? 1 : 0, rng() < 0.05 ? 1 : 0, rng() < 0.08 ? 1 : 0);
      }
    }
    if (deleteSome) ws.db.prepare('DELETE FROM records WHERE id % 97 = 0').run();
  })();
  return { ws, assets };
}

describe('review population', () => {
  it('equals the LEFT JOIN of records and scores for every filter, stratification and risk weighting', () => {
    const { ws, assets } = workspace();
    const filters: PopulationFilter[] = [
      {}, { assetId: assets[1] }, { model: 'm-b' }, { promptVersion: 'v2' }, { from: '2026-07-10T00:00:00.000Z', to: '2026-07-20T00:00:00.000Z' },
      { flag: 'hallucination' }, { flag: 'injection' }, { flag: 'any' }, { flag: 'unscored' }, { flag: 'pii', assetId: assets[0] },
      { scores: [{ score: 'grounding', max: 0.4 }] }, { scores: [{ score: 'toxicity', min: 0.1 }, { score: 'answer_relevance', max: 0.9 }] },
      { flag: 'unscored', scores: [{ score: 'grounding', min: 0 }] }, { model: 'none-such' },
      { from: '2026-07-05T00:00:00.000Z', flag: 'toxic', promptVersion: 'v1' },
    ];
    const wants: { strata?: StrataColumn; risk?: boolean }[] = [{}, { strata: 'flag' }, { strata: 'model' }, { strata: 'promptVersion' }, { risk: true }];
    let compared = 0;
    for (const filter of filters) {
      for (const want of wants) {
        const pop = loadPopulation(ws.db, filter, want.strata);
        const risk = want.risk ? Array.from(riskOf(ws.db, pop.ids)) : null;
        const got = { ids: Array.from(pop.ids), strata: pop.strata && Array.from(pop.strata.codes, (c) => pop.strata!.names[c]!), risk };
        const ref = reference(ws, filter, want);
        expect({ filter, want, ...got }).toEqual({ filter, want, ...ref });
        expect(pop.sha256).toBe(sha256Hex(ref.ids.join('\n')));
        // Bit for bit: a risk weight one ulp off could reorder a weighted draw.
        if (ref.risk) expect(risk!.every((r, i) => Object.is(r, ref.risk![i]))).toBe(true);
        compared += ref.ids.length;
      }
    }
    expect(compared).toBeGreaterThan(20_000);
    ws.close();
  });

  it('is the same join when no record was deleted (the whole population known from count, min and max)', () => {
    const { ws } = workspace({ deleteSome: false });
    for (const want of [{}, { strata: 'flag' as const }, { risk: true }]) {
      const pop = loadPopulation(ws.db, {}, want.strata);
      const ref = reference(ws, {}, want);
      expect(Array.from(pop.ids)).toEqual(ref.ids);
      expect(pop.strata && Array.from(pop.strata.codes, (c) => pop.strata!.names[c]!)).toEqual(ref.strata);
      expect(pop.sha256).toBe(sha256Hex(ref.ids.join('\n')));
    }
    expect(loadPopulation(ws.db, {}).ids[0]).toBe(1);
    ws.db.prepare('DELETE FROM records WHERE id = 1').run();
    const later = loadPopulation(ws.db, {});
    expect([later.ids[0], later.ids.length]).toEqual([2, 2999]);
    ws.close();
  });
});
