import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHnswFile, checkInt8Scales, describeVectorBytes, fileSpace } from '../../../../main/indexes/hnsw-file-check';
import { HnswShard } from '../../../../main/indexes/hnsw-shard';
import { HNSWLIB_INT8_SPACE, type HnswSpace } from '../../../../main/indexes/hnswlib';
import { IndexError } from '../../../../main/indexes/index-error';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

/** Deterministic vectors, not normalized (the index normalizes them), with a few large components. */
function vector(dim: number, seed: number): Float32Array {
  let s = seed;
  const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5;
  return Float32Array.from({ length: dim }, (_, i) => next() * (i % 7 === 0 ? 6 : 1) * 3);
}

function normalized(v: Float32Array): Float64Array {
  const n = Math.hypot(...v);
  return Float64Array.from(v, (x) => x / n);
}

function build(space: HnswSpace, vectors: Float32Array[], dim: number): HnswShard {
  const shard = HnswShard.create({ dimension: dim, m: 8, efConstruction: 100, seed: 3, space }, 10);
  vectors.forEach((v, i) => shard.add(v, 500 + i));
  return shard;
}

/** The true k nearest labels by float cosine over `vectors` (labels 500 + i), with their cosine distances. */
function exact(vectors: Float32Array[], query: Float32Array, k: number, accept: (label: number) => boolean = () => true): { labels: number[]; distances: number[] } {
  const q = normalized(query);
  const scored = vectors
    .map((v, i) => ({ label: 500 + i, d: 1 - normalized(v).reduce((a, x, j) => a + x * q[j]!, 0) }))
    .filter((h) => accept(h.label))
    .sort((a, b) => a.d - b.d)
    .slice(0, k);
  return { labels: scored.map((h) => h.label), distances: scored.map((h) => h.d) };
}

