/**
 * The built-in embedding provider, which needs no model weights: TF-IDF over stemmed content words, word
 * bigrams and character n-grams, feature-hashed into a fixed number of dimensions with a sign bit (so collisions
 * cancel in expectation instead of adding up), each feature family normalized on its own and mixed by weight,
 * then L2-normalized. IDF is kept per feature hash in a 2^idfBits table (not per output dimension, where every
 * bucket would hold hundreds of features and look equally common); it is fitted on the indexed corpus and
 * travels with the index. Deterministic: the same text, params and IDF give the same vector on any machine.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { FeatureBag } from './feature-bag';
import { extractFeatures, GROUP_COUNT } from './features';
import { fmix32 } from './hash32';
import type { EmbeddingProvider, ProviderSpec } from './provider';

export const HASHED_TFIDF_ID = 'hashed-tfidf';
export const HASHED_TFIDF_VERSION = '1';

export interface HashedTfidfParams {
  dimension: number;
  /** log2 of the IDF table size. */
  idfBits: number;
  wordWeight: number;
  bigramWeight: number;
  charWeight: number;
  charMin: number;
  charMax: number;
}

export const DEFAULT_HASHED_TFIDF: Readonly<HashedTfidfParams> = {
  dimension: 384, idfBits: 18, wordWeight: 1, bigramWeight: 0.3, charWeight: 1, charMin: 3, charMax: 5,
};

/** Document frequencies per feature hash, as fitted on a corpus. */
export interface FittedIdf {
  docs: number;
  df: Uint32Array;
}

/** Names the first invalid parameter, or null. */
export function checkHashedTfidfParams(p: HashedTfidfParams): string | null {
  if (!Number.isInteger(p.dimension) || p.dimension < 8 || p.dimension > 4096) return `dimension must be an integer in 8..4096 (got ${p.dimension})`;
  if (!Number.isInteger(p.idfBits) || p.idfBits < 10 || p.idfBits > 22) return `idfBits must be an integer in 10..22 (got ${p.idfBits})`;
  for (const key of ['wordWeight', 'bigramWeight', 'charWeight'] as const) {
    if (!(p[key] >= 0 && p[key] <= 10)) return `${key} must be in 0..10 (got ${p[key]})`;
  }
  if (p.wordWeight + p.bigramWeight + p.charWeight <= 0) return 'at least one feature weight must be positive';
  if (!Number.isInteger(p.charMin) || !Number.isInteger(p.charMax) || p.charMin < 2 || p.charMax > 8 || p.charMin > p.charMax) {
    return `character n-gram range must satisfy 2 <= charMin <= charMax <= 8 (got ${p.charMin}..${p.charMax})`;
  }
  return null;
}

/** Identifies a fitted IDF: its document count and a hash of its table (little-endian bytes). */
export function idfFingerprint(idf: FittedIdf | undefined): string {
  if (!idf) return 'none';
  const bytes = new Uint8Array(4 + idf.df.byteLength);
  new DataView(bytes.buffer).setUint32(0, idf.docs, true);
  bytes.set(new Uint8Array(idf.df.buffer, idf.df.byteOffset, idf.df.byteLength), 4);
  return bytesToHex(sha256(bytes));
}

