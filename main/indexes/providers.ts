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

/** Params for a new built-in provider: the defaults overridden by what the caller chose, validated. */
export function builtinParams(overrides: Partial<HashedTfidfParams> = {}): HashedTfidfParams {
  const params = { ...DEFAULT_HASHED_TFIDF, ...overrides };
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
    throw new IndexError('provider_unavailable', `${label} was built with ${describeProvider(stored)}, which this build of Assay cannot run (it provides ${describeProvider({ id: HASHED_TFIDF_ID, version: HASHED_TFIDF_VERSION, dimension: DEFAULT_HASHED_TFIDF.dimension })})`);
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
