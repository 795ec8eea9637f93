import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHnswFile, fileSpace } from '../../../../main/indexes/hnsw-file-check';
import { HnswShard } from '../../../../main/indexes/hnsw-shard';
import { IndexError } from '../../../../main/indexes/index-error';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

function unit(dim: number, seed: number): Float32Array {
  let s = seed;
  const v = Float32Array.from({ length: dim }, () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296) - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

// The float32 space, which every hnswlib build has; test/unit/main/indexes/hnsw-int8.test.ts covers the int8 one.
function savedShard(dir: string, count = 300, dim = 16): { file: string; sha256: string; vectors: Float32Array[] } {
  const shard = HnswShard.create({ dimension: dim, m: 8, efConstruction: 64, seed: 1, space: 'cosine' }, 10);
  const vectors = Array.from({ length: count }, (_, i) => unit(dim, i + 1));
  vectors.forEach((v, i) => shard.add(v, 1000 + i));
  const file = path.join(dir, 'kb-1-abc123-s0.hnsw');
  const saved = shard.save(file);
  return { file, sha256: saved.sha256, vectors };
}

function expectIndexError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(IndexError);
    expect((err as IndexError).code).toBe(code);
    expect((err as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected an IndexError');
}

describe('HnswShard', () => {
  it('grows past its initial capacity, saves, and loads back with the same neighbours', () => {
    const dir = tmp();
    const { file, sha256, vectors } = savedShard(dir);
    const loaded = HnswShard.load(file, { sha256, dimension: 16 }, 'test index');
    expect(loaded.count).toBe(300);
    loaded.setEf(100);
    const r = loaded.search(Array.from(vectors[42]!), 3);
    expect(r.labels[0]).toBe(1042);
    expect(r.distances[0]).toBeCloseTo(0, 5);
  });

  it('answers a Float32Array query exactly as the same query in a plain array, with and without a filter', () => {
    const { file, sha256, vectors } = savedShard(tmp());
    const s = HnswShard.load(file, { sha256, dimension: 16 }, 'test');
    s.setEf(40);
    const odd = (label: number) => label % 2 === 1;
    for (const q of [vectors[3]!, vectors[77]!, unit(16, 999)]) {
      expect(s.search(q, 7)).toEqual(s.search(Array.from(q), 7));
      const filtered = s.search(q, 7, odd);
      expect(filtered).toEqual(s.search(Array.from(q), 7, odd));
      expect(filtered.labels.every(odd)).toBe(true);
    }
  });

  it('no longer returns a label after markDeleted, and ignores deleting it twice', () => {
    const { file, sha256, vectors } = savedShard(tmp());
    const s = HnswShard.load(file, { sha256, dimension: 16 }, 'test');
    s.markDeleted(1042);
    s.markDeleted(1042);
    s.setEf(100);
    expect(s.search(Array.from(vectors[42]!), 5).labels).not.toContain(1042);
  });

  it('keeps a copy of the live vectors for exact search, without the deleted ones', () => {
    const dir = tmp();
    const { file, vectors } = savedShard(dir, 20, 16);
    const s = HnswShard.load(file, { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), dimension: 16 }, 'x');
    s.markDeleted(1003);
    const saved = s.save(path.join(dir, 'kb-1-abc124-s0.hnsw'));
    const copy = HnswShard.load(path.join(dir, 'kb-1-abc124-s0.hnsw'), { sha256: saved.sha256, dimension: 16 }, 'x', true).exact!;
    expect(copy.labels).toHaveLength(19);
    expect(Array.from(copy.labels)).not.toContain(1003);
    const row = Array.from(copy.labels).indexOf(1007);
    expect(Array.from(copy.matrix.subarray(row * 16, row * 16 + 16)).map((x) => x.toFixed(5))).toEqual(Array.from(vectors[7]!).map((x) => x.toFixed(5)));
  });

  it('refuses a missing file, a changed file and a dimension that disagrees with the metadata', () => {
    const dir = tmp();
    const { file, sha256 } = savedShard(dir);
    expectIndexError(() => HnswShard.load(path.join(dir, 'nope.hnsw'), { sha256, dimension: 16 }, 'the KB index'), 'missing_file', /the KB index: index file .* is missing; rebuild it/);
    expectIndexError(() => HnswShard.load(file, { sha256: 'f'.repeat(64), dimension: 16 }, 'x'), 'hash_mismatch', /changed after it was built/);
    expectIndexError(() => HnswShard.load(file, { sha256, dimension: 32 }, 'x'), 'corrupt', /16-dimensional float32 vectors or 12-dimensional int8 \+ float32 vectors, its metadata says 32 dimensions/);
  });
});

describe('checkHnswFile', () => {
  it('reads the vector size, count and M from a sound file', () => {
    const { file } = savedShard(tmp(), 50, 24);
    const r = checkHnswFile(readFileSync(file));
    expect(r).toEqual({ ok: true, info: expect.objectContaining({ vectorBytes: 96, count: 50, m: 8, efConstruction: 64 }) });
    if (r.ok) expect([fileSpace(r.info, 24), fileSpace(r.info, 23)]).toEqual(['cosine', null]);
  });

  it('names the damage in truncated, padded and scrambled files', () => {
    const dir = tmp();
    const { file } = savedShard(dir);
    const buf = readFileSync(file);
    const problem = (b: Uint8Array) => {
      const r = checkHnswFile(b);
      return r.ok ? 'ok' : r.problem;
    };
    expect(problem(buf.subarray(0, 40))).toMatch(/shorter than the 96-byte header/);
    expect(problem(buf.subarray(0, 2000))).toMatch(/truncated/);
    expect(problem(buf.subarray(0, buf.length - 3))).toMatch(/truncated/);
    expect(problem(Buffer.concat([buf, Buffer.from([0, 0, 0, 0])]))).toMatch(/trailing bytes/);
    const badM = Buffer.from(buf);
    badM.writeUInt32LE(5000, 72);
    expect(problem(badM)).toMatch(/header is damaged/);
    const badCount = Buffer.from(buf);
    badCount.writeUInt32LE(1_000_000, 16);
    expect(problem(badCount)).toMatch(/header is damaged|truncated/);
    const badLink = Buffer.from(buf);
    badLink.writeUInt16LE(1, 96);
    badLink.writeUInt32LE(999_999, 100);
    expect(problem(badLink)).toMatch(/links to a non-existent element/);
  });

  it('lets the loader refuse a corrupt file even when its recorded hash matches', () => {
    const dir = tmp();
    const { file } = savedShard(dir);
    const buf = Buffer.from(readFileSync(file));
    buf.writeUInt16LE(1, 96);
    buf.writeUInt32LE(999_999, 100);
    rmSync(file);
    writeFileSync(file, buf);
    const sha = createHash('sha256').update(buf).digest('hex');
    expectIndexError(() => HnswShard.load(file, { sha256: sha, dimension: 16 }, 'x'), 'corrupt', /is corrupt: element 0 links to a non-existent element; rebuild it/);
  });
});
