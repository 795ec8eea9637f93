import { hashCanonical } from '../../util/hash';

/**
 * What identifies an embedding space: vectors from two providers are comparable only when their specs are
 * equal. Every index stores the spec that built it and refuses queries embedded under another one.
 */
export interface ProviderSpec {
  /** e.g. 'hashed-tfidf' (built in) or 'onnx-folder' (a local sentence-embedding model). */
  id: string;
  /** Bumped whenever the same params would produce different vectors. */
  version: string;
  dimension: number;
  /** Everything else that changes the vectors (weights, n-gram ranges, a model file's hash, the IDF's hash). */
  params: Readonly<Record<string, string | number | boolean>>;
}

/**
 * An embedding provider. `embed` is synchronous because analyzers call it on their hot path (one call per
 * claim). A provider whose runtime is asynchronous (ONNX via WebAssembly) keeps this shape by running the model
 * in a worker and blocking on Atomics.wait, so callers never change.
 */
export interface EmbeddingProvider {
  readonly spec: ProviderSpec;
  /** An L2-normalized vector of `spec.dimension` values; all zeros when the text has nothing to embed. */
  embed(text: string): Float32Array;
}

/** A short stable fingerprint of a spec, stored with an index and compared on every query. */
export function providerKey(spec: ProviderSpec): string {
  return hashCanonical({ id: spec.id, version: spec.version, dimension: spec.dimension, params: spec.params });
}

/** A human-readable label for messages: "hashed-tfidf v1, 384 dims". */
export function describeProvider(spec: Pick<ProviderSpec, 'id' | 'version' | 'dimension'>): string {
  return `${spec.id} v${spec.version}, ${spec.dimension} dims`;
}

/** Why two specs differ, or null when vectors from one can be compared with vectors from the other. */
export function providerMismatch(index: ProviderSpec, query: ProviderSpec): string | null {
  if (index.id !== query.id || index.version !== query.version) {
    return `the index was built with ${describeProvider(index)}, the query uses ${describeProvider(query)}`;
  }
  if (index.dimension !== query.dimension) return `the index has ${index.dimension} dimensions, the query ${query.dimension}`;
  const keys = new Set([...Object.keys(index.params), ...Object.keys(query.params)]);
  for (const key of [...keys].sort()) {
    if (index.params[key] !== query.params[key]) {
      return `provider parameter "${key}" differs (index ${String(index.params[key])}, query ${String(query.params[key])})`;
    }
  }
  return null;
}
