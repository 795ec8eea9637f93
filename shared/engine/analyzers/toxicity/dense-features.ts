/**
 * Word-vector features for the toxicity model, beside the hashed n-grams (features.ts). Hashed n-grams only
 * know the exact words the training sources used; GloVe vectors (word-vectors.ts, derived by
 * scripts/derive-word-vectors.ts) place unseen insults, slurs and demeaning words near the ones that were
 * seen, which is what carries a model from one platform's vocabulary to another's. Three groups, each
 * L2-normalized like the hashed groups, then the group-talk features of group-features.ts:
 *   - mean of the window's word vectors (what the text is about and its tone),
 *   - element-wise max of absolute value, signed (the most extreme word on each axis),
 *   - the mean again, but only when the window names an identity group (so the model can learn what is said
 *     about groups apart from what is said in general: implicit hate is ordinary words aimed at a group).
 */
import { GROUP_DIM, groupFeaturesInto } from './group-features';
import { IDENTITY_WORDS } from './group-terms';
import { VECTOR_DIMS, vectorTable } from './vector-table';

export { VECTOR_DIMS };
/** Three word-vector groups, then the group-talk features (group-features.ts). */
export const DENSE_DIM = 3 * VECTOR_DIMS + GROUP_DIM;

const mean = new Float32Array(VECTOR_DIMS);
const peak = new Float32Array(VECTOR_DIMS);

function normalizeInto(src: Float32Array, out: Float32Array, offset: number): void {
  let sq = 0;
  for (let d = 0; d < src.length; d++) sq += src[d]! * src[d]!;
  const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
  for (let d = 0; d < src.length; d++) out[offset + d] = src[d]! * scale;
}

/** The DENSE_DIM features of one window of words (vector groups all zero when no word has a vector). */
export function denseFeatures(words: readonly string[], out: Float32Array = new Float32Array(DENSE_DIM)): Float32Array {
  const { rows, values } = vectorTable();
  mean.fill(0);
  peak.fill(0);
  let known = 0;
  let identity = false;
  for (const w of words) {
    if (IDENTITY_WORDS.has(w)) identity = true;
    const row = rows.get(w);
    if (row === undefined) continue;
    known++;
    const base = row * VECTOR_DIMS;
    for (let d = 0; d < VECTOR_DIMS; d++) {
      const v = values[base + d]!;
      mean[d]! += v;
      if (Math.abs(v) > Math.abs(peak[d]!)) peak[d] = v;
    }
  }
  out.fill(0);
  groupFeaturesInto(words, out, 3 * VECTOR_DIMS);
  if (known === 0) return out;
  normalizeInto(mean, out, 0);
  normalizeInto(peak, out, VECTOR_DIMS);
  if (identity) out.copyWithin(2 * VECTOR_DIMS, 0, VECTOR_DIMS);
  return out;
}

const scratch = new Float32Array(DENSE_DIM);

/** weights . denseFeatures(words), weights being the DENSE_DIM dense weights. */
export function dotDense(words: readonly string[], weights: Float32Array): number {
  const f = denseFeatures(words, scratch);
  let z = 0;
  for (let k = 0; k < DENSE_DIM; k++) z += weights[k]! * f[k]!;
  return z;
}
