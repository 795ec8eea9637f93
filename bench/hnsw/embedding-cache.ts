import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HASHED_TFIDF_VERSION, type HashedTfidfParams } from '../../shared/text/embed/hashed-tfidf';

/**
 * The bench's embedded corpus, kept in the temp folder between runs: embedding 87k texts takes 20-60 s on a busy
 * machine and gives the same vectors every time (the embedder is deterministic), so a rerun reads them back. The
 * key covers the embedder version, its parameters and every text in order, so any change embeds afresh.
 */
export const EMBEDDING_CACHE_DIR = path.join(os.tmpdir(), 'assay-hnsw-bench-cache');

function cacheFile(dir: string, params: HashedTfidfParams, docs: readonly string[], queries: readonly string[]): string {
  const h = createHash('sha256').update(JSON.stringify({ version: HASHED_TFIDF_VERSION, params, docs: docs.length, queries: queries.length }));
  for (const t of docs) h.update(t).update('\0');
  for (const t of queries) h.update(t).update('\0');
  return path.join(dir, `${h.digest('hex').slice(0, 32)}.f32`);
}

export function readEmbeddingCache(params: HashedTfidfParams, docs: readonly string[], queries: readonly string[], dir = EMBEDDING_CACHE_DIR): { file: string; vectors: Float32Array; queries: Float32Array } | null {
  const file = cacheFile(dir, params, docs, queries);
  const dim = params.dimension;
  const bytes = (docs.length + queries.length) * dim * 4;
  // Read straight into shared memory: the bench's build workers use the vectors in place, so the corpus (268 MB
  // at 87k x 768) is held once.
  const shared = new SharedArrayBuffer(bytes);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    if (fstatSync(fd).size !== bytes) return null;
    const view = new Uint8Array(shared);
    for (let off = 0; off < bytes;) {
      const n = readSync(fd, view, off, bytes - off, off);
      if (n <= 0) return null;
      off += n;
    }
  } finally {
    closeSync(fd);
  }
  const all = new Float32Array(shared);
  return { file, vectors: all.subarray(0, docs.length * dim), queries: all.subarray(docs.length * dim) };
}

export function writeEmbeddingCache(params: HashedTfidfParams, docs: readonly string[], queries: readonly string[], vectors: Float32Array, queryVectors: Float32Array, dir = EMBEDDING_CACHE_DIR): string | null {
  const file = cacheFile(dir, params, docs, queries);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength), Buffer.from(queryVectors.buffer, queryVectors.byteOffset, queryVectors.byteLength)]));
    renameSync(tmp, file);
    return file;
  } catch {
    // A full or read-only temp folder only costs the next run its embedding time.
    return null;
  }
}
