import { bytesToHex } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import {
  checkHashedTfidfParams, DEFAULT_HASHED_TFIDF, DfCounter, HashedTfidf, idfFingerprint,
} from '../../../../../shared/text/embed/hashed-tfidf';
import { providerKey, providerMismatch } from '../../../../../shared/text/embed/provider';
import { dot } from '../../../../../shared/text/embed/exact-knn';

const cos = (a: Float32Array, b: Float32Array) => dot(a, 0, b, a.length);
const norm = (v: Float32Array) => Math.sqrt(cos(v, v));

const CORPUS = [
  'To reset your password open Settings and choose Security.',
  'Refunds are issued to the original payment method within 14 days.',
  'Standard shipping takes three to five business days.',
  'Lithium batteries last longest between 20 and 80 percent charge.',
  'Update the camera firmware from the mobile app.',
  'The hub supports 2.4 GHz Wi-Fi networks only.',
];

function fitted(texts = CORPUS, params = DEFAULT_HASHED_TFIDF): HashedTfidf {
  const df = new DfCounter(params);
  for (const t of texts) df.add(t);
  return new HashedTfidf(params, df.result());
}

describe('hashed TF-IDF embedder', () => {
  it('returns unit vectors of the configured dimension, identical for identical input', () => {
    const e = new HashedTfidf({ ...DEFAULT_HASHED_TFIDF, dimension: 128 });
    const a = e.embed('The camera firmware update failed twice.');
    expect(a).toHaveLength(128);
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(Array.from(new HashedTfidf({ ...DEFAULT_HASHED_TFIDF, dimension: 128 }).embed('The camera firmware update failed twice.'))).toEqual(Array.from(a));
  });

  it('gives the zero vector for text with nothing to embed, and embeds text made only of function words', () => {
    const e = new HashedTfidf();
    for (const empty of ['', '   ', '!!! ??? ...', '\u200b']) expect(e.embed(empty).every((x) => x === 0)).toBe(true);
    expect(norm(e.embed('who is he'))).toBeCloseTo(1, 5);
  });

  it('ranks the document that shares the query topic first, including inflected forms', () => {
    const e = fitted();
    const docs = CORPUS.map((t) => e.embed(t));
    const rank = (q: string) => {
      const v = e.embed(q);
      return docs.map((d, i) => [cos(v, d), i] as const).sort((a, b) => b[0] - a[0])[0]![1];
    };
    expect(rank('how do I reset a forgotten password')).toBe(0);
    expect(rank('refunded payments')).toBe(1);
    expect(rank('shipped within business days')).toBe(2);
    expect(rank('updating firmware on my camera')).toBe(4);
    expect(rank('wifi network frequency for the hub')).toBe(5);
  });

  it('tolerates a typo through character n-grams', () => {
    const e = fitted();
    const v = e.embed('pasword resett');
    const scores = CORPUS.map((t) => cos(v, e.embed(t)));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('weights rare words above words found in every document (IDF fitted on the corpus)', () => {
    const corpus = Array.from({ length: 50 }, (_, i) => `device report number ${i} ${i % 10 === 0 ? 'overheating' : 'normal'}`);
    const e = fitted(corpus);
    const base = e.embed('device overheating');
    expect(cos(base, e.embed('overheating'))).toBeGreaterThan(cos(base, e.embed('device')));
  });

  it('computes the same IDF whether the corpus is counted at once or in merged shards', () => {
    const whole = new DfCounter();
    for (const t of CORPUS) whole.add(t);
    const a = new DfCounter();
    const b = new DfCounter();
    CORPUS.forEach((t, i) => (i % 2 ? a : b).add(t));
    a.merge(b.result());
    expect(a.docs).toBe(whole.docs);
    expect(idfFingerprint(a.result())).toBe(idfFingerprint(whole.result()));
  });

  it('keys its spec on params and IDF, so an index refuses queries embedded differently', () => {
    const plain = new HashedTfidf();
    const other = fitted();
    expect(providerKey(plain.spec)).not.toBe(providerKey(other.spec));
    expect(providerKey(new HashedTfidf().spec)).toBe(providerKey(plain.spec));
    expect(providerMismatch(plain.spec, other.spec)).toMatch(/idf/);
    expect(providerMismatch(plain.spec, new HashedTfidf({ ...DEFAULT_HASHED_TFIDF, dimension: 512 }).spec)).toMatch(/384 dimensions, the query 512/);
    expect(providerMismatch(plain.spec, plain.spec)).toBeNull();
  });

  it('rejects invalid parameters with the parameter name', () => {
    expect(checkHashedTfidfParams({ ...DEFAULT_HASHED_TFIDF, dimension: 3 })).toMatch(/dimension/);
    expect(checkHashedTfidfParams({ ...DEFAULT_HASHED_TFIDF, charMin: 6, charMax: 4 })).toMatch(/charMin/);
    expect(checkHashedTfidfParams({ ...DEFAULT_HASHED_TFIDF, wordWeight: 0, bigramWeight: 0, charWeight: 0 })).toMatch(/weight/);
    expect(() => new HashedTfidf({ ...DEFAULT_HASHED_TFIDF, idfBits: 40 })).toThrow(/idfBits/);
  });

  it('embeds non-Latin scripts', () => {
    const e = new HashedTfidf();
    const ru = e.embed('Как сбросить пароль');
    const zh = e.embed('如何重置密码');
    expect(norm(ru)).toBeCloseTo(1, 5);
    expect(norm(zh)).toBeCloseTo(1, 5);
    expect(cos(ru, e.embed('сбросить пароль'))).toBeGreaterThan(0.5);
  });

  // Stored indexes hold vectors from this exact function. If this fingerprint changes, the embedding changed:
  // bump HASHED_TFIDF_VERSION so existing indexes are refused (and rebuilt) instead of silently mis-ranking.
  it('produces the pinned vectors of provider version 1', () => {
    const e = fitted();
    const bytes = (v: Float32Array) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    const v = new Float32Array([...e.embed('Resetting passwords: see Settings > Security (2.4 GHz).'), ...new HashedTfidf().embed('Héllo wörld, 1,000 cafés!')]);
    expect(bytesToHex(sha256(bytes(v))).slice(0, 16)).toBe(PINNED);
  });
});

const PINNED = '5523f57eddde85f1';
