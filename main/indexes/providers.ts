import {
  checkHashedTfidfParams, DEFAULT_HASHED_TFIDF, HASHED_TFIDF_ID, HASHED_TFIDF_VERSION, HashedTfidf,
  type FittedIdf, type HashedTfidfParams,
} from '../../shared/text/embed/hashed-tfidf';
import { ONNX_FOLDER_ID, ONNX_FOLDER_VERSION } from '../../shared/text/embed/onnx-folder-spec';
import { describeProvider, providerKey, type EmbeddingProvider } from '../../shared/text/embed/provider';
import type { VectorIndexRow } from '../storage/indexes-repo';
import { IndexError } from './index-error';
import { onnxProviderForIndex } from './onnx/onnx-index-provider';

/**
 * Embedding providers this build can run: the built-in hashed TF-IDF, and a local ONNX sentence-embedding
 * model folder run by onnxruntime-web (WebAssembly; nothing downloaded at install or run time), keyed by the
 * sha256 of its model and tokenizer files.
 */
export const KNOWN_PROVIDERS = [HASHED_TFIDF_ID, ONNX_FOLDER_ID] as const;

/**
 * The built-in provider's settings for a new index: the embedder's defaults at 768 dimensions rather than 384.
 * Feature hashing folds every text's features into the buckets with random signs, so two unrelated texts still
 * have a cosine of about +-1/sqrt(dimension); at 384 that noise (0.05) is a fifth of a typical 10th-neighbour
 * similarity on real text (0.25), which both blurs retrieval and leaves HNSW many near-equal candidates to sort
 * through. At 768 (bench/hnsw/embedding-quality.ts, exact search, 1,000 HaluEval questions and 1,130 BEGIN
 * responses among 21k texts) QA hit@5 goes from 0.878 to 0.916 and MRR@10 from 0.830 to 0.870 (BEGIN MRR@10 0.331
 * to 0.340), and the graph reaches a given recall at a lower ef (bench/hnsw.ts). Vectors, index files and build
 * time double. Indexes built at 384 keep their own stored settings and are queried with them until rebuilt.
 */
export const DEFAULT_INDEX_EMBEDDING: Readonly<HashedTfidfParams> = { ...DEFAULT_HASHED_TFIDF, dimension: 768 };

/** Params for a new built-in provider: the index defaults overridden by what the caller chose, validated. */
export function builtinParams(overrides: Partial<HashedTfidfParams> = {}): HashedTfidfParams {
  const params = { ...DEFAULT_INDEX_EMBEDDING, ...overrides };
  const problem = checkHashedTfidfParams(params);
  if (problem) throw new IndexError('bad_query', `embedding parameters: ${problem}`);
  return params;
}

/** The stored IDF table as a typed array (copied: SQLite blobs need not be 4-byte aligned). */
export function idfFromBlob(blob: Uint8Array | null, docs: number): FittedIdf | undefined {
  if (!blob) return undefined;
  return { docs, df: new Uint32Array(new Uint8Array(blob).buffer) };
}

export function idfToBlob(idf: FittedIdf): Buffer {
  return Buffer.from(idf.df.buffer, idf.df.byteOffset, idf.df.byteLength);
}

/**
 * Recreates the provider that built an index from its stored spec and IDF, and proves it is the same one by
 * recomputing the provider key: an index is only ever queried with the embedding that built it.
 */
export function providerForIndex(row: VectorIndexRow, idfBlob: Uint8Array | null, label: string): EmbeddingProvider {
  const stored = { id: row.providerId, version: row.providerVersion, dimension: row.dimension };
  if (row.providerId === ONNX_FOLDER_ID && row.providerVersion === ONNX_FOLDER_VERSION) return onnxProviderForIndex(row, label);
  if (row.providerId !== HASHED_TFIDF_ID || row.providerVersion !== HASHED_TFIDF_VERSION) {
    throw new IndexError('provider_unavailable', `${label} was built with ${describeProvider(stored)}, which this build of Assay cannot run (it provides ${describeProvider({ id: HASHED_TFIDF_ID, version: HASHED_TFIDF_VERSION, dimension: DEFAULT_INDEX_EMBEDDING.dimension })})`);
  }
  let params: HashedTfidfParams;
  try {
    const p = JSON.parse(row.providerParams) as Record<string, unknown>;
    params = {
      dimension: row.dimension, idfBits: Number(p.idfBits), wordWeight: Number(p.wordWeight), bigramWeight: Number(p.bigramWeight),
      charWeight: Number(p.charWeight), charMin: Number(p.charMin), charMax: Number(p.charMax),
    };
  } catch {
    throw new IndexError('corrupt', `${label}: stored provider parameters are not valid JSON`);
  }
  const problem = checkHashedTfidfParams(params);
  if (problem) throw new IndexError('corrupt', `${label}: stored provider parameters are invalid (${problem})`);
  const idf = idfFromBlob(idfBlob, row.idfDocs);
  if (idf && idf.df.length !== 1 << params.idfBits) throw new IndexError('corrupt', `${label}: stored IDF table has the wrong size`);
  const provider = new HashedTfidf(params, idf);
  if (providerKey(provider.spec) !== row.providerKey) {
    throw new IndexError('corrupt', `${label}: stored provider parameters or IDF table no longer match the index (provider key differs)`);
  }
  return provider;
}
