import { DfCounter, HashedTfidf } from '../../shared/text/embed/hashed-tfidf';
import { openDatabase, type Db } from '../storage/db';
import { corpusShardRows } from '../storage/indexes-repo';
import type { BuildRequest, BuiltReply, CountReply, CountRequest, ProgressReply } from './build-protocol';
import { HnswShard } from './hnsw-shard';

const PROGRESS_EVERY = 500;
const MAX_LABEL = 0xffffffff;

/**
 * The work of one shard, run inside a worker thread: count document frequencies over the shard's rows, then
 * (once the job has merged every shard's counts into one IDF) embed the same rows and insert them into an HNSW
 * graph written to disk. Rows are read from SQLite here rather than sent from the main thread, which stays free.
 */
export class ShardBuilder {
  private db: Db | null = null;
  private count: CountRequest | null = null;
  private seen = new Set<number>();

  constructor(private readonly progress: (p: ProgressReply) => void) {}

  countDocumentFrequencies(req: CountRequest): CountReply {
    this.count = req;
    this.db = openDatabase(req.dbPath, { create: false, readonly: true });
    const counter = new DfCounter(req.embedder);
    let rows = 0;
    for (const row of corpusShardRows(this.db, req.source, req.assetId, req.shard, req.shards)) {
      if (row.id > MAX_LABEL) throw new Error(`row id ${row.id} is too large for an index label`);
      counter.add(row.text);
      this.seen.add(row.id);
      if (++rows % PROGRESS_EVERY === 0) this.progress({ type: 'progress', phase: 'count', done: rows });
    }
    this.progress({ type: 'progress', phase: 'count', done: rows });
    const { df, docs } = counter.result();
    return { type: 'counted', df, docs, rows };
  }

  build(req: BuildRequest): BuiltReply {
    const count = this.count;
    const db = this.db;
    if (!count || !db) throw new Error('build requested before the shard was counted');
    const embedder = new HashedTfidf(count.embedder, { docs: req.docs, df: req.df });
    const shard = HnswShard.create({ dimension: count.embedder.dimension, m: req.m, efConstruction: req.efConstruction, seed: req.seed }, this.seen.size + 16);
    const vec = new Float32Array(count.embedder.dimension);
    const added: number[] = [];
    const skipped: number[] = [];
    let done = 0;
    // Only the rows that were counted, so the IDF describes exactly what the graph holds.
    for (const row of corpusShardRows(db, count.source, count.assetId, count.shard, count.shards)) {
      if (!this.seen.has(row.id)) continue;
      if (embedder.embedInto(row.text, vec)) {
        shard.add(vec, row.id);
        added.push(row.id);
      } else {
        skipped.push(row.id);
      }
      if (++done % PROGRESS_EVERY === 0) this.progress({ type: 'progress', phase: 'insert', done });
    }
    this.progress({ type: 'progress', phase: 'insert', done });
    const saved = shard.save(req.file);
    db.close();
    this.db = null;
    return { type: 'built', ...saved, added: Uint32Array.from(added), skipped: Uint32Array.from(skipped), maxElements: shard.capacity };
  }
}
