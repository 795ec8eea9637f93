/**
 * A one-hidden-layer network over a window's dense features (word vectors and group talk, dense-features.ts),
 * beside the linear model over hashed n-grams. A linear model can only add evidence up; the hidden units let
 * the dense features combine ("names a group" and "negative tone" together, a demeaning word near "they"), which
 * is what implicit hate and abuse in unseen wording are made of. Trained by scripts/toxicity/train-mlp.ts.
 */

export interface ToxicityMlp {
  inputs: number;
  hidden: number;
  /** hidden x inputs, row-major. */
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: number;
}

const scratch = { hidden: new Float32Array(0) };

/** Hidden activations of x (tanh), written into out. */
export function mlpHidden(mlp: ToxicityMlp, x: ArrayLike<number>, out: Float32Array): Float32Array {
  const { inputs, hidden, w1, b1 } = mlp;
  for (let h = 0; h < hidden; h++) {
    let a = b1[h]!;
    const base = h * inputs;
    for (let i = 0; i < inputs; i++) a += w1[base + i]! * x[i]!;
    out[h] = Math.tanh(a);
  }
  return out;
}

/** The network's logit for one input vector. */
export function mlpLogit(mlp: ToxicityMlp, x: ArrayLike<number>): number {
  if (scratch.hidden.length < mlp.hidden) scratch.hidden = new Float32Array(mlp.hidden);
  const a = mlpHidden(mlp, x, scratch.hidden);
  let z = mlp.b2;
  for (let h = 0; h < mlp.hidden; h++) z += mlp.w2[h]! * a[h]!;
  return z;
}
