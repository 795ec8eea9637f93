import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { checkHnswFile, readStoredVectors, type StoredVectors } from './hnsw-file-check';
import { HierarchicalNSW, HNSWLIB_FLOAT32_QUERIES, type SearchKnnFloat32 } from './hnswlib';
import { IndexError } from './index-error';

export interface ShardParams {
  dimension: number;
  m: number;
  efConstruction: number;
  seed: number;
}

export interface SavedShard {
  sha256: string;
  bytes: number;
}

/**
 * One HNSW graph over cosine distance. hnswlib-node takes plain arrays, so vectors are copied out of their
 * Float32Array here and nowhere else (queries go in as they are when the tuned build takes Float32Arrays).
 */
export class HnswShard {
  /** A copy of the live vectors, kept for small indexes, which are searched exactly. */
  exact: StoredVectors | null = null;

  private constructor(readonly index: HierarchicalNSW, readonly dimension: number) {}

  static create(p: ShardParams, maxElements: number): HnswShard {
    const index = new HierarchicalNSW('cosine', p.dimension);
    index.initIndex(Math.max(1, maxElements), p.m, p.efConstruction, p.seed);
    return new HnswShard(index, p.dimension);
  }

  /**
   * Loads a shard after checking that the file is there, that its sha256 is the one recorded when it was
   * written, and that its structure is sound, so a changed, truncated or corrupt file is refused with a message
   * instead of being loaded into memory the native code trusts.
   */
  static load(file: string, expected: { sha256: string; dimension: number }, label: string, keepVectors = false): HnswShard {
    if (!existsSync(file)) throw new IndexError('missing_file', `${label}: index file ${file} is missing`);
    const buf = readFileSync(file);
    const sha = createHash('sha256').update(buf).digest('hex');
    if (sha !== expected.sha256) {
      throw new IndexError('hash_mismatch', `${label}: index file ${file} was changed after it was built (sha256 ${sha.slice(0, 12)}…, expected ${expected.sha256.slice(0, 12)}…)`);
    }
    const check = checkHnswFile(buf);
    if (!check.ok) throw new IndexError('corrupt', `${label}: index file ${file} is corrupt: ${check.problem}`);
    if (check.info.dimension !== expected.dimension) {
      throw new IndexError('corrupt', `${label}: index file ${file} holds ${check.info.dimension}-dimensional vectors, its metadata says ${expected.dimension}`);
    }
    const index = new HierarchicalNSW('cosine', expected.dimension);
    try {
      index.readIndexSync(file);
    } catch (err) {
      throw new IndexError('corrupt', `${label}: index file ${file} could not be loaded: ${(err as Error).message}`);
    }
    const shard = new HnswShard(index, expected.dimension);
    if (keepVectors) shard.exact = readStoredVectors(buf, check.info);
    return shard;
  }

  get count(): number {
    return this.index.getCurrentCount();
  }

  get capacity(): number {
    return this.index.getMaxElements();
  }

  add(vector: Float32Array, label: number): void {
    if (this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.ceil(this.index.getMaxElements() * 1.5) + 16);
    }
    const point = new Array<number>(vector.length);
    for (let i = 0; i < vector.length; i++) point[i] = vector[i]!;
    this.index.addPoint(point, label);
  }

  markDeleted(label: number): void {
    try {
      this.index.markDelete(label);
    } catch {
      // Already deleted or never added (a row with nothing to embed): either way it is not searchable.
    }
  }

  setEf(ef: number): void {
    this.index.setEf(ef);
  }

  search(query: Float32Array | number[], k: number, filter?: (label: number) => boolean): { labels: number[]; distances: number[] } {
    const n = Math.min(k, this.index.getCurrentCount());
    if (n <= 0) return { labels: [], distances: [] };
    let r: { distances: number[]; neighbors: number[] };
    if (query instanceof Float32Array && HNSWLIB_FLOAT32_QUERIES) {
      const index = this.index as unknown as { searchKnnFloat32: SearchKnnFloat32 };
      r = filter ? index.searchKnnFloat32(query, n, filter) : index.searchKnnFloat32(query, n);
    } else {
      const q = query instanceof Float32Array ? toPlainArray(query) : query;
      r = filter ? this.index.searchKnn(q, n, filter) : this.index.searchKnn(q, n);
    }
    return { labels: r.neighbors, distances: r.distances };
  }

  vector(label: number): Float32Array {
    return Float32Array.from(this.index.getPoint(label));
  }

  /** Writes to `tmp`, hashes it, then renames it to `file` so a reader never sees a half-written file. */
  save(file: string, tmp = `${file}.tmp`): SavedShard {
    this.index.writeIndexSync(tmp);
    const buf = readFileSync(tmp);
    const sha256 = createHash('sha256').update(buf).digest('hex');
    renameSync(tmp, file);
    return { sha256, bytes: statSync(file).size };
  }
}

// hnswlib-node's stock build reads queries element by element from a plain array; a loop fills one far faster
// than Array.from.
function toPlainArray(v: Float32Array): number[] {
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]!;
  return out;
}
