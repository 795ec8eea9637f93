/**
 * Character-trigram vectors of a word list, compared by cosine: a weight-free stand-in for semantic
 * similarity that tolerates inflection, spelling variants and compounds ("labelhead" ~ "label head").
 */

/** Sparse vector: trigram id (its three UTF-16 code units packed into one integer) -> count, with its norm. */
export interface NgramVector {
  counts: Map<number, number>;
  norm: number;
}

/** Trigrams of each word padded with spaces (" pa", "par", ..., "is "), so word edges count. */
export function ngramVector(words: readonly string[]): NgramVector {
  const counts = new Map<number, number>();
  for (const w of words) {
    if (w.length === 0) continue;
    let a = 32;
    let b = w.charCodeAt(0);
    for (let i = 1; i <= w.length; i++) {
      const c = i < w.length ? w.charCodeAt(i) : 32;
      // Small-integer ids keep the Map fast: exact for code units below 1024, hashed above.
      const id = (a | b | c) < 1024 ? (a << 20) | (b << 10) | c : (Math.imul(Math.imul(a, 65599) + b, 65599) + c) | 0x40000000;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      a = b;
      b = c;
    }
  }
  let sq = 0;
  for (const c of counts.values()) sq += c * c;
  return { counts, norm: Math.sqrt(sq) };
}

export function cosine(a: NgramVector, b: NgramVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [id, c] of small.counts) {
    const other = large.counts.get(id);
    if (other !== undefined) dot += c * other;
  }
  return dot / (a.norm * b.norm);
}
