import { parentPort } from 'node:worker_threads';
import { HnswShard } from '../../main/indexes/hnsw-shard';
import type { HnswSpace } from '../../main/indexes/hnswlib';

/** Bench worker: builds one HNSW shard over rows [start, end) of a shared vector matrix and writes it to disk. */
export interface ShardTask {
  vectors: SharedArrayBuffer;
  dim: number;
  start: number;
  end: number;
  m: number;
  efConstruction: number;
  seed: number;
  space: HnswSpace;
  file: string;
}

const port = parentPort;
if (!port) throw new Error('bench build-worker must run in a worker thread');
port.on('message', (t: ShardTask) => {
  const all = new Float32Array(t.vectors);
  const started = performance.now();
  const shard = HnswShard.create({ dimension: t.dim, m: t.m, efConstruction: t.efConstruction, seed: t.seed, space: t.space }, t.end - t.start);
  for (let i = t.start; i < t.end; i++) shard.add(all.subarray(i * t.dim, (i + 1) * t.dim), i);
  const insertMs = performance.now() - started;
  const saved = shard.save(t.file);
  port.postMessage({ insertMs, ...saved });
});