function sha(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe.runIf(HNSWLIB_INT8_SPACE)('the int8-walk HNSW space (tuned hnswlib build)', () => {
  const dim = 32;
  const vectors = Array.from({ length: 400 }, (_, i) => vector(dim, i + 1));

  it('stores each vector as [scale][int8 codes][float32], with scale maxabs/127 and codes round(x / maxabs * 127)', () => {
    const file = path.join(tmp(), 'q.hnsw');
    build('cosine-int8', vectors.slice(0, 60), dim).save(file);
    const buf = readFileSync(file);
    const check = checkHnswFile(buf);
    if (!check.ok) throw new Error(check.problem);
    expect(check.info.vectorBytes).toBe(4 + dim + 4 * dim);
    expect(fileSpace(check.info, dim)).toBe('cosine-int8');
    const sizePerElement = Number(buf.readBigUInt64LE(24));
    const labelOffset = Number(buf.readBigUInt64LE(32));
    const offsetData = Number(buf.readBigUInt64LE(40));
    for (let e = 0; e < check.info.count; e++) {
      const at = 96 + e * sizePerElement;
      const x = normalized(vectors[Number(buf.readBigUInt64LE(at + labelOffset)) - 500]!);
      const maxabs = Math.max(...x.map(Math.abs));
      expect(buf.readFloatLE(at + offsetData)).toBeCloseTo(maxabs / 127, 7);
      for (let d = 0; d < dim; d++) {
        expect(buf.readInt8(at + offsetData + 4 + d)).toBe(Math.round((x[d]! / maxabs) * 127) + 0); // + 0: -0 is 0
        expect(buf.readFloatLE(at + offsetData + 4 + dim + 4 * d)).toBeCloseTo(x[d]!, 6);
      }
    }
  });

  it('returns the exact float32 nearest neighbours and distances in exact order, as the float space does', () => {
    const float = build('cosine', vectors, dim);
    const int8 = build('cosine-int8', vectors, dim);
    // ef covers the whole set, so both walks reach every element and only the ranking is under test.
    float.setEf(400);
    int8.setEf(400);
    for (const q of [vector(dim, 9001), vector(dim, 9002), vectors[17]!, vector(dim, 9003)]) {
      const want = exact(vectors, q, 10);
      const got = int8.search(q, 10);
      expect(got.labels).toEqual(want.labels);
      got.distances.forEach((d, i) => expect(d).toBeCloseTo(want.distances[i]!, 5));
      expect(got.labels).toEqual(float.search(q, 10).labels);
    }
  });

  it('re-ranks the walk candidates exactly at a small ef: the k results are in exact order of their float distances', () => {
    const int8 = build('cosine-int8', vectors, dim);
    int8.setEf(20);
    for (let s = 0; s < 20; s++) {
      const q = vector(dim, 7000 + s);
      const got = int8.search(q, 10);
      const qn = normalized(q);
      const recomputed = got.labels.map((l) => 1 - normalized(vectors[l - 500]!).reduce((a, x, j) => a + x * qn[j]!, 0));
      got.distances.forEach((d, i) => expect(d).toBeCloseTo(recomputed[i]!, 5));
      expect([...got.distances].sort((a, b) => a - b)).toEqual(got.distances);
    }
  });

  it('saves, reloads, filters and deletes like a float index', () => {
    const dir = tmp();
    const file = path.join(dir, 'kb-2-int8-s0.hnsw');
    const saved = build('cosine-int8', vectors, dim).save(file);
    const s = HnswShard.load(file, { sha256: saved.sha256, dimension: dim }, 'test');
    expect(s.space).toBe('cosine-int8');
    expect(s.count).toBe(400);
    s.setEf(400);
    const odd = (label: number) => label % 2 === 1;
    const q = vector(dim, 4242);
    expect(s.search(q, 10).labels).toEqual(exact(vectors, q, 10).labels);
    expect(s.search(q, 10, odd).labels).toEqual(exact(vectors, q, 10, odd).labels);
    expect(s.search(Array.from(q), 10, odd)).toEqual(s.search(q, 10, odd));
    const first = s.search(q, 1).labels[0]!;
    s.markDeleted(first);
    s.markDeleted(first);
    expect(s.search(q, 10).labels).toEqual(exact(vectors, q, 10, (l) => l !== first).labels);
    expect(() => s.vector(first)).toThrow(/Label not found/);
    // getPoint reads the float part back, not the scale and codes.
    Array.from(s.vector(503)).forEach((x, d) => expect(x).toBeCloseTo(normalized(vectors[3]!)[d]!, 6));
    // A reload after the delete keeps it deleted; the exact-search copy holds only the live float vectors.
    const again = s.save(path.join(dir, 'kb-2-int8b-s0.hnsw'));
    const copy = HnswShard.load(path.join(dir, 'kb-2-int8b-s0.hnsw'), { sha256: again.sha256, dimension: dim }, 'test', true);
    expect(copy.exact!.labels).toHaveLength(399);
    expect(Array.from(copy.exact!.labels)).not.toContain(first);
    const row = Array.from(copy.exact!.labels).indexOf(503);
    Array.from(copy.exact!.matrix.subarray(row * dim, (row + 1) * dim)).forEach((x, d) => expect(x).toBeCloseTo(normalized(vectors[3]!)[d]!, 6));
  });

  it('tells the float and int8 layouts apart by the recorded dimension, and refuses a damaged scale', () => {
    const dir = tmp();
    const file = path.join(dir, 'kb-3-int8-s0.hnsw');
    const saved = build('cosine-int8', vectors.slice(0, 50), dim).save(file);
    const buf = Buffer.from(readFileSync(file));
    const check = checkHnswFile(buf);
    if (!check.ok) throw new Error(check.problem);
    expect(describeVectorBytes(check.info.vectorBytes)).toBe('41-dimensional float32 vectors or 32-dimensional int8 + float32 vectors');
    expect(fileSpace(check.info, 41)).toBe('cosine');
    expect(fileSpace(check.info, 31)).toBeNull();
    expect(() => HnswShard.load(file, { sha256: saved.sha256, dimension: 31 }, 'x')).toThrow(/holds 41-dimensional float32 vectors or 32-dimensional int8 \+ float32 vectors, its metadata says 31 dimensions/);
    expect(checkInt8Scales(buf, check.info)).toBeNull();
    buf.writeFloatLE(Number.NaN, 96 + 3 * Number(buf.readBigUInt64LE(24)) + Number(buf.readBigUInt64LE(40)));
    expect(checkInt8Scales(buf, check.info)).toMatch(/element 3 has a damaged int8 scale/);
    writeFileSync(file, buf);
    try {
      HnswShard.load(file, { sha256: sha(file), dimension: dim }, 'x');
      throw new Error('expected an IndexError');
    } catch (err) {
      expect(err).toBeInstanceOf(IndexError);
      expect((err as IndexError).code).toBe('corrupt');
      expect((err as Error).message).toMatch(/is corrupt: element 3 has a damaged int8 scale .*; rebuild it/);
    }
  });
});
