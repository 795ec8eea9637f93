/**
 * Concept similarities for the toxicity model: for each concept of concept-terms.ts (insult, threat,
 * violence, demeaning, dehumanising, sexual) a centroid of its seed words' unit vectors, and per window the
 * highest cosine of any word to it and the mean of the top three. N-grams only know words a source used; the
 * nearness of a word to "insult" or "vermin" carries to words no training source showed. The highest cosines
 * to the demeaning, dehumanising and violence centroids are repeated when the window names a group, as implicit
 * hate is ordinary words aimed at a group. Grammar words (FUNCTION_WORDS) are skipped. Each word's cosines are computed once per process (the vocabulary
 * is fixed), so a window costs one table look-up per word.
 */
import { CONCEPTS, CONCEPT_SEEDS, FUNCTION_WORDS, type Concept } from './concept-terms';
import { IDENTITY_WORDS } from '../../shared/engine/analyzers/toxicity/group-terms';
import { VECTOR_DIMS, vectorTable } from '../../shared/engine/analyzers/toxicity/vector-table';

const K = CONCEPTS.length;
const GATED: readonly Concept[] = ['demeaning', 'dehumanising', 'violence'];
const GATED_INDEX = GATED.map((c) => CONCEPTS.indexOf(c));
/** Per concept: highest cosine and top-3 mean; then the gated highest cosines. */
export const CONCEPT_DIM = 2 * K + GATED.length;
/** Offsets within the block: person-directed concepts (insult, threat, sexual), group concepts, gated copies. */
export const CONCEPT_PARTS = { direct: [0, 6], group: [6, 2 * K], gated: [2 * K, CONCEPT_DIM] } as const;

let cosines: Float32Array | null = null;

/** rows x K cosines of every vocabulary word to every concept centroid. */
function conceptCosines(): Float32Array {
  if (cosines) return cosines;
  const { rows, values } = vectorTable();
  const unit = (row: number, out: Float32Array): Float32Array => {
    let sq = 0;
    for (let d = 0; d < VECTOR_DIMS; d++) sq += values[row * VECTOR_DIMS + d]! ** 2;
    const s = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let d = 0; d < VECTOR_DIMS; d++) out[d] = values[row * VECTOR_DIMS + d]! * s;
    return out;
  };
  const centroids = CONCEPTS.map((c) => {
    const sum = new Float32Array(VECTOR_DIMS);
    const v = new Float32Array(VECTOR_DIMS);
    for (const w of new Set(CONCEPT_SEEDS[c])) {
      const row = rows.get(w);
      if (row === undefined) continue;
      unit(row, v);
      for (let d = 0; d < VECTOR_DIMS; d++) sum[d]! += v[d]!;
    }
    let sq = 0;
    for (let d = 0; d < VECTOR_DIMS; d++) sq += sum[d]! ** 2;
    if (sq === 0) throw new Error(`concept ${c}: none of its seed words has a word vector`);
    return sum.map((x) => x / Math.sqrt(sq));
  });
  const out = new Float32Array(rows.size * K);
  const v = new Float32Array(VECTOR_DIMS);
  for (let row = 0; row < rows.size; row++) {
    unit(row, v);
    for (let k = 0; k < K; k++) {
      let dot = 0;
      for (let d = 0; d < VECTOR_DIMS; d++) dot += v[d]! * centroids[k]![d]!;
      out[row * K + k] = dot;
    }
  }
  return (cosines = out);
}

// Top three cosines per concept of the current window (descending), -Infinity when unfilled.
const top = new Float32Array(3 * K);
const seen = new Set<number>();

/** Writes the CONCEPT_DIM features of one window into out at offset (zeros when no word has a vector). */
export function conceptFeaturesInto(words: readonly string[], out: Float32Array, offset: number): void {
  const { rows } = vectorTable();
  const cos = conceptCosines();
  top.fill(-Infinity);
  let known = 0;
  let identity = false;
  seen.clear();
  for (const w of words) {
    if (IDENTITY_WORDS.has(w)) identity = true;
    if (FUNCTION_WORDS.has(w)) continue;
    const row = rows.get(w);
    // A repeated word counts once, so "rats rats rats" is not three close words.
    if (row === undefined || seen.has(row)) continue;
    seen.add(row);
    known++;
    for (let k = 0; k < K; k++) {
      const c = cos[row * K + k]!;
      const t = 3 * k;
      if (c > top[t + 2]!) {
        if (c > top[t]!) {
          top[t + 2] = top[t + 1]!;
          top[t + 1] = top[t]!;
          top[t] = c;
        } else if (c > top[t + 1]!) {
          top[t + 2] = top[t + 1]!;
          top[t + 1] = c;
        } else top[t + 2] = c;
      }
    }
  }
  out.fill(0, offset, offset + CONCEPT_DIM);
  if (known === 0) return;
  const n = Math.min(3, known);
  for (let k = 0; k < K; k++) {
    out[offset + 2 * k] = top[3 * k]!;
    let s = 0;
    for (let j = 0; j < n; j++) s += top[3 * k + j]!;
    out[offset + 2 * k + 1] = s / 3;
  }
  if (identity) GATED_INDEX.forEach((k, j) => (out[offset + 2 * K + j] = top[3 * k]!));
}
