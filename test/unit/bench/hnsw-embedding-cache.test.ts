import { truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEmbeddingCache, writeEmbeddingCache } from '../../../bench/hnsw/embedding-cache';
import { DEFAULT_HASHED_TFIDF } from '../../../shared/text/embed/hashed-tfidf';
import { useTempDir } from '../../helpers/tmp';

const tmp = useTempDir();
const params = { ...DEFAULT_HASHED_TFIDF, dimension: 8 };
const docs = ['refund window is 30 days', 'the hub needs 2.4 GHz wifi', 'swollen batteries must not be charged'];
const queries = ['how long can I return an item'];
const vectors = Float32Array.from({ length: docs.length * 8 }, (_, i) => i / 7);
const queryVectors = Float32Array.from({ length: 8 }, (_, i) => -i);

describe('bench/hnsw embedding cache', () => {
  it('gives back the vectors written for the same texts and parameters', () => {
    const dir = tmp();
    const file = writeEmbeddingCache(params, docs, queries, vectors, queryVectors, dir);
    const hit = readEmbeddingCache(params, docs, queries, dir);
    expect(hit?.file).toBe(file);
    expect(Array.from(hit!.vectors)).toEqual(Array.from(vectors));
    expect(Array.from(hit!.queries)).toEqual(Array.from(queryVectors));
    // The bench hands the corpus to its build workers in place: one copy in memory, not one per thread.
    expect(hit!.vectors.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(hit!.vectors.byteOffset).toBe(0);
  });

  it('misses when a text, its order, a parameter or the query split changes, or the file is cut short', () => {
    const dir = tmp();
    const file = writeEmbeddingCache(params, docs, queries, vectors, queryVectors, dir)!;
    expect(readEmbeddingCache(params, [docs[0]!, docs[1]!, 'swollen batteries must never be charged'], queries, dir)).toBeNull();
    expect(readEmbeddingCache(params, [docs[1]!, docs[0]!, docs[2]!], queries, dir)).toBeNull();
    expect(readEmbeddingCache({ ...params, charWeight: 0.5 }, docs, queries, dir)).toBeNull();
    expect(readEmbeddingCache(params, docs.slice(0, 2), [docs[2]!, ...queries], dir)).toBeNull();
    truncateSync(file, 40);
    expect(readEmbeddingCache(params, docs, queries, dir)).toBeNull();
  });
});