/** BM25's IDF: positive for every feature, near zero for features in almost every document. */
function idfTable(bits: number, idf: FittedIdf | undefined): Float32Array {
  const size = 1 << bits;
  const table = new Float32Array(size);
  const n = idf?.docs ?? 0;
  if (idf && idf.df.length !== size) throw new Error(`IDF table has ${idf.df.length} entries; params say 2^${bits}`);
  for (let i = 0; i < size; i++) {
    const df = idf ? idf.df[i]! : 0;
    table[i] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
  return table;
}

export class HashedTfidf implements EmbeddingProvider {
  readonly spec: ProviderSpec;
  readonly params: Readonly<HashedTfidfParams>;
  private readonly idf: Float32Array;
  private readonly mask: number;
  private readonly bag = new FeatureBag(2048);
  private readonly groupVecs: Float64Array;
  private readonly weights: Float64Array;

  constructor(params: HashedTfidfParams = DEFAULT_HASHED_TFIDF, idf?: FittedIdf) {
    const problem = checkHashedTfidfParams(params);
    if (problem) throw new Error(`hashed-tfidf: ${problem}`);
    this.params = { ...params };
    this.idf = idfTable(params.idfBits, idf);
    this.mask = (1 << params.idfBits) - 1;
    this.groupVecs = new Float64Array(GROUP_COUNT * params.dimension);
    this.weights = Float64Array.of(params.wordWeight, params.bigramWeight, params.charWeight);
    const { dimension, ...rest } = params;
    this.spec = {
      id: HASHED_TFIDF_ID, version: HASHED_TFIDF_VERSION, dimension,
      params: { ...rest, idfDocs: idf?.docs ?? 0, idf: idfFingerprint(idf) },
    };
  }

  embed(text: string): Float32Array {
    const out = new Float32Array(this.params.dimension);
    this.embedInto(text, out);
    return out;
  }

  /** Writes the vector into `out` (length = dimension); returns false when the text has no features (all zeros). */
  embedInto(text: string, out: Float32Array): boolean {
    const dim = this.params.dimension;
    const bag = this.bag;
    const vecs = this.groupVecs;
    bag.clear();
    vecs.fill(0);
    out.fill(0);
    extractFeatures(text, this.params, bag);
    if (bag.size === 0) return false;
    for (let e = 0; e < bag.size; e++) {
      const h = bag.hashes[e]!;
      const w = (1 + Math.log(bag.counts[e]!)) * this.idf[h & this.mask]!;
      const mixed = fmix32(h ^ 0x5bd1e995);
      const bucket = (mixed & 0x7fffffff) % dim;
      vecs[bag.groups[e]! * dim + bucket]! += mixed & 0x80000000 ? -w : w;
    }
    let total = 0;
    for (let g = 0; g < GROUP_COUNT; g++) {
      let norm = 0;
      for (let i = g * dim; i < (g + 1) * dim; i++) norm += vecs[i]! * vecs[i]!;
      if (norm === 0 || this.weights[g] === 0) continue;
      const scale = this.weights[g]! / Math.sqrt(norm);
      for (let i = 0; i < dim; i++) out[i]! += vecs[g * dim + i]! * scale;
    }
    for (let i = 0; i < dim; i++) total += out[i]! * out[i]!;
    if (total === 0) return false;
    const inv = 1 / Math.sqrt(total);
    for (let i = 0; i < dim; i++) out[i]! *= inv;
    return true;
  }
}

/** Counts, for each feature hash, how many documents contain it; mergeable across shards. */
export class DfCounter {
  readonly df: Uint32Array;
  docs = 0;
  private readonly bag = new FeatureBag(2048);
  private readonly mask: number;
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly params: HashedTfidfParams = DEFAULT_HASHED_TFIDF) {
    this.df = new Uint32Array(1 << params.idfBits);
    this.seen = new Uint32Array(1 << params.idfBits);
    this.mask = (1 << params.idfBits) - 1;
  }

  add(text: string): void {
    this.bag.clear();
    extractFeatures(text, this.params, this.bag);
    this.docs++;
    // A stamp per document counts each table slot once even when two features of the text share it.
    this.stamp++;
    for (let e = 0; e < this.bag.size; e++) {
      const slot = this.bag.hashes[e]! & this.mask;
      if (this.seen[slot] === this.stamp) continue;
      this.seen[slot] = this.stamp;
      this.df[slot]!++;
    }
  }

  merge(other: FittedIdf): void {
    if (other.df.length !== this.df.length) throw new Error(`cannot merge IDF tables of ${other.df.length} and ${this.df.length} entries`);
    for (let i = 0; i < this.df.length; i++) this.df[i]! += other.df[i]!;
    this.docs += other.docs;
  }

  result(): FittedIdf {
    return { docs: this.docs, df: this.df };
  }
}
