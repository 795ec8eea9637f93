import { loadRealTexts } from './bench/hnsw/real-corpus';
import { DfCounter, DEFAULT_HASHED_TFIDF, HashedTfidf } from './shared/text/embed/hashed-tfidf';
import { HnswShard } from './main/indexes/hnsw-shard';
import { exactTopK } from './shared/text/embed/exact-knn';
import { searchGraphs } from './main/indexes/loaded-index';
import { mulberry32 } from './bench/hnsw/synthetic';
const n = Number(process.argv[2] ?? 40000), dim = 384, Q = 300;
const configs = JSON.parse(process.argv[3] ?? '[[16,200]]') as [number, number][];
const r = loadRealTexts('/work/shared/evaldata'); if ('skipped' in r) throw new Error();
const texts = r.texts; const rand = mulberry32(7);
for (let i = texts.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [texts[i], texts[j]] = [texts[j]!, texts[i]!]; }
const qt = texts.slice(0, Q), docs = texts.slice(Q, Q + n);
const params = { ...DEFAULT_HASHED_TFIDF, dimension: dim };
const df = new DfCounter(params); for (const d of docs) df.add(d);
const e = new HashedTfidf(params, df.result());
const v = new Float32Array(docs.length * dim); docs.forEach((d, i) => e.embedInto(d, v.subarray(i * dim, (i + 1) * dim)));
const q = new Float32Array(Q * dim); qt.forEach((d, i) => e.embedInto(d, q.subarray(i * dim, (i + 1) * dim)));
const truth = Array.from({ length: Q }, (_, i) => new Set(exactTopK(v, dim, q.subarray(i * dim, (i + 1) * dim), 10).indices));
const best = (f: () => void) => { let b = Infinity; for (let k = 0; k < 3; k++) { const t = performance.now(); f(); b = Math.min(b, performance.now() - t); } return b; };
for (const [m, efc] of configs) {
  const t0 = performance.now();
  const shard = HnswShard.create({ dimension: dim, m, efConstruction: efc, seed: 1 }, docs.length);
  for (let i = 0; i < docs.length; i++) shard.add(v.subarray(i * dim, (i + 1) * dim), i);
  const buildS = (performance.now() - t0) / 1000;
  const out = [`M=${m} efC=${efc} build ${buildS.toFixed(0)}s (${Math.round(docs.length / buildS)}/s)`];
  for (const ef of [48, 64, 96, 128, 160]) {
    let hit = 0;
    const ms = best(() => { hit = 0; for (let i = 0; i < Q; i++) for (const h of searchGraphs([shard], q.subarray(i * dim, (i + 1) * dim), 10, ef)) if (truth[i]!.has(h.id)) hit++; });
    const ex = best(() => { for (let i = 0; i < 20; i++) exactTopK(v, dim, q.subarray(i * dim, (i + 1) * dim), 10); }) / 20;
    out.push(`ef${ef}: r=${(hit / Q / 10).toFixed(3)} ${Math.round(Q / ms * 1000)}qps x${((Q / ms * 1000) / (1000 / ex)).toFixed(0)}`);
  }
  console.log(out.join(' | '));
}
