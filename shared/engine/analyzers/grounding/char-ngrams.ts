/**
 * Hashed character-trigram vectors of a word list, compared by cosine: a weight-free stand-in for semantic
 * similarity that tolerates inflection, spelling variants and compounds ("labelhead" ~ "label head").
 */

/** Sparse vector: hashed trigram id -> count, with its precomputed norm. */
export interface NgramVector {
  counts: Map<number, number>;
  norm: number;
}

const BUCKETS = 1 << 20;

function fnv1a(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/** Trigrams of each word padded with spaces (" pa", "par", ..., "is "), so word edges count. */
export function ngramVector(words: readonly string[]): NgramVector {
  const counts = new Map<number, number>();
  for (const w of words) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const id = fnv1a(padded, i, i + 3);
      counts.set(id, (counts.get(id) ?? 0) + 1);
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
