import { describe, it, expect } from 'vitest';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HASH_SIZE, hashFeatures, modelTokens, wordWindows } from '../../../../../../shared/engine/analyzers/toxicity/features';
import { decodeWeights, encodeWeights } from '../../../../../../shared/engine/analyzers/toxicity/weights-codec';
import { TOXICITY_MODEL } from '../../../../../../shared/engine/analyzers/toxicity/model-weights';
import { modelScore } from '../../../../../../shared/engine/analyzers/toxicity/model';
import { DENSE_DIM, VECTOR_DIMS, denseFeatures } from '../../../../../../shared/engine/analyzers/toxicity/dense-features';
import { GROUP_DIM } from '../../../../../../shared/engine/analyzers/toxicity/group-features';
import { WORD_VECTORS } from '../../../../../../shared/engine/analyzers/toxicity/word-vectors';

const norm = (v: Float32Array, from: number, to: number): number => Math.sqrt(v.subarray(from, to).reduce((s, x) => s + x * x, 0));
const cosine = (a: Float32Array, b: Float32Array): number => {
  let dot = 0;
  for (let i = 0; i < VECTOR_DIMS; i++) dot += a[i]! * b[i]!;
  return dot / (norm(a, 0, VECTOR_DIMS) * norm(b, 0, VECTOR_DIMS));
};

describe('toxicity word-vector features', () => {
  it('ship a table whose size matches its header, small enough to keep in git', () => {
    const words = WORD_VECTORS.words.split(' ');
    expect(words.length).toBeGreaterThan(30_000);
    // The project check flags tracked files over 2 MiB; the table is derived to stay well under it.
    const file = fileURLToPath(new URL('../../../../../../shared/engine/analyzers/toxicity/word-vectors.ts', import.meta.url));
    expect(statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
    expect(atob(WORD_VECTORS.vectors).length).toBe(words.length * WORD_VECTORS.dims);
    expect(WORD_VECTORS.scales.length).toBe(WORD_VECTORS.dims);
  });

  it('give unit-length mean and max groups, and the identity group only when a group is named', () => {
    const plain = denseFeatures(['they', 'are', 'ruining', 'this', 'town']);
    expect(norm(plain, 0, VECTOR_DIMS)).toBeCloseTo(1, 5);
    expect(norm(plain, VECTOR_DIMS, 2 * VECTOR_DIMS)).toBeCloseTo(1, 5);
    expect(norm(plain, 2 * VECTOR_DIMS, 3 * VECTOR_DIMS)).toBe(0);
    const aimed = denseFeatures(['immigrants', 'are', 'ruining', 'this', 'town']);
    expect(norm(aimed, 2 * VECTOR_DIMS, 3 * VECTOR_DIMS)).toBeCloseTo(1, 5);
    expect(Array.from(denseFeatures(['qzxv', 'wprrt'])).every((x) => x === 0)).toBe(true);
    // The group-talk features follow the vector groups (group-features.test.ts checks what they mean).
    expect(DENSE_DIM).toBe(3 * VECTOR_DIMS + GROUP_DIM);
    expect(aimed[3 * VECTOR_DIMS]).toBe(1);
  });

  it('place words of like meaning near each other, so unseen wording can still score', () => {
    const insult = denseFeatures(['idiot']).slice(0, VECTOR_DIMS);
    expect(cosine(insult, denseFeatures(['moron']))).toBeGreaterThan(cosine(insult, denseFeatures(['umbrella'])) + 0.2);
  });
});

describe('toxicity features', () => {
  it('drops tweet residue before hashing', () => {
    expect(modelTokens('rt @someone: look at this http://t.co/x &amp; don\'t')).toEqual(['look', 'at', 'this', 'dont']);
  });

  it('gives each feature group unit length, within the hash space', () => {
    const v = hashFeatures(['hello', 'there', 'friend']);
    const norm = Math.sqrt(v.values.reduce((s, x) => s + x * x, 0));
    expect(norm).toBeCloseTo(Math.SQRT2, 6); // words group + characters group
    expect(v.indices.every((i) => i >= 0 && i < HASH_SIZE)).toBe(true);
    expect(hashFeatures(['hello', 'there', 'friend'])).toEqual(v); // scratch buffers are cleared between calls
  });

  it('windows long texts with overlap', () => {
    const words = Array.from({ length: 70 }, (_, i) => `w${i}`);
    const windows = wordWindows(words);
    expect(windows.map((w) => [w[0], w.length])).toEqual([
      ['w0', 30],
      ['w15', 30],
      ['w30', 30],
      ['w45', 25],
    ]);
  });
});

describe('toxicity model weights', () => {
  it('round-trips through the int8 square-root codec', () => {
    const weights = new Float64Array(1024).map((_, i) => Math.sin(i) * (i % 7));
    const back = decodeWeights(encodeWeights(weights, 0.5, 10));
    const maxAbs = Math.max(...weights.map(Math.abs));
    weights.forEach((w, i) => expect(Math.abs(back[i]! - w)).toBeLessThan(maxAbs * 0.02));
  });

  it('ships one weight per hash bucket plus the word-vector weights, and separates clear cases', () => {
    expect(decodeWeights(TOXICITY_MODEL).length).toBe(HASH_SIZE + DENSE_DIM);
    expect(modelScore('shut up you stupid bitch')).toBeGreaterThan(0.8);
    expect(modelScore('thank you so much for your help with the report')).toBeLessThan(0.2);
    expect(modelScore('')).toBe(0);
  });
});
