import { DfCounter, HashedTfidf } from '../../shared/text/embed/hashed-tfidf';
import { openDatabase, type Db } from '../storage/db';
import { corpusShardRows } from '../storage/indexes-repo';
import type { BuildRequest, BuiltReply, CountReply, CountRequest, ProgressReply } from './build-protocol';
import { HnswShard } from './hnsw-shard';
import { ONNX_BATCH, OnnxEmbedder } from './onnx/onnx-embedder';

const PROGRESS_EVERY = 500;
const MAX_LABEL = 0xffffffff;
/** Rows handed to a model per await: a few runs' worth, so progress stays fresh. */
const ONNX_ROWS_PER_STEP = ONNX_BATCH * 4;

/**
 * The work of one shard, run inside a worker thread: count document frequencies over the shard's rows, then
 * (once the job has merged every shard's counts into one IDF) embed the same rows and insert them into an HNSW
 * graph written to disk. Rows are read from SQLite here rather than sent from the main thread, which stays free.
 * With a model folder there is no IDF: the count step loads the model (reporting its spec) and lists the rows.
 */
export class ShardBuilder {
  private db: Db | null = null;
  private count: CountRequest | null = null;
  private seen = new Set<number>();
  private model: OnnxEmbedder | null = null;

  constructor(private readonly progress: (p: ProgressReply) => void) {}

  async countDocumentFrequencies(req: CountRequest): Promise<CountReply> {
    this.count = req;
    const embedder = req.embedder;
    if (embedder.kind === 'onnx') this.model = await OnnxEmbedder.open(embedder.dir, { maxLength: embedder.maxLength });
    this.db = openDatabase(req.dbPath, { create: false, readonly: true });
    const counter = embedder.kind === 'builtin' ? new DfCounter(embedder.params) : null;
    let rows = 0;
    for (const row of corpusShardRows(this.db, req.source, req.assetId, req.shard, req.shards)) {
      if (row.id > MAX_LABEL) throw new Error(`row id ${row.id} is too large for an index label`);
      counter?.add(row.text);
      this.seen.add(row.id);
      if (++rows % PROGRESS_EVERY === 0) this.progress({ type: 'progress', phase: 'count', done: rows });
    }
    this.progress({ type: 'progress', phase: 'count', done: rows });
    if (!counter) return { type: 'counted', df: new Uint32Array(0), docs: rows, rows, spec: this.model!.spec };
    const { df, docs } = counter.result();
    return { type: 'counted', df, docs, rows };
  }

  async build(req: BuildRequest): Promise<BuiltReply> {
    const count = this.count;
    const db = this.db;
    if (!count || !db) throw new Error('build requested before the shard was counted');
    const { embedder } = count;
    const dimension = embedder.kind === 'builtin' ? embedder.params.dimension : this.model!.spec.dimension;
    const shard = HnswShard.create({ dimension, m: req.m, efConstruction: req.efConstruction, seed: req.seed }, this.seen.size + 16);
    const added: number[] = [];
    const skipped: number[] = [];
    let done = 0;
    const place = (id: number, vec: Float32Array, embedded: boolean) => {
      if (embedded) {
        shard.add(vec, id);
        added.push(id);
      } else {
        skipped.push(id);
      }
      if (++done % PROGRESS_EVERY === 0) this.progress({ type: 'progress', phase: 'insert', done });
    };
    // Only the rows that were counted, so the IDF describes exactly what the graph holds.
    const rows = (function* (seen: Set<number>) {
      for (const row of corpusShardRows(db, count.source, count.assetId, count.shard, count.shards)) if (seen.has(row.id)) yield row;
    })(this.seen);
    if (embedder.kind === 'builtin') {
      const tfidf = new HashedTfidf(embedder.params, { docs: req.docs, df: req.df });
      const vec = new Float32Array(dimension);
      for (const row of rows) place(row.id, vec, tfidf.embedInto(row.text, vec));
    } else {
      const model = this.model!;
      let batch: { id: number; text: string }[] = [];
      const flush = async () => {
        const vectors = await model.embedMany(batch.map((r) => r.text));
        batch.forEach((r, i) => place(r.id, vectors[i]!, vectors[i]!.some((x) => x !== 0)));
        batch = [];
      };
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= ONNX_ROWS_PER_STEP) await flush();
      }
      if (batch.length) await flush();
      await model.release();
    }
    this.progress({ type: 'progress', phase: 'insert', done });
    const saved = shard.save(req.file);
    db.close();
    this.db = null;
    return { type: 'built', ...saved, added: Uint32Array.from(added), skipped: Uint32Array.from(skipped), maxElements: shard.capacity };
  }
}
