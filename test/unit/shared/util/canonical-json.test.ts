import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/util/canonical-json';
import { sha256Hex } from '../../../../shared/util/hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth so key order does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 2, y: 3 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"y":3,"z":2}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });
  it('drops undefined members and writes non-finite numbers as null', () => {
    expect(canonicalJson({ a: undefined, b: Number.NaN })).toBe('{"b":null}');
  });
});

describe('sha256Hex', () => {
  it('matches the published SHA-256 test vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
