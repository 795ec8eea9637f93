/**
 * 32-bit hashing for feature hashing: FNV-1a over UTF-16 code units, finished with murmur3's avalanche step so
 * that low and high bits are both usable (the IDF table takes low bits, the vector bucket the mixed high ones).
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** One FNV-1a step: mixes a UTF-16 code unit into a running hash (not yet finalized). */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** FNV-1a over a string from a running hash, not finalized (callers chain it, then finish with fmix32). */
export function fnvString(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** Plain 32-bit FNV-1a of a string (unsigned, not finalized): stable splits and seeds keyed by text. */
export function fnv1a(text: string): number {
  return fnvString(FNV_OFFSET, text) >>> 0;
}

export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a whole string under a seed (the seed keeps feature families apart). */
export function hashString(text: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return fmix32(h);
}

/** Order-sensitive combination of two hashes (word bigrams). */
export function hashPair(a: number, b: number, seed: number): number {
  return fmix32((Math.imul(a ^ seed, 0x9e3779b1) + b) | 0);
}
