import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { checkHnswFile, checkInt8Scales, describeVectorBytes, fileSpace, readStoredVectors, type StoredVectors } from './hnsw-file-check';
import { HNSWLIB_BUILD, HNSWLIB_FLOAT32_QUERIES, HNSWLIB_INT8_SPACE, newHnswIndex, type HierarchicalNSW, type HnswSpace, type SearchKnnFloat32 } from './hnswlib';
import { IndexError } from './index-error';

export interface ShardParams {
  dimension: number;
  m: number;
  efConstruction: number;
  seed: number;
  /** Defaults to DEFAULT_SPACE. */
  space?: HnswSpace;
}

/**
 * New graphs walk int8 vectors and re-rank exactly where the loaded hnswlib build has that space (the tuned copy):
 * on the real-text bench it reaches a given recall at a larger speedup than float32 (README, Retrieval). The
 * stock build keeps building float32 graphs, which every build opens.
 */
export const DEFAULT_SPACE: HnswSpace = HNSWLIB_INT8_SPACE ? 'cosine-int8' : 'cosine';

export interface SavedShard {
  sha256: string;
  bytes: number;
}

/**
 * One HNSW graph over cosine distance (float32, or an int8 walk re-ranked in float32: HnswSpace). hnswlib-node takes plain arrays, so vectors are copied out of their
 * Float32Array here and nowhere else (queries go in as they are when the tuned build takes Float32Arrays).
 */
export class HnswShard {
  /** A copy of the live vectors, kept for small indexes, which are searched exactly. */
  exact: StoredVectors | null = null;

  private constructor(readonly index: HierarchicalNSW, readonly dimension: number, readonly space: HnswSpace) {}

  static create(p: ShardParams, maxElements: number): HnswShard {
    const space = p.space ?? DEFAULT_SPACE;
    if (space === 'cosine-int8' && !HNSWLIB_INT8_SPACE) throw new Error(`the int8 HNSW space needs the tuned hnswlib build (in use: ${HNSWLIB_BUILD})`);
    const index = newHnswIndex(space, p.dimension);
    index.initIndex(Math.max(1, maxElements), p.m, p.efConstruction, p.seed);
    return new HnswShard(index, p.dimension, space);
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
    const space = fileSpace(check.info, expected.dimension);
    if (!space) {
      throw new IndexError('corrupt', `${label}: index file ${file} holds ${describeVectorBytes(check.info.vectorBytes)}, its metadata says ${expected.dimension} dimensions`);
    }
    if (space === 'cosine-int8') {
      if (!HNSWLIB_INT8_SPACE) {
        throw new IndexError('provider_unavailable', `${label}: index file ${file} walks int8 vectors, which needs the tuned hnswlib build; this process uses ${HNSWLIB_BUILD} (an install without the patched copies, which are built for x64 Linux only)`);
      }
      const scales = checkInt8Scales(buf, check.info);
      if (scales) throw new IndexError('corrupt', `${label}: index file ${file} is corrupt: ${scales}`);
    }
    const index = newHnswIndex(space, expected.dimension);
    try {
      index.readIndexSync(file);
    } catch (err) {
      throw new IndexError('corrupt', `${label}: index file ${file} could not be loaded: ${(err as Error).message}`);
    }
    const shard = new HnswShard(index, expected.dimension, space);
    if (keepVectors) shard.exact = readStoredVectors(buf, check.info, space, expected.dimension);
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
    if (HNSWLIB_FLOAT32_QUERIES && (query instanceof Float32Array || this.space === 'cosine-int8')) {
      const index = this.index as unknown as { searchKnnFloat32: SearchKnnFloat32 };
      const q = query instanceof Float32Array ? query : Float32Array.from(query);
      r = filter ? index.searchKnnFloat32(q, n, filter) : index.searchKnnFloat32(q, n);
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
